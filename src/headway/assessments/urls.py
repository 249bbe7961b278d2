from django.urls import path

from headway.assessments import views

urlpatterns = [
    path("", views.know_view, name="assessments-know"),
    path("interests/", views.interests_view, name="assessments-know-interests"),
    path("interests/start/", views.interests_start_view, name="assessments-know-interests-start"),
    path(
        "interests/<int:attempt_id>/",
        views.interests_result_view,
        name="assessments-know-interests-result",
    ),
    path(
        "interests/<int:attempt_id>/page/<int:number>/",
        views.interests_page_view,
        name="assessments-know-interests-page",
    ),
    path("careers/", views.matches_view, name="assessments-know-matches"),
    path("skills/", views.skills_view, name="assessments-know-skills"),
    path("skills/suggest/", views.skills_suggest_view, name="assessments-know-skills-suggest"),
    path(
        "skills/<int:user_skill_id>/edit/",
        views.skill_edit_view,
        name="assessments-know-skill-edit",
    ),
    path(
        "skills/<int:user_skill_id>/delete/",
        views.skill_delete_view,
        name="assessments-know-skill-delete",
    ),
    path(
        "skills/<int:user_skill_id>/trait/",
        views.skill_trait_view,
        name="assessments-know-skill-trait",
    ),
    path("gap/", views.gap_view, name="assessments-know-gap"),
    path("gap/goal/", views.gap_goal_view, name="assessments-know-gap-goal"),
]
