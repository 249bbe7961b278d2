"""Contacts kept before a change to what contact search folds are found after the migration."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("network", "0001_initial")]
AFTER = [("network", "0002_contact_search_text")]


@pytest.mark.django_db(transaction=True)
def test_existing_contacts_get_their_search_text() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        user = old.get_model("accounts", "User").objects.create(email="old@example.org")
        old.get_model("network", "Contact").objects.create(
            user=user, name="José Núñez", organisation="Compañía Ibérica"
        )
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps
        contact = new.get_model("network", "Contact").objects.get()
        assert contact.search_text == "jose nunez\ncompania iberica"
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_existing_contacts_are_found_by_phone_number_after_0003() -> None:
    before = [("network", "0002_contact_search_text")]
    after = [("network", "0003_contact_other_emails_and_phones")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        user = old.get_model("accounts", "User").objects.create(email="old@example.org")
        old.get_model("network", "Contact").objects.create(
            user=user, name="Zoë", email="zoe@example.org", phone="+33 1 23 45 67 89"
        )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps
        contact = new.get_model("network", "Contact").objects.get()
        assert (contact.other_emails, contact.other_phones) == ([], [])
        assert contact.search_text == "zoe\nzoe@example.org\n+33 1 23 45 67 89"
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
