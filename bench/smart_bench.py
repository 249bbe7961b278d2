"""Measure the SMART goal coach on the labelled goals; print accuracy, P/R/F1 and throughput.

Reads tests/data/smart_goals.jsonl (or the JSONL files given) and prints, per criterion, the
three-way accuracy (met / partly / missing, or unknown) and precision, recall and F1 for
"met" against everything else; then verdict and deadline accuracy, the same figures for each
id prefix (g, h, k, z: the batches tuned on; q, w, v, s, m, n: later batches), and throughput on
one core. `--sealed` scores the sealed batch x instead.

    .venv/bin/python bench/smart_bench.py [FILE.jsonl ...] [--sealed] [--seconds 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from headway.domain.smart import SmartAnalysis, SmartContext, analyse_goal, judge_smt  # noqa: E402

CRITERIA = ("specific", "measurable", "time_bound", "attainable", "relevant")


def load(paths: Sequence[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def context_of(row: dict[str, Any]) -> SmartContext | None:
    return SmartContext.from_dict(row["context"]) if "context" in row else None


def scores(rows: list[dict[str, Any]], results: list[SmartAnalysis]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in CRITERIA:
        pairs = [
            (row["labels"][name], getattr(a, name).status)
            for row, a in zip(rows, results, strict=True)
            if name in row["labels"]
        ]
        if not pairs:
            continue
        tp = sum(want == "met" and got == "met" for want, got in pairs)
        fp = sum(want != "met" and got == "met" for want, got in pairs)
        fn = sum(want == "met" and got != "met" for want, got in pairs)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = {
            "n": len(pairs),
            "acc3": sum(want == got for want, got in pairs) / len(pairs),
            "acc2": sum((want == "met") == (got == "met") for want, got in pairs) / len(pairs),
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "confusion": Counter(pairs),
        }
    out["verdict"] = sum(
        row["verdict"] == a.verdict for row, a in zip(rows, results, strict=True)
    ) / len(rows)
    dated = [(row, a) for row, a in zip(rows, results, strict=True) if "deadline" in row]
    out["deadline"] = (
        sum(bool(a.deadline and a.deadline.on.isoformat() == row["deadline"]) for row, a in dated),
        len(dated),
    )
    return out


def print_scores(title: str, s: dict[str, Any], detail: bool) -> None:
    print(f"\n{title}")
    print(
        f"  {'criterion':<11} {'n':>4} {'3-way acc':>9} {'met acc':>8} {'P':>6} {'R':>6} {'F1':>6}"
    )
    for name in CRITERIA:
        if name not in s:
            continue
        c = s[name]
        print(
            f"  {name:<11} {c['n']:>4} {c['acc3']:>9.3f} {c['acc2']:>8.3f} "
            f"{c['precision']:>6.3f} {c['recall']:>6.3f} {c['f1']:>6.3f}"
        )
    right, total = s["deadline"]
    print(f"  verdict accuracy (smart / partly_smart / not_smart): {s['verdict']:.3f}")
    print(f"  deadline exact date: {right}/{total} = {right / max(1, total):.3f}")
    if detail:
        for name in CRITERIA:
            if name in s:
                matrix = ", ".join(
                    f"{want}->{got}: {n}"
                    for (want, got), n in sorted(s[name]["confusion"].items())
                    if want != got
                )
                print(f"  {name} errors (label->engine): {matrix or 'none'}")


def throughput(
    rows: list[dict[str, Any]],
    run: Callable[[str, date, SmartContext | None], object],
    seconds: float,
) -> float:
    """Return goals per second of CPU time (one core; other load on the machine excluded)."""
    cases = [(row["text"], date.fromisoformat(row["today"]), context_of(row)) for row in rows]
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for text, today, context in cases:
            run(text, today, context)
        done += len(cases)
    return done / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per throughput run")
    parser.add_argument(
        "--sealed",
        action="store_true",
        help="score the sealed batch (smart_goals_sealed.jsonl), which no rule was written from",
    )
    args = parser.parse_args()
    data = ROOT / "tests" / "data"
    paths = args.files or [
        data / ("smart_goals_sealed.jsonl" if args.sealed else "smart_goals.jsonl")
    ]
    rows = load(paths)
    results = [
        analyse_goal(row["text"], today=date.fromisoformat(row["today"]), context=context_of(row))
        for row in rows
    ]
    print(f"SMART goal coach on {len(rows)} labelled goals ({', '.join(str(p) for p in paths)})")
    print_scores("All goals", scores(rows, results), detail=True)

    batches: dict[str, list[int]] = defaultdict(list)
    for k, row in enumerate(rows):
        batches[row["id"][:1]].append(k)
    if len(batches) > 1:
        for prefix, index in sorted(batches.items()):
            subset = [rows[k] for k in index]
            print_scores(
                f"Ids starting '{prefix}'",
                scores(subset, [results[k] for k in index]),
                detail=False,
            )

    smt = throughput(rows, lambda t, d, c: judge_smt(t, today=d, context=c), args.seconds)
    full = throughput(rows, lambda t, d, c: analyse_goal(t, today=d, context=c), args.seconds)
    print("\nThroughput (one core, CPU time)")
    print(f"  specific + measurable + time-bound (judge_smt): {smt:>8.0f} goals/s")
    print(f"  full analysis with rewrite (analyse_goal):      {full:>8.0f} goals/s")


if __name__ == "__main__":
    main()
