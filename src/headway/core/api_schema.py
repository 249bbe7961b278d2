"""What every API router shares: the one error shape, id bounds and the one way a list pages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, get_type_hints

from django.db.models import Choices
from ninja import Field, Path, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic_core import CoreSchema, core_schema

from headway.domain.text import NOTES_MAX

# Ids are 64-bit signed integers in every database; a larger one can name nothing.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]

PAGE_DEFAULT = 50
PAGE_MAX = 200


class ErrorOut(Schema):
    """Every refusal: a request the schema rejects, a rule that refuses it, a missing object."""

    detail: str = Field(description="What is wrong, in a sentence for the user.")
    field: str | None = Field(
        description="The input at fault (a body field or parameter), or null when no single one."
    )
    active: list[str] | None = Field(
        None, description="When the focus limit refused a change: the goals already active."
    )


class Paged(LimitOffsetPagination):
    """`limit` and `offset` query parameters; the answer is `{"items": [...], "count": total}`."""

    class Input(Schema):
        limit: int = Field(
            PAGE_DEFAULT,
            ge=1,
            le=PAGE_MAX,
            description=f"Items per page: {PAGE_DEFAULT} by default, at most {PAGE_MAX}.",
        )
        offset: int = Field(0, ge=0, le=2**31 - 1, description="Items to skip.")


# Text kept in a TextField: long enough for any note, short enough to keep pages light. The
# forms bound the same texts at the same length (`core.forms.LongTextBounds`).
LONG_TEXT = NOTES_MAX


@dataclass(frozen=True)
class OneOf:
    """`Annotated[str, OneOf(Model.Kind)]`: one of a model's choices (or a mapping's keys), as
    an enum in the schema; `blank` also accepts the empty string."""

    choices: type[Choices] | Mapping[str, str]
    blank: bool = False

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        found = self.choices
        values = list(found.values if isinstance(found, type) else found)
        return core_schema.literal_schema([*values, ""] if self.blank else values)


_REQUIRED: Any = ...


def text(max_length: int, *, required: bool = False, default: str | None = _REQUIRED) -> Any:
    """Return a string field bounded like its model column; `required` also refuses blanks.

    Without `default` the field must be sent; a patch passes `default=None`.
    """
    return Field(default, min_length=1 if required else 0, max_length=max_length)


PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int, Query(ge=1, le=MAX_ID)]


def paged(view: Callable[..., Any]) -> Callable[..., Any]:
    """Page a list operation with `Paged`.

    The views' annotations are strings (`from __future__ import annotations`) that ninja's
    wrapper would resolve in its own module; resolve them here first.
    """
    view.__annotations__ = get_type_hints(view, include_extras=True)
    return paginate(Paged)(view)
