"""Build a suggested rewrite from the user's own words plus bracketed placeholders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from . import lexicon as lx
from .dates import TimeExpr
from .model import CriterionResult, SmartContext
from .reader import Item
from .text import Parsed
from .time_bound import example_date, format_date

_VAGUE_WORDS = frozenset(k for k in lx.VAGUE if " " not in k)
_OUTCOMES = frozenset({"role", "employ", "credential", "skill", "work", "business", "result"})
_SHARPEN = {
    "role": "[where: which field or organisation]",
    "employ": "[which role, and where]",
    "credential": "[which one exactly]",
    "skill": "[which concrete skill, used where]",
    "work": "[on what, for whom]",
    "business": "[what kind, where]",
    "result": "[whose, where]",
}


def suggest_rewrite(
    parsed: Parsed,
    items: Sequence[Item],
    times: Sequence[TimeExpr],
    specific: CriterionResult,
    measurable: CriterionResult,
    time_bound: CriterionResult,
    today: date,
    context: SmartContext | None = None,
) -> str:
    """Return the goal with placeholders in square brackets where a SMART part is missing."""
    text = parsed.text
    example = format_date(example_date(today))
    by_date = f"[by a date, e.g. by {example}]"
    stripped = text.rstrip()
    end_mark = ""
    while stripped and stripped[-1] in ".!?":
        end_mark = "."
        stripped = stripped[:-1].rstrip()
    limit = len(stripped)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement); start == end inserts

    if specific.status != "met":
        for tok in parsed.tokens:
            if tok.base in _VAGUE_WORDS and not tok.negated and tok.end <= limit:
                edits.append((tok.start, tok.end, f'[specific kind, not "{tok.raw}"]'))

    if time_bound.status == "partly":
        for t in times:
            if t.end > limit:
                continue
            if t.kind in ("vague",):
                edits.append((t.start, t.end, by_date))
            elif t.kind in ("event", "age"):
                edits.append((t.end, t.end, " [on which date?]"))
            elif t.kind == "recurrence":
                edits.append((t.end, t.end, f" [until a date, e.g. until {example}]"))
            elif t.kind in ("start", "duration", "anchored"):
                edits.append((t.end, t.end, f" [ending by a date, e.g. {example}]"))
            elif t.kind == "deadline" and t.on is not None and t.on < today:
                edits.append((t.start, t.end, f"[a future date, e.g. by {example}]"))

    if measurable.status == "partly":
        for e in measurable.evidence:
            if e.end is not None and e.end <= limit and e.kind in ("direction", "result", "level"):
                edits.append((e.end, e.end, " [by how much, e.g. by 15% or to a number]"))
                break

    tail: list[str] = []
    live = [it for it in items if not it.negated]
    if specific.status != "met":
        outcomes = [it for it in live if it.kind in _OUTCOMES and it.end <= limit]
        places = [it for it in live if it.kind in ("organisation", "place", "field")]
        hint = f", e.g. {context.target_role}" if context and context.target_role else ""
        if outcomes:
            first = outcomes[0]
            what = _SHARPEN.get(first.kind, "[what exactly, and where]")
            if first.kind in ("role", "employ") and places:
                what = "[which role]"
            edits.append((first.end, first.end, " " + what))
        elif places:
            tail.append(f"as [which role{hint}]")
        else:
            tail.append(f"[what exactly: a role, skill, credential or result{hint}]")
    if measurable.status == "missing":
        if any(it.kind == "skill" for it in live):
            tail.append("[shown by, e.g. passing a named exam or finishing a project]")
        else:
            tail.append("[measured by a number, a credential or an observable result]")
    if time_bound.status == "missing":
        tail.append(by_date)

    out = stripped
    last = len(out) + 1
    for start, end, repl in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if end > last:
            continue
        out = out[:start] + repl + out[end:]
        last = start
    if tail:
        out = (out + " " if out else "") + " ".join(tail)
    return " ".join(out.split()) + end_mark
