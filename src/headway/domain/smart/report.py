"""Plain-text report of a SMART analysis, for the command line."""

from __future__ import annotations

from .guide import guide_questions
from .model import SmartAnalysis

_NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "attainable": "Attainable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}
_VERDICTS = {"smart": "SMART", "partly_smart": "partly SMART", "not_smart": "not SMART"}


def format_report(analysis: SmartAnalysis) -> str:
    """Return a readable plain-text report of an analysis."""
    lines = [f"Goal: {analysis.text.strip() or '(empty)'}"]
    core = sum(
        c.status == "met" for c in (analysis.specific, analysis.measurable, analysis.time_bound)
    )
    lines.append(f"Verdict: {_VERDICTS[analysis.verdict]} ({core} of 3 of S, M, T met)")
    lines.append("")
    for c in analysis.criteria:
        lines.append(f"{_NAMES[c.criterion]:<11} {c.status:<8} {c.explanation}")
        pad = " " * 21
        if c.evidence:
            shown = []
            for e in c.evidence[:4]:
                where = (
                    f" [{e.start}:{e.end}]" if e.start is not None else f" (form field {e.field})"
                )
                shown.append(f'"{e.text}"{where}')
            lines.append(f"{pad}evidence: " + "; ".join(shown))
        if c.fix:
            lines.append(f"{pad}fix: {c.fix}")
    lines.append("")
    if analysis.deadline:
        d = analysis.deadline
        source = f'from "{d.phrase}"' if d.start is not None else "from the form"
        lines.append(f"Deadline:  {d.on.isoformat()} {source} ({d.kind})")
    else:
        lines.append("Deadline:  none")
    if analysis.metrics:
        parts = []
        for m in analysis.metrics:
            extra = ", ".join(
                x
                for x in (
                    f"{m.quantity:g}" if m.quantity is not None else "",
                    m.unit or "",
                    f"from {m.baseline:g}" if m.baseline is not None else "",
                    m.comparator or "",
                    m.direction or "",
                )
                if x
            )
            parts.append(f'"{m.text}" ({m.kind}{": " + extra if extra else ""})')
        lines.append("Metrics:   " + "; ".join(parts))
    else:
        lines.append("Metrics:   none")
    if analysis.entities:
        lines.append(
            "Names:     " + "; ".join(f'{e.kind} "{e.text}"' for e in analysis.entities[:8])
        )
    questions = guide_questions(analysis)
    if not questions:
        lines.append(f"Rewrite:   {analysis.text.strip()} (nothing to add)")
    for q in questions:
        hints = "; ".join(
            f"{f.label.lower()}, e.g. {', '.join(f.choices[:3])}" if f.choices else f.label.lower()
            for f in q.fields
        )
        lines.append(f"Ask:       {q.prompt} ({hints})")
    return "\n".join(lines)
