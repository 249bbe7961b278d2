"""vCard files read into plain contact values and written back (versions 2.1, 3.0 and 4.0).

Reads what address books really export: Apple Contacts (3.0, `item1.` groups, escaped `\\:` in
links, folded base64 photos), Google Contacts (3.0), Outlook and Thunderbird (2.1 with
QUOTED-PRINTABLE and CHARSET, 4.0 with `PREF=1` and `tel:` URIs). Only the properties a
contact keeps are decoded; photos, addresses and the rest are skipped. Headway's own fields travel
as `X-HEADWAY-*` properties so that an exported file imports back unchanged.

Errors name the card (counted from 1) and the line of the file, so the person can find them.
"""

from __future__ import annotations

import codecs
import math
import quopri
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_BYTES = 1024 * 1024
VERSIONS = ("2.1", "3.0", "4.0")
PRODID = "-//Headway//Network//EN"
FOLD_OCTETS = 75

X_RELATIONSHIP = "X-HEADWAY-RELATIONSHIP"
X_HOW_MET = "X-HEADWAY-HOW-MET"
X_KEEP_IN_TOUCH = "X-HEADWAY-KEEP-IN-TOUCH"

# Google puts every contact in this system group; as a tag it says nothing.
_IGNORED_CATEGORIES = {"mycontacts"}
_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=]+$")
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}


class VCardError(ValueError):
    """A file that cannot be read as vCards; the message says where and why."""

    def __init__(self, message: str, *, card: int | None = None, line: int | None = None) -> None:
        where = []
        if card is not None:
            where.append(f"card {card}")
        if line is not None:
            where.append(f"line {line}")
        text = f"{', '.join(where).capitalize()}: {message}" if where else message
        super().__init__(text)
        self.message = text
        self.reason = message
        self.card = card
        self.line = line


@dataclass(frozen=True)
class CardContact:
    """One contact as a vCard holds it. `card` and `line` say where it was read (0: not read)."""

    name: str
    organisation: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    note: str = ""
    categories: tuple[str, ...] = ()
    relationship: str = ""
    how_met: str = ""
    keep_in_touch_weeks: int | None = None
    uid: str = field(default="", compare=False)
    card: int = field(default=0, compare=False)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class VCardBook:
    """The contacts read from a file, and what was left out of them and why."""

    contacts: tuple[CardContact, ...]
    notes: tuple[str, ...] = ()


@dataclass
class _Property:
    group: str
    name: str
    params: dict[str, list[str]]
    value: str
    line: int

    def param(self, key: str) -> list[str]:
        return self.params.get(key, [])

    def types(self) -> set[str]:
        return {t.upper() for value in self.param("TYPE") for t in value.split(",")}

    def preferred(self) -> bool:
        return "PREF" in self.types() or bool(self.param("PREF"))


def format_size(size: int) -> str:
    """Return a byte count as people read it: `900 bytes`, `12 KiB`, `1.5 MiB` (rounded up)."""
    # Rounded up, so that a file just over a limit never reads as the limit itself.
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{math.ceil(size / 1024)} KiB"
    text = f"{math.ceil(size * 10 / (1024 * 1024)) / 10:.1f}".removesuffix(".0")
    return f"{text} MiB"


def check_size(size: int, *, limit: int = MAX_BYTES) -> None:
    """Refuse a file larger than `limit` bytes, saying both sizes."""
    if size > limit:
        raise VCardError(
            f"The file is {format_size(size)}; vCard files up to {format_size(limit)} "
            "can be imported. Export fewer contacts at a time."
        )


def read_vcards(data: bytes, *, limit: int = MAX_BYTES) -> VCardBook:
    """Return the contacts in a vCard file, or raise VCardError saying which card and line fail.

    The size is checked before anything is parsed. A card without any name, organisation or
    email is left out and mentioned in the book's notes; anything malformed fails the whole file.
    """
    check_size(len(data), limit=limit)
    text = _decode(data)
    cards = _split_cards(_unfold(text))
    if not cards:
        raise VCardError("The file holds no contacts: there is no BEGIN:VCARD line in it.")
    contacts: list[CardContact] = []
    notes: list[str] = []
    for number, (line, properties) in enumerate(cards, start=1):
        contact = _contact(number, line, properties)
        if contact is None:
            notes.append(
                f"Card {number} (line {line}) was left out: it has no name, organisation or "
                "email address."
            )
        else:
            contacts.append(contact)
    return VCardBook(contacts=tuple(contacts), notes=tuple(notes))


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise VCardError(
            "The file is UTF-16 text; Headway reads vCards saved as UTF-8. Export them again "
            "choosing UTF-8 (Unicode)."
        )
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise VCardError(
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02X} cannot be read). "
            "Export the contacts again choosing UTF-8 (Unicode).",
            line=line,
        ) from None


def _is_encoded(head: str, *encodings: str) -> bool:
    upper = head.upper()
    return any(encoding in upper for encoding in encodings)


def _unfold(text: str) -> list[tuple[int, str]]:
    """Join folded lines, returning each logical line with the number of its first line."""
    logical: list[tuple[int, str]] = []
    quoted_printable_open = False
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if quoted_printable_open and logical:
            # A soft line break: the "=" that ended the previous line stands for nothing.
            start, previous = logical[-1]
            logical[-1] = (start, previous[:-1] + raw)
            quoted_printable_open = raw.endswith("=")
            continue
        if not raw.strip():
            continue
        if raw[0] in " \t" and logical:
            start, previous = logical[-1]
            logical[-1] = (start, previous + raw[1:])
        elif (
            logical
            and _BASE64_LINE.match(raw)
            and _is_encoded(logical[-1][1].split(":", 1)[0], "BASE64", "ENCODING=B")
        ):
            # vCard 2.1 lets base64 data run on over unindented lines.
            start, previous = logical[-1]
            logical[-1] = (start, previous + raw)
        else:
            logical.append((number, raw))
        head = logical[-1][1].split(":", 1)[0]
        quoted_printable_open = logical[-1][1].endswith("=") and _is_encoded(
            head, "QUOTED-PRINTABLE"
        )
    return logical


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _parse_line(line: int, text: str) -> _Property:
    quoted = False
    colon = -1
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            colon = index
            break
    if colon < 0:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise VCardError(
            f"“{shown}” is not a vCard line: a property name, a colon, then its value.", line=line
        )
    head, value = text[:colon], text[colon + 1 :]
    tokens = _split_unquoted(head, ";")
    group, _, name = tokens[0].strip().rpartition(".")
    if not _NAME.match(name) or (group and not all(_NAME.match(g) for g in group.split("."))):
        raise VCardError(f"“{tokens[0]}” is not a vCard property name.", line=line)
    params: dict[str, list[str]] = {}
    for token in tokens[1:]:
        if not token.strip():
            continue
        key, sign, raw = token.partition("=")
        if not sign:
            # vCard 2.1 writes bare parameters: `TEL;WORK;PREF:` and `NOTE;QUOTED-PRINTABLE:`.
            bare = key.strip().upper()
            key, raw = ("ENCODING" if bare in _BARE_ENCODINGS else "TYPE"), bare
        values = [v.strip().strip('"') for v in _split_unquoted(raw, ",")]
        params.setdefault(key.strip().upper(), []).extend(values)
    return _Property(group=group, name=name.upper(), params=params, value=value, line=line)


def _split_cards(lines: list[tuple[int, str]]) -> list[tuple[int, list[_Property]]]:
    cards: list[tuple[int, list[_Property]]] = []
    current: list[_Property] | None = None
    begun = 0
    outside = "this line is outside any card (cards run from BEGIN:VCARD to END:VCARD)."
    for number, text in lines:
        try:
            prop = _parse_line(number, text)
        except VCardError as error:
            if current is None:
                raise VCardError(outside, line=number) from None
            raise VCardError(error.reason, card=len(cards) + 1, line=number) from None
        keyword = prop.value.strip().upper()
        if prop.name == "BEGIN" and keyword == "VCARD":
            if current is not None:
                raise VCardError(
                    f"the card begun on line {begun} has no END:VCARD before this BEGIN:VCARD.",
                    card=len(cards) + 1,
                    line=number,
                )
            current, begun = [], number
        elif prop.name == "END" and keyword == "VCARD":
            if current is None:
                raise VCardError("END:VCARD without a BEGIN:VCARD before it.", line=number)
            cards.append((begun, current))
            current = None
        elif current is None:
            raise VCardError(outside, line=number)
        else:
            current.append(prop)
    if current is not None:
        raise VCardError(
            f"the card begun on line {begun} has no END:VCARD.", card=len(cards) + 1, line=begun
        )
    return cards


def _raw_text(prop: _Property, card: int) -> str:
    """Return a property's value with any quoted-printable encoding undone."""
    if "QUOTED-PRINTABLE" not in {e.upper() for e in prop.param("ENCODING")}:
        return prop.value
    charset = (prop.param("CHARSET") or ["UTF-8"])[0]
    try:
        raw = quopri.decodestring(prop.value.encode("utf-8"))
        return raw.decode(charset)
    except LookupError:
        raise VCardError(
            f"{prop.name} names the character set “{charset}”, which is unknown.",
            card=card,
            line=prop.line,
        ) from None
    except UnicodeDecodeError:
        raise VCardError(
            f"{prop.name} is not valid {charset} text once its quoted-printable encoding is "
            "undone.",
            card=card,
            line=prop.line,
        ) from None


_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}


def _unescape_split(value: str, separator: str | None) -> list[str]:
    """Undo vCard text escapes, splitting on unescaped `separator` (None: no split)."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append(_ESCAPES.get(following, "\\" + following))
        elif separator is not None and char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _text(prop: _Property, card: int) -> str:
    text = _unescape_split(_raw_text(prop, card), None)[0]
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _components(prop: _Property, card: int, separator: str) -> list[str]:
    return [part.strip() for part in _unescape_split(_raw_text(prop, card), separator)]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    kept = []
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            kept.append(value)
    return tuple(kept)


def _by_preference(props: Sequence[_Property]) -> list[_Property]:
    def rank(prop: _Property) -> int:
        pref = prop.param("PREF")
        if pref and pref[0].isdigit():
            return int(pref[0])
        return 0 if prop.preferred() else 101

    return sorted(props, key=rank)


def _contact(card: int, line: int, props: list[_Property]) -> CardContact | None:
    by_name: dict[str, list[_Property]] = {}
    for prop in props:
        by_name.setdefault(prop.name, []).append(prop)

    def first(name: str) -> str:
        for prop in by_name.get(name, []):
            text = _text(prop, card)
            if text:
                return text
        return ""

    version = first("VERSION")
    if version and version not in VERSIONS:
        version_line = by_name["VERSION"][0].line
        raise VCardError(
            f"vCard version {version} is not one Headway reads ({', '.join(VERSIONS)}).",
            card=card,
            line=version_line,
        )
    name = first("FN")
    if not name:
        for prop in by_name.get("N", []):
            parts = _components(prop, card, ";") + [""] * 5
            family, given, additional, prefix, suffix = parts[:5]
            name = " ".join(p for p in (prefix, given, additional, family, suffix) if p)
            if name:
                break
    organisation = ""
    for prop in by_name.get("ORG", []):
        organisation = next((part for part in _components(prop, card, ";") if part), "")
        if organisation:
            break
    emails = _unique(
        _text(p, card).removeprefix("mailto:") for p in _by_preference(by_name.get("EMAIL", []))
    )
    if not name:
        name = organisation or (emails[0] if emails else "")
    if not name:
        return None
    phones = _unique(
        _text(p, card).removeprefix("tel:") for p in _by_preference(by_name.get("TEL", []))
    )
    urls = _unique(_text(p, card) for p in _by_preference(by_name.get("URL", [])))
    categories = _unique(
        part
        for prop in by_name.get("CATEGORIES", [])
        for part in _components(prop, card, ",")
        if part.casefold() not in _IGNORED_CATEGORIES
    )
    note = "\n\n".join(t for p in by_name.get("NOTE", []) if (t := _text(p, card)))
    weeks_text = first(X_KEEP_IN_TOUCH)
    return CardContact(
        name=" ".join(name.split()),
        organisation=organisation,
        role=first("TITLE") or first("ROLE"),
        emails=emails,
        phones=phones,
        urls=urls,
        note=note,
        categories=categories,
        relationship=first(X_RELATIONSHIP).lower(),
        how_met=first(X_HOW_MET),
        keep_in_touch_weeks=int(weeks_text) if weeks_text.isdigit() else None,
        uid=first("UID"),
        card=card,
        line=line,
    )


# Writing


def _escape(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a character."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        # Continuation lines start with a space, which counts towards their 75 octets.
        room = FOLD_OCTETS if not pieces else FOLD_OCTETS - 1
        if size + width > room:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def split_name(name: str) -> tuple[str, str]:
    """Return (family, given) names guessed from a full name: the last word is the family name."""
    words = name.split()
    if len(words) < 2:
        return name.strip(), ""
    return words[-1], " ".join(words[:-1])


def write_vcard(contact: CardContact, *, version: str = "3.0") -> str:
    """Return one contact as a vCard 3.0 or 4.0 with CRLF line ends and folded long lines."""
    if version not in ("3.0", "4.0"):
        raise ValueError("Headway writes vCard 3.0 or 4.0.")
    modern = version == "4.0"
    family, given = split_name(contact.name)
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"PRODID:{PRODID}"]
    if contact.uid:
        lines.append(f"UID:{contact.uid}")
    lines.append(f"FN:{_escape(contact.name)}")
    lines.append(f"N:{_escape(family)};{_escape(given)};;;")
    if contact.organisation:
        lines.append(f"ORG:{_escape(contact.organisation)}")
    if contact.role:
        lines.append(f"TITLE:{_escape(contact.role)}")
    # The first email and phone number are the main ones: marked preferred, read back first.
    for index, email in enumerate(contact.emails):
        if modern:
            params = ";PREF=1" if index == 0 else ""
        else:
            params = ";TYPE=INTERNET,PREF" if index == 0 else ";TYPE=INTERNET"
        lines.append(f"EMAIL{params}:{_escape(email)}")
    for index, phone in enumerate(contact.phones):
        if modern:
            params = ";VALUE=text;PREF=1" if index == 0 else ";VALUE=text"
        else:
            params = ";TYPE=PREF" if index == 0 else ""
        lines.append(f"TEL{params}:{_escape(phone)}")
    # Links are URIs, not text: written as they are, so other programs read them unchanged.
    lines.extend(f"URL:{url}" for url in contact.urls)
    if contact.note:
        lines.append(f"NOTE:{_escape(contact.note)}")
    if contact.categories:
        lines.append("CATEGORIES:" + ",".join(_escape(c) for c in contact.categories))
    if contact.relationship:
        lines.append(f"{X_RELATIONSHIP}:{_escape(contact.relationship)}")
    if contact.how_met:
        lines.append(f"{X_HOW_MET}:{_escape(contact.how_met)}")
    if contact.keep_in_touch_weeks:
        lines.append(f"{X_KEEP_IN_TOUCH}:{contact.keep_in_touch_weeks}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_vcards(contacts: Iterable[CardContact], *, version: str = "3.0") -> str:
    """Return many contacts as one vCard file."""
    return "".join(write_vcard(contact, version=version) for contact in contacts)
