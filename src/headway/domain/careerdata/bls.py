"""Read the BLS workbooks: OEWS national wages and Employment Projections.

BLS prints markers instead of numbers where an estimate is unavailable or top-coded. They
are kept as markers (`WageValue.marker`, `EmploymentValue.marker`) and never turned into
numbers: `#` means "at or above the top code" (for May 2024, $115.00 an hour or $239,200 a
year; `OewsReader.top_codes` reads the figures from the workbook's own notes).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from ._tabular import FileRef

OEWS_DATASET = "BLS OEWS"
PROJECTIONS_DATASET = "BLS Employment Projections"

WAGE_NOT_AVAILABLE = "*"
EMPLOYMENT_NOT_AVAILABLE = "**"
TOP_CODED = "#"
NOT_AVAILABLE = "—"  # Employment Projections' "data unavailable"

PROJECTIONS_SHEET = "Table 1.2"

_SOC = re.compile(r"^\d{2}-\d{4}$")
_TOP_CODE_NOTE = re.compile(r"\$([\d,]+(?:\.\d+)?) per hour or \$([\d,]+(?:\.\d+)?) per year")
_EP_TOP_CODED = re.compile(r"^>=\s*\$[\d,]+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class WageValue:
    """A wage in dollars, or the marker BLS printed instead (then `amount` is None)."""

    amount: Decimal | None
    marker: str | None = None

    @property
    def is_top_coded(self) -> bool:
        """Return whether BLS reports only that the wage is at or above its top code."""
        return self.marker == TOP_CODED


@dataclass(frozen=True, slots=True)
class EmploymentValue:
    """An employment count, or the marker BLS printed instead (then `count` is None)."""

    count: int | None
    marker: str | None = None


@dataclass(frozen=True, slots=True)
class WageDistribution:
    mean: WageValue
    p10: WageValue
    p25: WageValue
    median: WageValue
    p75: WageValue
    p90: WageValue


@dataclass(frozen=True, slots=True)
class OewsOccupation:
    """National cross-industry employment and wages of one detailed occupation."""

    soc_code: str
    title: str
    employment: EmploymentValue
    employment_rse: Decimal | None  # percent relative standard error
    hourly: WageDistribution
    annual: WageDistribution
    annual_only: bool  # BLS releases only annual wages (e.g. teachers)
    hourly_only: bool  # BLS releases only hourly wages (e.g. actors)


@dataclass(frozen=True, slots=True)
class OewsTopCodes:
    """The wage at or above which BLS prints `#`."""

    hourly: Decimal
    annual: Decimal


@dataclass(frozen=True, slots=True)
class OccupationProjection:
    """One row of Employment Projections Table 1.2 (employment in thousands)."""

    soc_code: str
    title: str
    occupation_type: str  # "Line item" (detailed) or "Summary"
    start_year: int
    end_year: int
    employment_start: Decimal
    employment_end: Decimal
    change_number: Decimal
    change_percent: Decimal
    self_employed_percent: Decimal | None
    annual_openings: Decimal
    median_annual_wage: WageValue
    typical_education: str | None
    work_experience: str | None
    on_the_job_training: str | None


def _open_workbook(path: Path, ref: FileRef) -> Any:
    if not path.is_file():
        raise ref.error(None, "file not found")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ref.error(None, f"not a readable xlsx workbook ({exc})") from None


@dataclass(frozen=True, slots=True)
class OewsArea:
    """A state or metropolitan area of the OEWS state and area workbooks."""

    code: str  # BLS area code: state FIPS ("48") or CBSA code ("12420")
    title: str  # "Texas", "Austin-Round Rock-San Marcos, TX"
    area_type: int  # 2 state, 3 territory, 4 metropolitan, 6 nonmetropolitan area
    state: str  # PRIM_STATE: the postal code of the (primary) state, "TX"


@dataclass(frozen=True, slots=True)
class OewsAreaOccupation:
    """Cross-industry employment and wages of one detailed occupation in one area."""

    area: OewsArea
    occupation: OewsOccupation


class OewsReader:
    """Read an OEWS workbook: national (`national_M2024_dl.xlsx`), state or metropolitan area.

    The state (`state_M2024_dl.xlsx`) and area (`MSA_M2024_dl.xlsx`) workbooks share the
    national layout; their AREA columns say where each row's estimates apply.
    """

    WAGE_COLUMNS = ("MEAN", "PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")
    AREA_COLUMNS = ("AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE")

    def __init__(self, path: Path) -> None:
        self.path = path

    def occupations(self) -> Iterator[OewsOccupation]:
        """Yield the detailed occupations of the national cross-industry estimates."""
        for _line, occupation, _area in self._rows(with_area=False):
            yield occupation

    def area_occupations(self) -> Iterator[OewsAreaOccupation]:
        """Yield each area's detailed occupations (cross-industry) with the area they are for."""
        areas: dict[str, OewsArea] = {}
        for _line, occupation, area in self._rows(with_area=True):
            if area is not None:
                yield OewsAreaOccupation(areas.setdefault(area.code, area), occupation)

    def _rows(self, *, with_area: bool) -> Iterator[tuple[int, OewsOccupation, OewsArea | None]]:
        ref = FileRef(OEWS_DATASET, self.path.name)
        workbook = _open_workbook(self.path, ref)
        try:
            sheet = _data_sheet(workbook, self.path.stem)
            ref = FileRef(OEWS_DATASET, f"{self.path.name}[{sheet.title}]")
            rows = sheet.iter_rows(values_only=True)
            header = [str(cell or "").strip().upper() for cell in next(rows, ())]
            wanted = (
                "OCC_CODE",
                "OCC_TITLE",
                "O_GROUP",
                "TOT_EMP",
                "EMP_PRSE",
                "ANNUAL",
                "HOURLY",
                *(f"H_{name}" for name in self.WAGE_COLUMNS),
                *(f"A_{name}" for name in self.WAGE_COLUMNS),
                *(self.AREA_COLUMNS if with_area else ()),
            )
            index = _indexes(ref, header, wanted)
            industry = header.index("I_GROUP") if "I_GROUP" in header else None
            for line, row in enumerate(rows, start=2):
                if not any(cell is not None for cell in row):
                    continue
                if _cell(row, index["O_GROUP"]) != "detailed":
                    continue
                if industry is not None and _cell(row, industry) != "cross-industry":
                    continue
                code = str(_cell(row, index["OCC_CODE"]) or "").strip()
                if not _SOC.match(code):
                    raise ref.error(line, f"OCC_CODE: not a SOC code: {code!r}")
                occupation = OewsOccupation(
                    soc_code=code,
                    title=str(_cell(row, index["OCC_TITLE"]) or "").strip(),
                    employment=_employment(ref, line, _cell(row, index["TOT_EMP"])),
                    employment_rse=_optional_decimal(
                        ref, line, "EMP_PRSE", _cell(row, index["EMP_PRSE"])
                    ),
                    hourly=self._wages(ref, line, row, index, "H_"),
                    annual=self._wages(ref, line, row, index, "A_"),
                    annual_only=_is_true(_cell(row, index["ANNUAL"])),
                    hourly_only=_is_true(_cell(row, index["HOURLY"])),
                )
                yield line, occupation, (_area(ref, line, row, index) if with_area else None)
        finally:
            workbook.close()

    def top_codes(self) -> OewsTopCodes | None:
        """Return the top-code wages stated in the workbook's notes, if it states them."""
        ref = FileRef(OEWS_DATASET, self.path.name)
        workbook = _open_workbook(self.path, ref)
        try:
            for sheet in workbook.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    for cell in row:
                        if isinstance(cell, str) and cell.lstrip().startswith(TOP_CODED):
                            match = _TOP_CODE_NOTE.search(cell)
                            if match:
                                hourly, annual = (g.replace(",", "") for g in match.groups())
                                return OewsTopCodes(Decimal(hourly), Decimal(annual))
            return None
        finally:
            workbook.close()

    def _wages(
        self, ref: FileRef, line: int, row: Sequence[Any], index: dict[str, int], prefix: str
    ) -> WageDistribution:
        values = [
            _wage(ref, line, prefix + name, _cell(row, index[prefix + name]))
            for name in self.WAGE_COLUMNS
        ]
        return WageDistribution(*values)


def iter_projections(
    path: Path, *, include_summary: bool = False
) -> Iterator[OccupationProjection]:
    """Yield Employment Projections Table 1.2 rows (detailed occupations unless asked)."""
    ref = FileRef(PROJECTIONS_DATASET, path.name)
    workbook = _open_workbook(path, ref)
    try:
        if PROJECTIONS_SHEET not in workbook.sheetnames:
            raise ref.error(None, f"no sheet named {PROJECTIONS_SHEET!r}")
        ref = FileRef(PROJECTIONS_DATASET, f"{path.name}[{PROJECTIONS_SHEET}]")
        rows = workbook[PROJECTIONS_SHEET].iter_rows(values_only=True)
        columns, years, header_line = _projection_header(ref, rows)
        for line, row in enumerate(rows, start=header_line + 1):
            code = _cell(row, columns["code"])
            if not isinstance(code, str) or not _SOC.match(code.strip()):
                continue  # footnotes and blank rows below the table
            kind = str(_cell(row, columns["type"]) or "").strip()
            if kind != "Line item" and not include_summary:
                continue

            def number(key: str, row: Sequence[Any] = row, line: int = line) -> Decimal:
                return ref.to_decimal(line, key, _cell(row, columns[key]))

            yield OccupationProjection(
                soc_code=code.strip(),
                title=str(_cell(row, columns["title"]) or "").strip(),
                occupation_type=kind,
                start_year=years[0],
                end_year=years[1],
                employment_start=number("employment_start"),
                employment_end=number("employment_end"),
                change_number=number("change_number"),
                change_percent=number("change_percent"),
                self_employed_percent=_optional_decimal(
                    ref, line, "self_employed", _cell(row, columns["self_employed"])
                ),
                annual_openings=number("openings"),
                median_annual_wage=_projection_wage(ref, line, _cell(row, columns["wage"])),
                typical_education=_text(_cell(row, columns["education"])),
                work_experience=_text(_cell(row, columns["experience"])),
                on_the_job_training=_text(_cell(row, columns["training"])),
            )
    finally:
        workbook.close()


# Table 1.2 headers carry the projection years, so columns are found by pattern.
_PROJECTION_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("title", re.compile(r"National Employment Matrix title$")),
    ("code", re.compile(r"National Employment Matrix code$")),
    ("type", re.compile(r"^Occupation type$")),
    ("employment_start", re.compile(r"^Employment, \d{4}$")),
    ("employment_end", re.compile(r"^Employment, \d{4}$")),
    ("change_number", re.compile(r"^Employment change, numeric")),
    ("change_percent", re.compile(r"^Employment change, percent")),
    ("self_employed", re.compile(r"^Percent self employed")),
    ("openings", re.compile(r"^Occupational openings")),
    ("wage", re.compile(r"^Median annual wage")),
    ("education", re.compile(r"^Typical education needed for entry")),
    ("experience", re.compile(r"^Work experience in a related occupation")),
    ("training", re.compile(r"^Typical on-the-job training")),
)


def _projection_header(
    ref: FileRef, rows: Iterator[tuple[Any, ...]]
) -> tuple[dict[str, int], tuple[int, int], int]:
    for line, row in enumerate(rows, start=1):
        names = [str(cell or "").strip() for cell in row]
        if not any(name.endswith("National Employment Matrix code") for name in names):
            if line >= 10:
                break
            continue
        columns: dict[str, int] = {}
        taken: set[int] = set()
        for key, pattern in _PROJECTION_COLUMNS:
            position = next(
                (i for i, name in enumerate(names) if i not in taken and pattern.search(name)),
                None,
            )
            if position is None:
                raise ref.error(line, f"header lacks a column matching {pattern.pattern!r}")
            columns[key] = position
            taken.add(position)
        start = int(names[columns["employment_start"]][-4:])
        end = int(names[columns["employment_end"]][-4:])
        return columns, (start, end), line
    raise ref.error(None, "no header row naming 'National Employment Matrix code'")


def _area(ref: FileRef, line: int, row: Sequence[Any], index: dict[str, int]) -> OewsArea:
    code = _code_text(_cell(row, index["AREA"]))
    title = str(_cell(row, index["AREA_TITLE"]) or "").strip()
    if not code.isdigit() or not title:
        raise ref.error(line, f"AREA, AREA_TITLE: expected an area code and name, got {code!r}")
    area_type = ref.to_int(line, "AREA_TYPE", _code_text(_cell(row, index["AREA_TYPE"])))
    if area_type in (2, 3):
        code = code.zfill(2)  # state FIPS codes, "01" for Alabama
    state = str(_cell(row, index["PRIM_STATE"]) or "").strip().upper()
    return OewsArea(code, title, area_type, state)


def _code_text(value: Any) -> str:
    # Spreadsheet tools turn codes such as "12420" into numbers; keep them as text.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _data_sheet(workbook: Any, stem: str) -> Any:
    if stem in workbook.sheetnames:
        return workbook[stem]
    return workbook.worksheets[0]


def _indexes(ref: FileRef, header: list[str], wanted: Sequence[str]) -> dict[str, int]:
    missing = [name for name in wanted if name not in header]
    if missing:
        raise ref.error(1, f"header lacks column(s) {', '.join(missing)}")
    return {name: header.index(name) for name in wanted}


def _cell(row: Sequence[Any], position: int) -> Any:
    return row[position] if position < len(row) else None


def _is_true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().upper() == "TRUE")


def _text(value: Any) -> str | None:
    text = str(value or "").strip()
    return None if text in ("", NOT_AVAILABLE) else text


def _wage(ref: FileRef, line: int, column: str, value: Any) -> WageValue:
    if isinstance(value, str):
        marker = value.strip()
        if marker in (WAGE_NOT_AVAILABLE, EMPLOYMENT_NOT_AVAILABLE, TOP_CODED):
            return WageValue(None, marker)
    if value is None:
        raise ref.error(line, f"{column}: empty cell where BLS prints a wage or a marker")
    return WageValue(ref.to_decimal(line, column, value))


def _employment(ref: FileRef, line: int, value: Any) -> EmploymentValue:
    if isinstance(value, str) and value.strip() in (EMPLOYMENT_NOT_AVAILABLE, WAGE_NOT_AVAILABLE):
        return EmploymentValue(None, value.strip())
    amount = ref.to_decimal(line, "TOT_EMP", value)
    if amount != amount.to_integral_value():
        raise ref.error(line, f"TOT_EMP: expected a whole number, got {value!r}")
    return EmploymentValue(int(amount))


def _optional_decimal(ref: FileRef, line: int, column: str, value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", NOT_AVAILABLE, "*")):
        return None
    return ref.to_decimal(line, column, value)


def _projection_wage(ref: FileRef, line: int, value: Any) -> WageValue:
    if isinstance(value, str):
        text = value.strip()
        if text == NOT_AVAILABLE:
            return WageValue(None, NOT_AVAILABLE)
        if _EP_TOP_CODED.match(text):  # EP writes ">=$239,200" for OEWS's "#"
            return WageValue(None, TOP_CODED)
    return WageValue(ref.to_decimal(line, "median annual wage", value))
