"""Contacts kept before contact search folded its text are found after the migration."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("network", "0001_initial")]
AFTER = [("network", "0002_contact_other_emails_phones_and_search_text")]


@pytest.mark.django_db(transaction=True)
def test_existing_contacts_get_their_search_text() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        user = old.get_model("accounts", "User").objects.create(email="old@example.org")
        old.get_model("network", "Contact").objects.create(
            user=user,
            name="José Núñez",
            organisation="Compañía Ibérica",
            email="jose@example.org",
            phone="+34 600 123 456",
        )
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps
        contact = new.get_model("network", "Contact").objects.get()
        assert (contact.other_emails, contact.other_phones) == ([], [])
        assert contact.search_text == (
            "jose nunez\ncompania iberica\njose@example.org\n+34 600 123 456"
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
