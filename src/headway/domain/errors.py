"""The one rule-error type: every app's refusals derive from it, so each surface turns them into
a response in one place (a form error next to the field, or a 422 from the API)."""

from __future__ import annotations

from typing import Any


class RuleError(ValueError):
    """An input a rule refuses; `field` names the input (None when no one input), `message` why."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def extra(self) -> dict[str, Any]:
        """Return more facts for a client, beside the message and the field."""
        return {}
