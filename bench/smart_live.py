"""Time the SMART coach's live check: the request the goal editor sends as the user types.

Sets up a temporary SQLite database with a user who has a vision, then posts goals of
varied length to /coach/check/ twice over: in process with the Django test client (server
time), and over HTTP on loopback through a threaded WSGI server (the round trip a browser
sees, less the network). Prints the median and 95th percentile of each.

With --target, the career data is first synced from the mirror (HEADWAY_DATA_MIRROR, default
../shared/data) and the vision targets an ESCO occupation, so each check also reads that
occupation's skills, tasks and job zone, as it does for a user who set a target.

Run: .venv/bin/python bench/smart_live.py [--requests 300] [--target]
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

GOALS = [
    "I want to work for a top company",
    "I want to work in a marketing role at a Fortune 500 company within the next 3 years",
    "Learn Python",
    "Pass the AWS Solutions Architect Associate exam with a score of at least 800 by June 2027",
    "Get hired as a junior data analyst at a healthcare company by the end of next year, "
    "after finishing the Google Data Analytics certificate and building three portfolio "
    "projects with SQL and Tableau",
    "Run 5 informational interviews with product managers every month in 2027",
]


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _ThreadingServer(WSGIServer):
    daemon_threads = True


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--target", action="store_true", help="check against a target occupation")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="headway-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from django.test import Client

    from headway.accounts.models import User
    from headway.plans.models import Vision

    call_command("migrate", verbosity=0, interactive=False)
    user = User.objects.create_user("bench@example.org", "bench-password")
    vision = Vision.objects.create(user=user, horizon=5, target_role="Data analyst in healthcare")
    if args.target:
        from headway.careers.models import Occupation
        from headway.careers.services import vision_target_set

        mirror = os.environ.get("HEADWAY_DATA_MIRROR", str(ROOT.parent / "shared" / "data"))
        call_command("data", "sync", "--from", mirror, verbosity=0)
        occupation = Occupation.objects.get(source="esco", title="data analyst")
        vision_target_set(vision=vision, occupation=occupation)
        print(f"target: {occupation.title} ({occupation.code})")
    client = Client()
    client.force_login(user)

    timings: list[float] = []
    for n in range(args.requests):
        started = time.perf_counter()
        response = client.post("/coach/check/", {"statement": GOALS[n % len(GOALS)]})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    print(f"live check, in process ({args.requests} requests): {percentiles(timings)}")

    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), _ThreadingServer, handler_class=_Quiet
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    session = client.cookies["sessionid"].value
    connection = http.client.HTTPConnection("127.0.0.1", port)
    # The page sets the CSRF cookie the check must echo in a header, as htmx does.
    connection.request("GET", "/coach/", headers={"Cookie": f"sessionid={session}"})
    page = connection.getresponse()
    page.read()
    csrf = page.headers["Set-Cookie"].split("csrftoken=", 1)[1].split(";", 1)[0]
    timings = []
    for n in range(args.requests):
        body = urlencode({"statement": GOALS[n % len(GOALS)]})
        started = time.perf_counter()
        connection.request(
            "POST",
            "/coach/check/",
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={session}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
                "HX-Request": "true",
            },
        )
        response = connection.getresponse()
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status == 200, response.status
    server.shutdown()
    print(f"live check, HTTP round trip on loopback: {percentiles(timings)}")


if __name__ == "__main__":
    main()
