"""The explorer's index is the one bench/job_titles.py measures."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from headway.careers import search
from headway.domain.careerdata import Mirror
from headway.domain.occupation_search import EXPLORER_TUNING, OccupationRecord

BENCH = Path(__file__).resolve().parents[2] / "bench" / "job_titles.py"


def load_bench() -> object:
    spec = importlib.util.spec_from_file_location("job_titles_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_comparable(records: list[OccupationRecord]) -> dict[str, object]:
    return {
        record.id: (
            record.preferred_label,
            sorted((label.text, label.weight) for label in record.labels),
            # Empty skill labels only add full stops, which the index ignores.
            " ".join(record.keywords.replace(".", " ").split()),
            dict(record.facets),
            round(record.popularity, 9),
            sorted(record.related),
        )
        for record in records
    }


def test_the_explorer_indexes_what_the_benchmark_measures(career_data: Path) -> None:
    bench = load_bench()
    sources = bench.occupation_sources(Mirror(career_data))  # type: ignore[attr-defined]
    expected = bench.occupation_records(sources)  # type: ignore[attr-defined]
    built = search.occupation_records_from_database()
    assert as_comparable(built) == as_comparable(expected)
    # Both sources, linked both ways, with employment behind the popularity.
    by_id = {record.id: record for record in built}
    assert {record.facets["source"] for record in built} == {"esco", "onet"}
    linked = [
        r for r in built if r.facets["source"] == "esco" and r.related and r.related[0] in by_id
    ]
    assert linked and all(
        r.id in by_id[r.related[0]].related for r in linked if r.id in sources.direct
    )
    assert any(record.popularity > 0 for record in built)

    # Same records in, same tuning, one index: the benchmark's index.
    explorer = search.build_explorer()
    assert explorer.index.tuning == EXPLORER_TUNING
    assert len(explorer.index) == len(expected)
    theirs = bench.build_index(expected, bench.EXPLORER_TUNING)  # type: ignore[attr-defined]
    for query in ("software engneer", "registered nurse", "chef"):
        assert [hit.id for hit in explorer.index.search(query, 10, prefix=False)] == [
            hit.id for hit in theirs.search(query, 10, prefix=False)
        ]
