"""Rules of the Network step: contacts, keeping in touch, and goals that count interactions.

Plain values in and out; `NetworkRuleError(field, message)` names the refused input and says why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

from headway.domain.errors import RuleError
from headway.domain.text import NOTES_MAX, fold, is_blank, too_long_message
from headway.domain.vcard import CardContact

NAME_MAX = 200
TAG_MAX = 40
TAGS_MAX = 20
LINKS_MAX = 10
OTHER_EMAILS_MAX = 5
OTHER_PHONES_MAX = 5
PHONE_MAX = 40
KEEP_IN_TOUCH_MAX_WEEKS = 104

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PHONE = re.compile(r"^\+?[0-9 ().\-/]{3,40}(\s*(ext\.?|x)\s*[0-9]{1,6})?$", re.IGNORECASE)
_EXTENSION = re.compile(r"ext\.?|x", re.IGNORECASE)
_BARE_DOMAIN = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)
# Characters a spreadsheet reads as the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class NetworkRuleError(RuleError):
    """An input the Network step's rules refuse; `field` names it, `message` says why."""

    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)


def format_day(day: date) -> str:
    """Return a date as `3 Mar 2026`, whatever the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def collapse(text: str) -> str:
    """Return text on one line with runs of white space made single spaces."""
    return " ".join(text.split())


def check_name(name: str, *, field: str = "name", what: str = "contact") -> str:
    """Return a name on one line, or refuse an empty or over-long one."""
    text = collapse(name)
    if is_blank(text):  # empty, or only zero-width and other invisible characters
        raise NetworkRuleError(field, f"Give the {what} a name.")
    if len(text) > NAME_MAX:
        raise NetworkRuleError(field, f"Keep the name under {NAME_MAX} characters.")
    return text


def check_contact_count(kept: int, adding: int, *, per_user: int) -> None:
    """Refuse adding contacts that would take an account past `per_user` contacts."""
    if kept + adding > per_user:
        room = max(per_user - kept, 0)
        raise NetworkRuleError(
            "name",
            f"An account keeps up to {per_user:,} contacts and you have {kept:,}: there is room "
            f"for {room:,} more. Delete contacts you no longer need first.",
        )


def check_notes(notes: str, *, field: str = "notes") -> str:
    """Return notes trimmed, or refuse notes longer than NOTES_MAX characters."""
    text = notes.strip()
    if len(text) > NOTES_MAX:
        raise NetworkRuleError(field, too_long_message(len(text)))
    return text


def check_link(url: str, *, field: str = "url") -> str:
    """Return a trimmed web link, or refuse anything but an http or https address."""
    text = url.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        raise NetworkRuleError(
            field,
            f"“{_short(text)}” is not a web address: links start with http:// or https://.",
        )
    if len(text) > 500:
        raise NetworkRuleError(field, "Keep a link under 500 characters.")
    return text


def check_links(links: str | Iterable[str], *, field: str = "links") -> list[str]:
    """Return the links given one a line (or as a list), each checked; duplicates dropped."""
    items = links.splitlines() if isinstance(links, str) else list(links)
    kept: list[str] = []
    for number, item in enumerate(items, start=1):
        try:
            link = check_link(item, field=field)
        except NetworkRuleError as error:
            where = f"Link {number}: " if len(items) > 1 else ""
            raise NetworkRuleError(field, where + error.message) from None
        if link and link not in kept:
            kept.append(link)
    if len(kept) > LINKS_MAX:
        raise NetworkRuleError(field, f"Keep to {LINKS_MAX} links.")
    return kept


def link_from_card(text: str) -> str | None:
    """Return an imported link as an http(s) address, or None when it is not a web address.

    Address books keep links as typed, so `www.example.org` becomes `https://www.example.org`.
    """
    text = text.strip()
    if _BARE_DOMAIN.match(text):
        text = "https://" + text
    try:
        return check_link(text) or None
    except NetworkRuleError:
        return None


def check_phone(phone: str) -> str:
    """Return a phone number trimmed, or refuse one with letters or stray symbols."""
    text = collapse(phone)
    if text and not _PHONE.match(text):
        raise NetworkRuleError(
            "phone",
            f"“{_short(text)}” is not a phone number: use digits, spaces and + ( ) - . / "
            "(and “ext” for an extension).",
        )
    if len(text) > PHONE_MAX:
        raise NetworkRuleError("phone", f"Keep a phone number under {PHONE_MAX} characters.")
    return text


def phone_key(phone: str) -> str:
    """Return the form of a phone number used to spot it twice: `+`, digits and any extension."""
    number, *extension = _EXTENSION.split(phone, maxsplit=1)
    key = ("+" if number.lstrip().startswith("+") else "") + "".join(filter(str.isdigit, number))
    digits = "".join(filter(str.isdigit, "".join(extension)))
    return f"{key}x{digits}" if digits else key


def distinct_values(
    values: Iterable[str], *, check: Callable[[str], str], key: Callable[[str], str]
) -> tuple[list[str], list[tuple[int, str, NetworkRuleError]]]:
    """Return the values `check` accepts, non-empty and once each by `key`, in order, and the
    refused ones as (place counted from 0, text, error)."""
    kept: list[str] = []
    refused: list[tuple[int, str, NetworkRuleError]] = []
    seen: set[str] = set()
    for place, text in enumerate(values):
        try:
            value = check(text)
        except NetworkRuleError as error:
            refused.append((place, text, error))
            continue
        if value and key(value) not in seen:
            seen.add(key(value))
            kept.append(value)
    return kept, refused


def main_and_others(
    main: str,
    others: str | Iterable[str],
    *,
    check: Callable[[str], str],
    key: Callable[[str], str],
    field: str,
    item: str,
    noun: str,
    limit: int,
) -> tuple[str, list[str]]:
    """Return a main value and the others (given one a line, or as a list), each checked.

    Each value is kept once (compared by `key`), the main one first; when the main one is empty,
    the first of the others takes its place. A refused other value is named by its place
    (“Address 2: …”) under `field`; more than `limit` others are refused, naming `noun`.
    """
    kept_main = check(main)
    items = others.splitlines() if isinstance(others, str) else list(others)
    kept, refused = distinct_values([kept_main, *items], check=check, key=key)
    if refused:
        number, _text, error = refused[0]
        where = f"{item} {number}: " if len(items) > 1 else ""
        raise NetworkRuleError(field, where + error.message)
    if kept_main:
        kept.pop(0)
    elif kept:
        kept_main = kept.pop(0)
    if len(kept) > limit:
        raise NetworkRuleError(field, f"Keep to {limit} other {noun}, besides the main one.")
    return kept_main, kept


def parse_tags(tags: str | Iterable[str]) -> list[str]:
    """Return tags given comma-separated (or as a list), trimmed, once each, in the order given."""
    items = tags.split(",") if isinstance(tags, str) else list(tags)
    kept: list[str] = []
    seen: set[str] = set()
    for item in items:
        tag = collapse(item)
        if not tag:
            continue
        if len(tag) > TAG_MAX:
            raise NetworkRuleError(
                "tags", f"Keep each tag under {TAG_MAX} characters: “{_short(tag)}”."
            )
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    if len(kept) > TAGS_MAX:
        raise NetworkRuleError("tags", f"Keep to {TAGS_MAX} tags on a contact.")
    return kept


def check_keep_in_touch(weeks: int | None) -> int | None:
    """Return a keep-in-touch interval in weeks (None: not planned), or refuse one out of range."""
    if weeks is None or weeks == 0:
        return None
    if not 1 <= weeks <= KEEP_IN_TOUCH_MAX_WEEKS:
        raise NetworkRuleError(
            "keep_in_touch_weeks",
            f"Keep in touch every 1 to {KEEP_IN_TOUCH_MAX_WEEKS} weeks, or leave it empty.",
        )
    return weeks


def check_not_future(day: date, today: date, *, field: str, what: str) -> None:
    """Refuse a date after today for something that has already happened."""
    if day > today:
        raise NetworkRuleError(
            field, f"Log {what} once it has happened: {format_day(day)} is in the future."
        )


def name_key(name: str) -> str:
    """Return the form of a name used to spot the same person twice (case, accents kept)."""
    return collapse(unicodedata.normalize("NFKC", name)).casefold()


def search_key(text: str) -> str:
    """Return text as contact search compares it: case and accents ignored (José ~ jose)."""
    return collapse(fold(text))


def search_text(*fields: str | Sequence[str]) -> str:
    """Return the text a contact is found by: its fields (texts or lists), as `search_key` folds."""
    texts = (text for f in fields for text in ((f,) if isinstance(f, str) else f))
    return "\n".join(search_key(text) for text in texts if text)


# Keeping in touch


def next_keep_in_touch_on(weeks: int, *, last_contact: date | None, since: date) -> date:
    """Return when to get in touch next: `weeks` after the last contact (or after `since`)."""
    return (last_contact or since) + timedelta(weeks=weeks)


def describe_weeks_ago(day: date, today: date) -> str:
    """Return how long ago a day was: `today`, `3 days ago`, `5 weeks ago`."""
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    return f"{days // 7} weeks ago"


def keep_in_touch_text(
    name: str, weeks: int, *, last_contact: date | None, since: date, today: date
) -> str:
    """Return the reminder sentence for a contact whose keep-in-touch date has come."""
    every = "every week" if weeks == 1 else f"every {weeks} weeks"
    if last_contact is None:
        last = f"no contact logged since you added them on {format_day(since)}"
    else:
        last = (
            f"last contact was {format_day(last_contact)} "
            f"({describe_weeks_ago(last_contact, today)})"
        )
    return f"You planned to keep in touch with {name} {every}; {last}."


# Goals that count interactions


@dataclass(frozen=True)
class Period:
    """The days whose interactions count towards a goal, both ends included."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def counting_period(*, goal_created_on: date, chosen_start: date | None, target_on: date) -> Period:
    """Return the counting period: from the chosen day (or the goal's creation) to its target."""
    start = chosen_start or goal_created_on
    if start > target_on:
        raise NetworkRuleError(
            "starts_on",
            f"Start counting on or before the goal's target date, {format_day(target_on)}.",
        )
    return Period(start=start, end=target_on)


def check_countable_goal(*, has_metric: bool, direction: str, unit: str) -> None:
    """Refuse to count interactions towards a goal without a metric that should grow."""
    if not has_metric:
        raise NetworkRuleError(
            "goal",
            "Give this goal a metric first (baseline 0, target such as 5, unit such as "
            "“informational interviews”); the count then becomes its current value.",
        )
    if direction != "increase":
        raise NetworkRuleError(
            "goal",
            f"This goal's metric ({unit}) should decrease; a count of interactions only grows.",
        )


@dataclass(frozen=True)
class Logged:
    """One logged interaction, as the counting rule sees it."""

    kind: str
    day: date
    goal_id: int | None = None


def count_interactions(
    logged: Iterable[Logged],
    *,
    kind: str,
    period: Period,
    goal_id: int | None = None,
    linked_goal_id: int | None = None,
) -> int:
    """Count interactions of `kind` on days within `period` (only those for `goal_id` if given).

    Interactions logged for `linked_goal_id` count from any earlier day too: someone who linked
    an interview to the goal meant it to count, even if it happened before counting began.
    """
    return sum(
        1
        for item in logged
        if item.kind == kind
        and (goal_id is None or item.goal_id == goal_id)
        and (
            item.day in period
            or (
                linked_goal_id is not None
                and item.goal_id == linked_goal_id
                and item.day <= period.end
            )
        )
    )


def count_before(
    logged: Iterable[Logged], *, kind: str, period: Period, linked_goal_id: int | None
) -> int:
    """Count interactions of `kind` before `period` that do not count (not linked to the goal)."""
    return sum(
        1
        for item in logged
        if item.kind == kind
        and item.day < period.start
        and (linked_goal_id is None or item.goal_id != linked_goal_id)
    )


def counted_value(baseline: Decimal, count: int) -> Decimal:
    """Return the metric value a count of interactions gives: the baseline plus the count."""
    return (baseline + count).quantize(Decimal("0.01"))


# Imports


@dataclass(frozen=True)
class Known:
    """A contact already kept, as duplicate detection sees it."""

    name: str
    emails: tuple[str, ...]


@dataclass(frozen=True)
class Duplicate:
    """A card left out because the contact is already kept (or earlier in the same file)."""

    card: CardContact
    by: str  # "email" or "name"
    match: str


@dataclass(frozen=True)
class ImportPlan:
    """Which cards to import and which to leave out as duplicates."""

    new: tuple[CardContact, ...]
    duplicates: tuple[Duplicate, ...]

    def count(self, by: str) -> int:
        return sum(1 for d in self.duplicates if d.by == by)


def plan_import(cards: Sequence[CardContact], known: Iterable[Known]) -> ImportPlan:
    """Split cards into new contacts and duplicates.

    A card is a duplicate when one of its emails is already kept (in any case), or when a
    contact of the same name is kept and one of the two has no email to tell them apart. Cards
    repeated in the file count as duplicates of the first.
    """
    emails: dict[str, str] = {}
    # name key -> (name as kept, whether every contact of that name has an email)
    names: dict[str, tuple[str, bool]] = {}

    def remember(name: str, addresses: Sequence[str]) -> None:
        key = name_key(name)
        kept, all_have = names.get(key, (name, True))
        names[key] = (kept, all_have and bool(addresses))
        for email in addresses:
            emails.setdefault(email.casefold(), name)

    for item in known:
        remember(item.name, item.emails)
    new: list[CardContact] = []
    duplicates: list[Duplicate] = []
    for card in cards:
        hit = next((e for e in card.emails if e.casefold() in emails), None)
        if hit is not None:
            duplicates.append(Duplicate(card=card, by="email", match=hit))
            continue
        same = names.get(name_key(card.name))
        if same is not None and (not card.emails or not same[1]):
            duplicates.append(Duplicate(card=card, by="name", match=same[0]))
            continue
        new.append(card)
        remember(card.name, card.emails)
    return ImportPlan(new=tuple(new), duplicates=tuple(duplicates))


def spreadsheet_safe(text: str) -> str:
    """Return a CSV cell that a spreadsheet shows as text, never runs as a formula.

    Phone numbers such as `+44 20 7946 0000` (or several, separated by `, `) stay as they are.
    """
    phones = text.split(", ")
    if text.startswith(_FORMULA_STARTS) and not all(_PHONE.match(p) for p in phones):
        return "'" + text
    return text


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
