from django.urls import path  # noqa: F401

from headway.feedback import views  # noqa: F401

urlpatterns: list = []
