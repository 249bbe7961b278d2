"""Measure the network pages and imports of an account with a very large address book.

Builds one user with 24,070 contacts (the size one 1 MiB vCard used to import; bulk_create
skips the per-account cap) in a temporary SQLite file, then prints, through the Django test
client: the contacts page, its last page, the interactions page and the event form (bytes,
median time), a vCard import of HEADWAY_IMPORT_MAX_CONTACTS cards into an empty account, and
how long a multipart POST declaring 50 MB takes to be refused.

Run: .venv/bin/python bench/network_limits.py [--contacts 24070] [--requests 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def timed(call: Callable[[], Any], runs: int) -> tuple[Any, float]:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=24070)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="headway-bench-network-")
    try:
        run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: str) -> None:
    setup(f"sqlite:///{folder}/bench.sqlite3")
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 413s are expected

    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from headway.accounts.models import User
    from headway.network.models import Contact, Interaction

    user = User.objects.create_user("bench@example.org", "x")
    contacts = Contact.objects.bulk_create(
        Contact(
            user=user, name=f"Person {n:05}", search_text=f"person {n:05}", email=f"p{n}@ex.org"
        )
        for n in range(args.contacts)
    )
    Interaction.objects.bulk_create(
        Interaction(user=user, contact=c, kind="coffee", occurred_on="2026-01-05")
        for c in contacts[:5000]
    )
    client = Client()
    client.force_login(user)
    pages = {
        "contacts page": reverse("network-contacts"),
        "contacts, last page": reverse("network-contacts") + "?page=9999",
        "interactions page": reverse("network-interactions"),
        "event form": reverse("network-event-create"),
    }
    print(f"{args.contacts:,} contacts, 5,000 interactions; page size {settings.HEADWAY_PAGE_SIZE}")
    for label, url in pages.items():
        response, ms = timed(lambda url=url: client.get(url), args.requests)
        assert response.status_code == 200, (label, response.status_code)
        print(f"{label:22} {len(response.content) / 1024:8.1f} KiB  median {ms:7.1f} ms")

    fresh = User.objects.create_user("fresh@example.org", "x")
    fresh_client = Client()
    fresh_client.force_login(fresh)
    cards = settings.HEADWAY_IMPORT_MAX_CONTACTS
    data = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card {n}\r\nN:{n};Card;;;\r\nEMAIL:c{n}@ex.org\r\n"
        "END:VCARD\r\n"
        for n in range(cards)
    ).encode()
    upload = SimpleUploadedFile("book.vcf", data, content_type="text/vcard")
    start = time.perf_counter()
    response = fresh_client.post(reverse("network-contacts-import"), {"file": upload})
    seconds = time.perf_counter() - start
    imported = Contact.objects.filter(user=fresh).count()
    size = len(data) / 1024
    print(f"import of {cards:,} cards  {size:8.1f} KiB  {seconds:7.2f} s  ({imported:,} kept)")

    _, ms = timed(
        lambda: fresh_client.generic(
            "POST",
            reverse("network-contacts-import"),
            b"--x\r\n",
            content_type="multipart/form-data; boundary=x",
            CONTENT_LENGTH=str(50 * 1024 * 1024),
        ),
        args.requests,
    )
    print(f"50 MB upload refused (413) in median {ms:.1f} ms, body unread")


if __name__ == "__main__":
    main()
