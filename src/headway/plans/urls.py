from django.urls import path  # noqa: F401

from headway.plans import views  # noqa: F401

urlpatterns: list = []
