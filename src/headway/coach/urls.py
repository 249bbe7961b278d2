from django.urls import path

from headway.coach import views

urlpatterns = [
    path("", views.coach_view, name="coach-try"),
    path("check/", views.check_view, name="coach-check"),
]
