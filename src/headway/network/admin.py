from django.contrib import admin

from headway.network.models import (
    Contact,
    Event,
    FollowUp,
    GoalInteractionTarget,
    Interaction,
    Organisation,
    Tag,
)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "relationship", "user", "keep_in_touch_weeks")
    list_filter = ("relationship",)
    search_fields = ("name", "organisation", "email", "user__email")
    raw_id_fields = ("user",)
    filter_horizontal = ("tags",)
    exclude = ("goals",)


@admin.register(Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ("occurred_on", "kind", "contact", "user")
    list_filter = ("kind",)
    raw_id_fields = ("user", "contact", "goal")


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "held_on", "user")
    list_filter = ("kind",)
    raw_id_fields = ("user",)
    exclude = ("goals", "contacts")
    inlines = (FollowUpInline,)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "member_since", "user")
    raw_id_fields = ("user",)
    exclude = ("goals",)


@admin.register(GoalInteractionTarget)
class GoalInteractionTargetAdmin(admin.ModelAdmin):
    list_display = ("goal", "kind", "starts_on", "user")
    raw_id_fields = ("user", "goal")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "user")
    raw_id_fields = ("user",)
