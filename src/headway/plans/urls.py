from django.urls import path

from headway.plans import views

urlpatterns = [
    path("", views.plan_view, name="plans-plan"),
    path("print/", views.plan_print_view, name="plans-print"),
    path("vision/", views.vision_view, name="plans-vision"),
    path("vision/<int:horizon>/edit/", views.vision_edit_view, name="plans-vision-edit"),
    path("vision/<int:horizon>/history/", views.vision_history_view, name="plans-vision-history"),
    path("strengths/", views.traits_view, name="plans-traits"),
    path("strengths/<int:trait_id>/edit/", views.trait_edit_view, name="plans-trait-edit"),
    path("strengths/<int:trait_id>/delete/", views.trait_delete_view, name="plans-trait-delete"),
    path("strengths/<int:trait_id>/goal/", views.trait_goal_view, name="plans-trait-goal"),
    path("goals/", views.goals_view, name="plans-goals"),
    path("goals/new/", views.goal_create_view, name="plans-goal-create"),
    path("goals/<int:goal_id>/", views.goal_view, name="plans-goal"),
    path("goals/<int:goal_id>/edit/", views.goal_edit_view, name="plans-goal-edit"),
    path("goals/<int:goal_id>/delete/", views.goal_delete_view, name="plans-goal-delete"),
    path("goals/<int:goal_id>/status/", views.goal_status_view, name="plans-goal-status"),
    path("goals/<int:goal_id>/move/", views.goal_move_view, name="plans-goal-move"),
    path("goals/<int:goal_id>/place/", views.goal_place_view, name="plans-goal-place"),
    path("goals/<int:goal_id>/metric/", views.goal_metric_view, name="plans-goal-metric"),
    path("goals/<int:goal_id>/history/", views.goal_history_view, name="plans-goal-history"),
    path(
        "goals/<int:goal_id>/milestones/",
        views.milestone_create_view,
        name="plans-milestone-create",
    ),
    path(
        "milestones/<int:milestone_id>/edit/",
        views.milestone_edit_view,
        name="plans-milestone-edit",
    ),
    path(
        "milestones/<int:milestone_id>/complete/",
        views.milestone_complete_view,
        name="plans-milestone-complete",
    ),
    path(
        "milestones/<int:milestone_id>/delete/",
        views.milestone_delete_view,
        name="plans-milestone-delete",
    ),
    path("goals/<int:goal_id>/actions/new/", views.action_create_view, name="plans-action-create"),
    path("actions/<int:action_id>/edit/", views.action_edit_view, name="plans-action-edit"),
    path("actions/<int:action_id>/delete/", views.action_delete_view, name="plans-action-delete"),
    path("goals/<int:goal_id>/review/", views.review_create_view, name="plans-review-create"),
    path("reviews/", views.reviews_view, name="plans-reviews"),
    path("focus/", views.focus_view, name="plans-focus"),
    path("focus/order/", views.goals_reorder_view, name="plans-goals-reorder"),
    path("settings/", views.settings_view, name="plans-settings"),
    path(
        "calendar/regenerate/",
        views.calendar_regenerate_view,
        name="plans-calendar-regenerate",
    ),
    path("calendar/<str:token>.ics", views.calendar_feed_view, name="plans-calendar-feed"),
]
