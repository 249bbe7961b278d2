from django.contrib import admin

from headway.careers.models import Dataset, Occupation, Skill, VisionTarget


@admin.register(Dataset)
class DatasetAdmin(admin.ModelAdmin):
    list_display = ("name", "version", "imported_at", "source")
    readonly_fields = [field.name for field in Dataset._meta.fields]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ("title", "source", "code", "job_zone", "in_current_release")
    list_filter = ("source", "job_zone", "in_current_release")
    search_fields = ("title", "code")
    raw_id_fields = ("broader", "onet_match")


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("label", "skill_type", "reuse_level")
    search_fields = ("label", "uri")


@admin.register(VisionTarget)
class VisionTargetAdmin(admin.ModelAdmin):
    list_display = ("vision", "occupation", "set_at")
    raw_id_fields = ("vision", "occupation")
