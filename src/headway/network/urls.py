from django.urls import path

from headway.network import views

urlpatterns = [
    path("", views.overview_view, name="network-overview"),
    path("contacts/", views.contacts_view, name="network-contacts"),
    path("contacts/new/", views.contact_create_view, name="network-contact-create"),
    path("contacts/import/", views.contacts_import_view, name="network-contacts-import"),
    path("contacts/export.vcf", views.contacts_vcard_view, name="network-contacts-vcard"),
    path("contacts/export.csv", views.contacts_csv_view, name="network-contacts-csv"),
    path("contacts/<int:contact_id>/", views.contact_view, name="network-contact"),
    path("contacts/<int:contact_id>/edit/", views.contact_edit_view, name="network-contact-edit"),
    path(
        "contacts/<int:contact_id>/delete/",
        views.contact_delete_view,
        name="network-contact-delete",
    ),
    path(
        "contacts/<int:contact_id>/contact.vcf",
        views.contact_vcard_view,
        name="network-contact-vcard",
    ),
    path("interactions/", views.interactions_view, name="network-interactions"),
    path("interactions/new/", views.interaction_create_view, name="network-interaction-create"),
    path(
        "interactions/<int:interaction_id>/edit/",
        views.interaction_edit_view,
        name="network-interaction-edit",
    ),
    path(
        "interactions/<int:interaction_id>/delete/",
        views.interaction_delete_view,
        name="network-interaction-delete",
    ),
    path("events/", views.events_view, name="network-events"),
    path("events/new/", views.event_create_view, name="network-event-create"),
    path("events/<int:event_id>/", views.event_view, name="network-event"),
    path("events/<int:event_id>/edit/", views.event_edit_view, name="network-event-edit"),
    path("events/<int:event_id>/delete/", views.event_delete_view, name="network-event-delete"),
    path(
        "events/<int:event_id>/follow-ups/",
        views.follow_up_create_view,
        name="network-follow-up-create",
    ),
    path(
        "follow-ups/<int:follow_up_id>/edit/",
        views.follow_up_edit_view,
        name="network-follow-up-edit",
    ),
    path(
        "follow-ups/<int:follow_up_id>/done/",
        views.follow_up_done_view,
        name="network-follow-up-done",
    ),
    path(
        "follow-ups/<int:follow_up_id>/delete/",
        views.follow_up_delete_view,
        name="network-follow-up-delete",
    ),
    path("organisations/", views.organisations_view, name="network-organisations"),
    path(
        "organisations/new/",
        views.organisation_create_view,
        name="network-organisation-create",
    ),
    path(
        "organisations/<int:organisation_id>/edit/",
        views.organisation_edit_view,
        name="network-organisation-edit",
    ),
    path(
        "organisations/<int:organisation_id>/delete/",
        views.organisation_delete_view,
        name="network-organisation-delete",
    ),
    path("goal-counts/", views.targets_view, name="network-targets"),
    path("goal-counts/new/", views.target_create_view, name="network-target-create"),
    path("goal-counts/<int:target_id>/edit/", views.target_edit_view, name="network-target-edit"),
    path(
        "goal-counts/<int:target_id>/delete/",
        views.target_delete_view,
        name="network-target-delete",
    ),
]
