from django.urls import path

from headway.careers import views

urlpatterns = [
    path("", views.explore_view, name="careers-explore"),
    path("occupations/<str:key>/", views.occupation_view, name="careers-occupation"),
    path("compare/", views.compare_view, name="careers-compare"),
    path("about/", views.about_view, name="careers-about"),
    path(
        "visions/<int:vision_id>/target/",
        views.vision_target_set_view,
        name="careers-vision-target-set",
    ),
    path(
        "visions/<int:vision_id>/target/clear/",
        views.vision_target_clear_view,
        name="careers-vision-target-clear",
    ),
]
