"""Form pieces every app shares."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from headway.domain.text import NOTES_MAX, too_long_message


def _bounded(value: str) -> None:
    if len(value) > NOTES_MAX:
        raise ValidationError(too_long_message(len(value)), code="max_length")


class LongTextBounds:
    """Bound every multi-line text field of a form at `NOTES_MAX` characters.

    The API's schemas bound the same texts at the same length; without this a form would
    take anything up to the request size limit. Browsers stop typing at `maxlength`, and a
    longer text sent anyway is refused with its length, keeping what was typed.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        for field in fields.values():
            if (
                isinstance(field, forms.CharField)
                and isinstance(field.widget, forms.Textarea)
                and field.max_length is None
            ):
                field.max_length = NOTES_MAX
                field.validators.append(_bounded)
                field.widget.attrs["maxlength"] = str(NOTES_MAX)
