"""The Network step's rules: links, tags, keeping in touch, counting interactions, imports."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.domain.networking import (
    Known,
    Logged,
    NetworkRuleError,
    Period,
    check_countable_goal,
    check_keep_in_touch,
    check_link,
    check_links,
    check_name,
    check_phone,
    count_interactions,
    counted_value,
    counting_period,
    keep_in_touch_text,
    link_from_card,
    main_and_others,
    name_key,
    next_keep_in_touch_on,
    parse_tags,
    phone_key,
    plan_import,
    search_key,
    search_text,
    spreadsheet_safe,
)
from headway.domain.vcard import CardContact

TODAY = date(2026, 3, 16)


def test_a_name_is_required_and_kept_on_one_line() -> None:
    assert check_name("  José \n Núñez ") == "José Núñez"
    with pytest.raises(NetworkRuleError, match="Give the contact a name"):
        check_name(" \t")


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "javascript:alert(1)", "example.org", "http://", "http://a b"]
)
def test_only_http_and_https_links_are_kept(url: str) -> None:
    with pytest.raises(NetworkRuleError, match="is not a web address") as error:
        check_link(url)
    assert error.value.field == "url"


def test_links_name_the_one_that_is_wrong() -> None:
    assert check_links("https://a.example\n\nhttp://b.example\nhttps://a.example") == [
        "https://a.example",
        "http://b.example",
    ]
    with pytest.raises(NetworkRuleError, match=r"^Link 2: “mailto:x@y.example” is not"):
        check_links(["https://a.example", "mailto:x@y.example"])


def test_imported_links_get_a_scheme_when_they_look_like_a_web_address() -> None:
    assert link_from_card("www.linkedin.com/in/x") == "https://www.linkedin.com/in/x"
    assert link_from_card("http://a.example") == "http://a.example"
    assert link_from_card("ftp://a.example") is None
    assert link_from_card("call me") is None


@pytest.mark.parametrize("phone", ["+44 20 7946 0000", "(555) 010-0000 ext. 12", "030/1234567"])
def test_phone_numbers_in_common_forms_are_accepted(phone: str) -> None:
    assert check_phone(phone) == phone


def test_a_phone_number_with_letters_is_refused() -> None:
    with pytest.raises(NetworkRuleError, match="“call Bob” is not a phone number"):
        check_phone("call Bob")


def test_a_phone_number_longer_than_its_column_is_refused() -> None:
    with pytest.raises(NetworkRuleError, match="Keep a phone number under 40 characters"):
        check_phone("+44 20 7946 0000 0000 0000 0000 0000 ext 123456")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("+34 600 123 456", "+34600123456"),
        ("(030) 123-4567", "030/1234567"),
        ("+1 555 0100 ext. 12", "+15550100 x12"),
    ],
)
def test_a_phone_number_is_the_same_however_it_is_spaced(one: str, other: str) -> None:
    assert phone_key(one) == phone_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("+34 600 123 456", "34 600 123 456"), ("+1 555 0100 ext 12", "+1 555 0100 ext 13")],
)
def test_a_different_prefix_or_extension_is_another_number(one: str, other: str) -> None:
    assert phone_key(one) != phone_key(other)


def _phones(main: str, others: str | list[str]) -> tuple[str, list[str]]:
    return main_and_others(
        main,
        others,
        check=check_phone,
        key=phone_key,
        field="other_phones",
        item="Number",
        noun="phone numbers",
        limit=3,
    )


def test_other_numbers_are_checked_and_kept_once_without_the_main_one() -> None:
    main, others = _phones(
        "+34 600 123 456", "+34600123456\n\n  +49 30  1234 \n+44 20 7946 0000\n+49 30 1234"
    )
    assert main == "+34 600 123 456"
    assert others == ["+49 30 1234", "+44 20 7946 0000"]


def test_the_first_other_number_becomes_the_main_one_when_there_is_none() -> None:
    assert _phones("", ["+49 30 1234", "+44 20 7946 0000"]) == ("+49 30 1234", ["+44 20 7946 0000"])
    assert _phones("", []) == ("", [])


def test_a_wrong_other_number_is_named_by_its_place_under_its_field() -> None:
    with pytest.raises(NetworkRuleError, match=r"^Number 2: “call me” is not a phone") as error:
        _phones("", ["+49 30 1234", "call me"])
    assert error.value.field == "other_phones"
    with pytest.raises(NetworkRuleError, match=r"^“call me” is not a phone") as error:
        _phones("", "call me")
    assert error.value.field == "other_phones"
    # The main one keeps its own field.
    with pytest.raises(NetworkRuleError) as error:
        _phones("call me", [])
    assert error.value.field == "phone"


def test_too_many_other_numbers_are_refused_saying_how_many() -> None:
    numbers = [f"+49 30 123{n}" for n in range(4)]
    assert _phones("+1 555 0100", numbers[:3])[1] == numbers[:3]
    # With no main number, the first of four becomes it and three others remain.
    assert _phones("", numbers) == (numbers[0], numbers[1:])
    with pytest.raises(NetworkRuleError) as error:
        _phones("+1 555 0100", numbers)
    assert error.value.field == "other_phones"
    assert error.value.message == "Keep to 3 other phone numbers, besides the main one."


@given(st.lists(st.sampled_from(["A@x.example", "a@X.example", "b@x.example", "", " "])))
def test_other_values_are_unique_by_their_key_and_never_repeat_the_main_one(
    values: list[str],
) -> None:
    main, others = main_and_others(
        "", values, check=str.strip, key=str.casefold, field="f", item="Item", noun="n", limit=5
    )
    keys = [v.casefold() for v in (main, *others)]
    assert len(keys) == len(set(keys))
    assert all(others) and (main or not others)


def test_tags_are_trimmed_and_kept_once_in_any_case() -> None:
    assert parse_tags(" Mentors, data ,mentors,, Data science ") == [
        "Mentors",
        "data",
        "Data science",
    ]
    with pytest.raises(NetworkRuleError, match="under 40 characters"):
        parse_tags(["x" * 41])


def test_keep_in_touch_runs_from_the_last_contact_or_from_when_the_contact_was_added() -> None:
    assert next_keep_in_touch_on(6, last_contact=date(2026, 1, 5), since=date(2025, 1, 1)) == date(
        2026, 2, 16
    )
    assert next_keep_in_touch_on(2, last_contact=None, since=date(2026, 3, 1)) == date(2026, 3, 15)
    assert check_keep_in_touch(0) is None
    with pytest.raises(NetworkRuleError, match="every 1 to 104 weeks"):
        check_keep_in_touch(105)


def test_the_reminder_says_when_the_last_contact_was() -> None:
    text = keep_in_touch_text(
        "Zoë", 6, last_contact=date(2026, 1, 19), since=date(2025, 1, 1), today=TODAY
    )
    assert text == (
        "You planned to keep in touch with Zoë every 6 weeks; last contact was 19 Jan 2026 "
        "(8 weeks ago)."
    )
    text = keep_in_touch_text("李雷", 1, last_contact=None, since=date(2026, 3, 2), today=TODAY)
    assert text.endswith("every week; no contact logged since you added them on 2 Mar 2026.")


def test_the_period_runs_from_the_goal_creation_or_a_chosen_day_to_the_target() -> None:
    period = counting_period(
        goal_created_on=date(2026, 1, 10), chosen_start=None, target_on=date(2026, 6, 30)
    )
    assert period == Period(date(2026, 1, 10), date(2026, 6, 30))
    chosen = counting_period(
        goal_created_on=date(2026, 1, 10),
        chosen_start=date(2025, 12, 1),
        target_on=date(2026, 6, 30),
    )
    assert chosen.start == date(2025, 12, 1)
    with pytest.raises(NetworkRuleError, match="on or before the goal's target date, 30 Jun 2026"):
        counting_period(
            goal_created_on=date(2026, 1, 1),
            chosen_start=date(2026, 7, 1),
            target_on=date(2026, 6, 30),
        )


def test_only_goals_with_a_growing_metric_can_count() -> None:
    check_countable_goal(has_metric=True, direction="increase", unit="interviews")
    with pytest.raises(NetworkRuleError, match="Give this goal a metric first"):
        check_countable_goal(has_metric=False, direction="increase", unit="")
    with pytest.raises(NetworkRuleError, match="should decrease"):
        check_countable_goal(has_metric=True, direction="decrease", unit="hours")


def test_it_counts_interactions_of_the_kind_within_the_period_ends_included() -> None:
    period = Period(date(2026, 1, 1), date(2026, 6, 30))
    logged = [
        Logged("informational_interview", date(2025, 12, 31)),
        Logged("informational_interview", date(2026, 1, 1), goal_id=7),
        Logged("informational_interview", date(2026, 6, 30)),
        Logged("informational_interview", date(2026, 7, 1)),
        Logged("coffee", date(2026, 3, 1), goal_id=7),
    ]
    assert count_interactions(logged, kind="informational_interview", period=period) == 2
    assert count_interactions(logged, kind="informational_interview", period=period, goal_id=7) == 1
    assert counted_value(Decimal("1.00"), 2) == Decimal("3.00")


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(
    st.lists(st.tuples(st.sampled_from(["coffee", "call"]), days), max_size=30),
    days,
    st.integers(min_value=0, max_value=400),
)
def test_the_count_is_the_number_of_matching_days_in_the_period(
    items: list[tuple[str, date]], start: date, length: int
) -> None:
    period = Period(start, start + timedelta(days=length))
    logged = [Logged(kind, day) for kind, day in items]
    expected = sum(1 for kind, day in items if kind == "call" and start <= day <= period.end)
    assert count_interactions(logged, kind="call", period=period) == expected
    # Splitting the period in two splits the count in two.
    middle = start + timedelta(days=length // 2)
    first = count_interactions(logged, kind="call", period=Period(start, middle))
    rest = count_interactions(
        logged, kind="call", period=Period(middle + timedelta(days=1), period.end)
    )
    assert first + rest == expected


def card(name: str, *emails: str) -> CardContact:
    return CardContact(name=name, emails=emails)


def test_duplicates_are_found_by_email_in_any_case_then_by_name() -> None:
    known = [Known("Zoë Lefèvre", ("zoe@sgd.example",)), Known("Ren\u00e9 Dubois", ())]
    plan = plan_import(
        [
            card("Zoe L.", "ZOE@SGD.EXAMPLE"),
            card("rené  dubois", "rene@example.fr"),
            card("李雷", "li@example.cn"),
            card("李雷"),
            card("Ana", "ana@example.org"),
            card("Ana", "other.ana@example.org"),
        ],
        known,
    )
    assert [c.name for c in plan.new] == ["李雷", "Ana", "Ana"]
    assert [(d.card.name, d.by, d.match) for d in plan.duplicates] == [
        ("Zoe L.", "email", "ZOE@SGD.EXAMPLE"),
        ("rené  dubois", "name", "René Dubois"),
        ("李雷", "name", "李雷"),
    ]
    assert (plan.count("email"), plan.count("name")) == (1, 2)


def test_names_match_across_unicode_forms_and_case() -> None:
    assert name_key("Zoe\u0308  LEFÈVRE") == name_key("Zo\u00eb Lefèvre")
    # Telling people apart keeps accents; finding them does not.
    assert name_key("José") != name_key("Jose")


def test_search_folds_case_accents_and_spacing_but_keeps_other_scripts() -> None:
    assert search_key("  JOSÉ   Núñez ") == "jose nunez"
    assert search_key("Zoe\u0308") == search_key("zoë") == "zoe"
    assert search_key("Straße") == "strasse"
    assert search_text("李雷", "", "Ōsaka Robotics") == "李雷\nosaka robotics"
    # Lists, such as a contact's other email addresses, are folded item by item.
    assert search_text("Zoë", ["ZOE@x.example", ""], []) == "zoe\nzoe@x.example"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("+44 20 7946 0000", "+44 20 7946 0000"),
        ("+44 20 7946 0000, +1 555 0100 ext 2", "+44 20 7946 0000, +1 555 0100 ext 2"),
        ("+44 20 7946 0000, =1+2", "'+44 20 7946 0000, =1+2"),
        ("Zoë", "Zoë"),
    ],
)
def test_csv_cells_never_run_as_formulas(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe
