from django.urls import path  # noqa: F401

from headway.network import views  # noqa: F401

urlpatterns: list = []
