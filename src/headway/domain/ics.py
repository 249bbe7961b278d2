"""iCalendar feeds (RFC 5545) of all-day dates, readable by any calendar app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

PRODID = "-//Headway//Career plan//EN"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day entry. `uid` must stay the same for the same thing across feeds."""

    uid: str
    day: date
    summary: str
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()


def build_calendar(events: Iterable[CalendarEvent], *, name: str, stamp: datetime) -> bytes:
    """Return an iCalendar document holding `events`, stamped with the aware time `stamp`."""
    if stamp.tzinfo is None:
        raise ValueError("stamp must be timezone-aware")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    # Calendar apps poll feeds; ask for a refresh every few hours rather than every few minutes.
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    for item in sorted(events, key=lambda e: (e.day, e.uid)):
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        if item.day < date.max:  # without DTEND an all-day event lasts its one day
            event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("transp", "TRANSPARENT")
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        if item.categories:
            event.add("categories", list(item.categories))
        cal.add_component(event)
    return cal.to_ical()
