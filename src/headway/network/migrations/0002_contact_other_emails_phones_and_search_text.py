from typing import Any

from django.db import migrations, models

from headway.domain.networking import search_text

# Contact.SEARCHED_FIELDS as of this migration (a migration keeps its own copy).
SEARCHED_FIELDS = (
    "name",
    "organisation",
    "role",
    "email",
    "other_emails",
    "phone",
    "other_phones",
    "how_met",
    "notes",
)


def fill_search_text(apps: Any, schema_editor: Any) -> None:
    """Fold the searched fields of the contacts kept before the column existed."""
    contact_model = apps.get_model("network", "Contact")
    contacts = list(contact_model.objects.only("pk", *SEARCHED_FIELDS))
    for contact in contacts:
        contact.search_text = search_text(*(getattr(contact, f) for f in SEARCHED_FIELDS))
    contact_model.objects.bulk_update(contacts, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="other_emails",
            field=models.JSONField(blank=True, default=list, verbose_name="Other email addresses"),
        ),
        migrations.AddField(
            model_name="contact",
            name="other_phones",
            field=models.JSONField(blank=True, default=list, verbose_name="Other phone numbers"),
        ),
        migrations.AddField(
            model_name="contact",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
