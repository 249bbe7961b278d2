from django.urls import path  # noqa: F401

from headway.assessments import views  # noqa: F401

urlpatterns: list = []
