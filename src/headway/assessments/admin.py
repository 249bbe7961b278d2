from django.contrib import admin

from headway.assessments.models import InterestAttempt, InterestItem, UserSkill


@admin.register(InterestItem)
class InterestItemAdmin(admin.ModelAdmin):
    list_display = ("code", "text")
    ordering = ("id",)


@admin.register(InterestAttempt)
class InterestAttemptAdmin(admin.ModelAdmin):
    list_display = ("user", "started_at", "completed_at", "holland_code")
    list_select_related = ("user",)
    readonly_fields = ("scores",)


@admin.register(UserSkill)
class UserSkillAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "proficiency", "enjoyment", "updated_at")
    list_select_related = ("user",)
    raw_id_fields = ("skill", "trait")
