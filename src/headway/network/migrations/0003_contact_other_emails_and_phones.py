from typing import Any

from django.db import migrations, models

from headway.domain.networking import search_text

# Search now covers phone numbers too, so every contact's search text is folded again.
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


def refill_search_text(apps: Any, schema_editor: Any) -> None:
    """Fold the searched fields again, now that they include the phone numbers."""
    contact_model = apps.get_model("network", "Contact")
    contacts = list(contact_model.objects.only("pk", *SEARCHED_FIELDS))
    for contact in contacts:
        contact.search_text = search_text(*(getattr(contact, f) for f in SEARCHED_FIELDS))
    contact_model.objects.bulk_update(contacts, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_contact_search_text"),
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
        migrations.RunPython(refill_search_text, migrations.RunPython.noop),
    ]
