from django.urls import path

from headway.feedback import views

urlpatterns = [
    path("", views.home_view, name="feedback-home"),
    path("invite/", views.invite_view, name="feedback-invite"),
    path(
        "invitations/<int:invitation_id>/withdraw/",
        views.invitation_withdraw_view,
        name="feedback-invitation-withdraw",
    ),
    path("accept/<str:token>/", views.accept_view, name="feedback-accept"),
    path("reviewers/<int:access_id>/", views.reviewer_view, name="feedback-reviewer"),
    path("reviewers/<int:access_id>/end/", views.reviewer_end_view, name="feedback-reviewer-end"),
    path("goals/<int:goal_id>/", views.goal_feedback_view, name="feedback-goal"),
    path("goals/<int:goal_id>/ask/", views.question_create_view, name="feedback-question-create"),
    path("messages/<int:comment_id>/reply/", views.reply_view, name="feedback-reply"),
    path(
        "messages/<int:comment_id>/adjust/",
        views.comment_adjust_view,
        name="feedback-comment-adjust",
    ),
    path(
        "ratings/<int:rating_id>/adjust/", views.rating_adjust_view, name="feedback-rating-adjust"
    ),
    path("shared/", views.reviewing_view, name="feedback-reviewing"),
    path("shared/people/<int:access_id>/", views.shared_plan_view, name="feedback-shared-plan"),
    path("shared/people/<int:access_id>/leave/", views.leave_view, name="feedback-leave"),
    path("shared/goals/<int:goal_id>/", views.shared_goal_view, name="feedback-shared-goal"),
    path(
        "shared/goals/<int:goal_id>/comment/",
        views.comment_create_view,
        name="feedback-comment-create",
    ),
    path("shared/goals/<int:goal_id>/rate/", views.rate_view, name="feedback-rate"),
]
