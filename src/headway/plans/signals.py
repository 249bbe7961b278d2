"""Signals other apps receive when the plan changes; plans depends on no app that listens.

`goal_changed` is sent inside the transaction of `services.goal_update`, after the goal is
saved, with `goal` and `fields` (the names of the tracked fields that changed).
"""

from __future__ import annotations

from django.dispatch import Signal

goal_changed = Signal()
