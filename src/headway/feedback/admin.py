from django.contrib import admin

from headway.feedback.models import (
    Adjustment,
    Comment,
    CriterionRating,
    Invitation,
    ReviewerAccess,
)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "owner", "role", "scope", "created_at", "expires_at", "accepted_at")
    readonly_fields = ("token_hash",)
    raw_id_fields = ("owner", "accepted_by", "goals")


@admin.register(ReviewerAccess)
class ReviewerAccessAdmin(admin.ModelAdmin):
    list_display = ("reviewer", "owner", "role", "scope", "started_at", "ended_at")
    raw_id_fields = ("owner", "reviewer", "goals", "invitation")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "goal", "author", "created_at")
    raw_id_fields = ("goal", "milestone", "parent", "author", "reviewer")


@admin.register(CriterionRating)
class CriterionRatingAdmin(admin.ModelAdmin):
    list_display = ("goal", "reviewer", "criterion", "rating", "updated_at")
    raw_id_fields = ("goal", "reviewer")


@admin.register(Adjustment)
class AdjustmentAdmin(admin.ModelAdmin):
    list_display = ("goal", "version", "comment", "rating", "created_at")
    raw_id_fields = ("goal", "version", "comment", "rating")
