from django.urls import path

from headway.core import views

urlpatterns = [
    path("", views.home_view, name="core-home"),
    path("dashboard/", views.dashboard_view, name="core-dashboard"),
    path("healthz", views.healthz_view, name="core-healthz"),
]
