from django.urls import path

from headway.coach import views

urlpatterns = [
    path("", views.coach_view, name="coach-try"),
    path("check/", views.check_view, name="coach-check"),
    path("try/", views.public_coach_view, name="coach-public"),
    path("try/check/", views.public_check_view, name="coach-public-check"),
]
