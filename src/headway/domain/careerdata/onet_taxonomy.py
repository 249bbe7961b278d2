"""Read O*NET's official O*NET-SOC 2010 to 2019 taxonomy crosswalk (`2010_to_2019_Crosswalk.csv`).

O*NET publishes it at https://www.onetcenter.org/taxonomy/2019/walk.html as a CSV with the
columns "O*NET-SOC 2010 Code", "O*NET-SOC 2010 Title", "O*NET-SOC 2019 Code" and
"O*NET-SOC 2019 Title". A 2010 code may have several rows (an occupation split in two) and
several 2010 codes may share a 2019 code (occupations merged).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ._tabular import FileRef, iter_csv_rows

DATASET = "O*NET-SOC 2010 to 2019 crosswalk"
FILE = "2010_to_2019_Crosswalk.csv"
COLUMNS = (
    "O*NET-SOC 2010 Code",
    "O*NET-SOC 2010 Title",
    "O*NET-SOC 2019 Code",
    "O*NET-SOC 2019 Title",
)


@dataclass(frozen=True, slots=True)
class TaxonomyChange:
    """One row: an O*NET-SOC 2010 occupation and an O*NET-SOC 2019 occupation it became."""

    code_2010: str
    title_2010: str
    code_2019: str
    title_2019: str


def _is_code(code: str) -> bool:
    return len(code) == 10 and code[2] == "-" and code[7] == "."


def iter_taxonomy_changes(path: Path) -> Iterator[TaxonomyChange]:
    """Yield the crosswalk's rows; a malformed code raises DatasetError naming the line."""
    ref = FileRef(DATASET, path.name)
    if not path.is_file():
        raise ref.error(None, "file not found")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, (old, old_title, new, new_title) in iter_csv_rows(handle, ref, COLUMNS):
            old, new = old.strip(), new.strip()
            if not _is_code(old):
                raise ref.error(line, f"O*NET-SOC 2010 Code: not an O*NET-SOC code: {old!r}")
            if not _is_code(new):
                raise ref.error(line, f"O*NET-SOC 2019 Code: not an O*NET-SOC code: {new!r}")
            yield TaxonomyChange(old, old_title.strip(), new, new_title.strip())


def codes_2019(changes: Iterable[TaxonomyChange]) -> dict[str, list[str]]:
    """Return each 2010 code's 2019 codes, in file order."""
    mapping: dict[str, list[str]] = {}
    for change in changes:
        targets = mapping.setdefault(change.code_2010, [])
        if change.code_2019 not in targets:
            targets.append(change.code_2019)
    return mapping


def current_codes(
    code: str, official: Mapping[str, Sequence[str]] | None, current: Container[str]
) -> list[str]:
    """Return the current O*NET-SOC codes an O*NET-SOC 2010 `code` names.

    With O*NET's crosswalk (`official`), a code it lists becomes the codes it lists (those still
    current); otherwise a code is taken as it is when current, and names nothing when not.
    """
    if official is not None and code in official:
        return [new for new in official[code] if new in current]
    return [code] if code in current else []
