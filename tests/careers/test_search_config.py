"""The explorer indexes ESCO occupations exactly as bench/job_titles.py does."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from headway.careers import search
from headway.domain.careerdata import Mirror

BENCH = Path(__file__).resolve().parents[2] / "bench" / "job_titles.py"


def load_bench() -> object:
    spec = importlib.util.spec_from_file_location("job_titles_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_comparable(records: list[object]) -> dict[str, object]:
    return {
        record.id: (  # type: ignore[attr-defined]
            record.preferred_label,  # type: ignore[attr-defined]
            sorted((label.text, label.weight) for label in record.labels),  # type: ignore[attr-defined]
            # Empty skill labels only add full stops, which the index ignores.
            " ".join(record.keywords.replace(".", " ").split()),  # type: ignore[attr-defined]
            dict(record.facets),  # type: ignore[attr-defined]
            round(record.popularity, 9),  # type: ignore[attr-defined]
        )
        for record in records
    }


def test_the_explorer_indexes_esco_as_the_benchmark_does(career_data: Path) -> None:
    bench = load_bench()
    expected = bench.esco_records(Mirror(career_data), with_onet=True)  # type: ignore[attr-defined]
    explorer = search.build_explorer()
    # Same records in, same default tuning: the same index the benchmark measures.
    ours = explorer.esco_index
    assert ours.tuning == type(ours.tuning)()
    built = search.esco_records_from_database()
    assert as_comparable(built) == as_comparable(expected)
    query = "software engneer"
    theirs = bench.build_index(expected)  # type: ignore[attr-defined]
    assert [hit.id for hit in ours.search(query, 10, prefix=False)] == [
        hit.id for hit in theirs.search(query, 10, prefix=False)
    ]
