"""gunicorn settings for `headway serve`: warm the search indexes as each worker starts."""

from __future__ import annotations

import logging
import threading
from typing import Any

logger = logging.getLogger("headway")

# gunicorn's control socket lives at one fixed path per user ($XDG_RUNTIME_DIR or ~/.gunicorn),
# so a second server on the host would take it over; Headway does not use it.
control_socket_disable = True


def _warm() -> None:
    from django.db import connections

    from headway.core.warmup import warm_indexes

    try:
        warm_indexes()
    except Exception:  # a cold index is slower, not broken: the first search builds it
        logger.exception("Warming the search indexes failed")
    finally:
        connections.close_all()


def post_worker_init(worker: Any) -> None:
    """Build the in-memory indexes in the background, so the first search does not wait."""
    threading.Thread(target=_warm, name="headway-warm", daemon=True).start()
