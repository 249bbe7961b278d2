from django.contrib import admin

from headway.plans.models import (
    Action,
    Goal,
    GoalVersion,
    Milestone,
    PlanSettings,
    Reminder,
    Review,
    Trait,
    Vision,
)


@admin.register(Vision)
class VisionAdmin(admin.ModelAdmin):
    list_display = ("user", "horizon", "target_role", "version", "updated_at")
    raw_id_fields = ("user",)


@admin.register(Trait)
class TraitAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "title")
    raw_id_fields = ("user", "goal")


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ("statement", "user", "status", "target_date", "rank", "next_review_on")
    list_filter = ("status", "category")
    search_fields = ("statement", "user__email")
    raw_id_fields = ("user",)
    inlines = (MilestoneInline,)


@admin.register(GoalVersion)
class GoalVersionAdmin(admin.ModelAdmin):
    list_display = ("goal", "number", "source", "created_at")
    raw_id_fields = ("goal", "review")


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ("title", "goal", "kind", "status", "due_on")
    raw_id_fields = ("goal",)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("goal", "reviewed_on", "progress", "decision")
    raw_id_fields = ("goal",)


@admin.register(PlanSettings)
class PlanSettingsAdmin(admin.ModelAdmin):
    list_display = ("user", "focus_limit", "email_reminders")
    raw_id_fields = ("user",)
    exclude = ("calendar_token",)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "object_id", "due_on", "claimed_at", "sent_at")
    list_filter = ("kind",)
    raw_id_fields = ("user",)
