from django.urls import path

from headway.accounts import views

urlpatterns = [
    path("", views.settings_view, name="accounts-settings"),
    path("tokens/", views.token_create_view, name="accounts-token-create"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke_view, name="accounts-token-revoke"),
    path("export/", views.data_export_view, name="accounts-export"),
    path("delete/", views.account_delete_view, name="accounts-delete"),
]
