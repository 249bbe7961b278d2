from django.contrib import admin
from django.urls import include, path

from headway.api import api

urlpatterns = [
    path("", include("headway.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("settings/", include("headway.accounts.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
