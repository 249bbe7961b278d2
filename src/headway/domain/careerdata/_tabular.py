"""Row streaming and value parsing shared by the dataset readers."""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .errors import DatasetError


@dataclass(frozen=True, slots=True)
class FileRef:
    """Name a file of a dataset, for error messages."""

    dataset: str
    file: str

    def error(self, line: int | None, message: str) -> DatasetError:
        """Return the error for `message` at `line` of this file."""
        return DatasetError(self.dataset, self.file, line, message)

    def to_int(self, line: int, column: str, value: str) -> int:
        """Parse a whole number, or fail naming the column and line."""
        try:
            return int(value)
        except ValueError:
            raise self.error(line, f"{column}: expected a whole number, got {value!r}") from None

    def to_float(self, line: int, column: str, value: str) -> float:
        """Parse a decimal number as a float, or fail naming the column and line."""
        try:
            return float(value)
        except ValueError:
            raise self.error(line, f"{column}: expected a number, got {value!r}") from None

    def to_decimal(self, line: int, column: str, value: object) -> Decimal:
        """Parse a number exactly (floats from spreadsheets via their shortest repr)."""
        if isinstance(value, bool):
            raise self.error(line, f"{column}: expected a number, got {value!r}")
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value))
        if isinstance(value, str):
            try:
                return Decimal(value.strip().replace(",", ""))
            except InvalidOperation:
                pass
        raise self.error(line, f"{column}: expected a number, got {value!r}")

    def to_flag(self, line: int, column: str, value: str) -> bool:
        """Parse an O*NET Y/N flag."""
        if value == "Y":
            return True
        if value == "N":
            return False
        raise self.error(line, f"{column}: expected Y or N, got {value!r}")


def column_indexes(ref: FileRef, header: Sequence[str], columns: Sequence[str]) -> list[int]:
    """Return the position of each wanted column in `header`, or fail on line 1."""
    names = [name.strip() for name in header]
    missing = [column for column in columns if column not in names]
    if missing:
        raise ref.error(
            1, f"header lacks column(s) {', '.join(map(repr, missing))}; found {names!r}"
        )
    return [names.index(column) for column in columns]


CUT_MID_ROW = "the last row ends without a line break: the file is cut mid-row (truncated)"


class _LineEnds:
    """Iterate a text stream's lines, noting whether the last one ended with a line break."""

    def __init__(self, handle: Iterable[str]) -> None:
        self._lines = iter(handle)
        self.complete = True

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.complete = line.endswith("\n")
        return line


def iter_tab_rows(
    path: Path, ref: FileRef, columns: Sequence[str]
) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, wanted values) from a tab-separated file with a header line.

    O*NET text files use no quoting, so a quote character is ordinary text.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        try:
            header_line = handle.readline()
            if not header_line.strip():
                raise ref.error(1, "file is empty; expected a header line")
            header = header_line.rstrip("\r\n").split("\t")
            indexes = column_indexes(ref, header, columns)
            width = len(header)
            line = 1
            for raw in handle:
                line += 1
                if not raw.endswith("\n"):
                    raise ref.error(line, CUT_MID_ROW)
                text = raw.rstrip("\r\n")
                if not text:
                    continue
                fields = text.split("\t")
                if len(fields) != width:
                    raise ref.error(
                        line, f"expected {width} tab-separated fields, got {len(fields)}"
                    )
                yield line, [fields[index].strip() for index in indexes]
        except UnicodeDecodeError as exc:
            raise ref.error(None, f"not valid UTF-8 text ({exc.reason})") from None


def iter_csv_rows(
    handle: io.TextIOBase, ref: FileRef, columns: Sequence[str]
) -> Iterator[tuple[int, list[str]]]:
    """Yield (first line of the record, wanted values) from a CSV stream with a header.

    Cells may span lines (ESCO puts newline-separated labels in one cell), so the line
    reported is where the record starts.
    """
    ends = _LineEnds(handle)
    # strict: a quote left open at the end of the data is an error, not a short last field.
    reader = csv.reader(ends, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ref.error(1, "file is empty; expected a header line")
        indexes = column_indexes(ref, header, columns)
        width = len(header)
        start = reader.line_num + 1
        for fields in reader:
            line = start
            start = reader.line_num + 1
            if not fields:
                continue
            if len(fields) != width:
                raise ref.error(line, f"expected {width} comma-separated fields, got {len(fields)}")
            yield line, [fields[index] for index in indexes]
        if not ends.complete:
            raise ref.error(reader.line_num, CUT_MID_ROW)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ref.error(reader.line_num, f"{CUT_MID_ROW} (a quote is never closed)") from None
        raise ref.error(reader.line_num, f"malformed CSV ({exc})") from None
    except UnicodeDecodeError as exc:
        raise ref.error(None, f"not valid UTF-8 text ({exc.reason})") from None


def find_zip_member(archive: zipfile.ZipFile, stem: str) -> str | None:
    """Return the member named `<stem>.csv` or `<stem>_<language>.csv`, in any folder."""
    pattern = re.compile(rf"(?:^|/){re.escape(stem)}(?:_[A-Za-z-]+)?\.csv$", re.IGNORECASE)
    for name in archive.namelist():
        if pattern.search(name):
            return name
    return None


def iter_zip_csv_rows(
    zip_path: Path, stem: str, dataset: str, columns: Sequence[str]
) -> Iterator[tuple[int, list[str]]]:
    """Yield rows of the CSV member `stem` of a zip archive, streamed without extracting."""
    archive_ref = FileRef(dataset, zip_path.name)
    if not zip_path.is_file():
        raise archive_ref.error(None, "file not found")
    try:
        archive = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile as exc:
        raise archive_ref.error(None, f"not a zip archive ({exc})") from None
    with archive:
        member = find_zip_member(archive, stem)
        if member is None:
            raise archive_ref.error(None, f"archive has no {stem}_<language>.csv member")
        ref = FileRef(dataset, f"{zip_path.name}:{member}")
        try:
            with (
                archive.open(member) as raw,
                io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text,
            ):
                yield from iter_csv_rows(text, ref, columns)
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            # zipfile checks each member's CRC-32 once it has read the member to its end.
            raise ref.error(None, f"damaged archive member ({exc})") from None


def split_labels(cell: str) -> tuple[str, ...]:
    """Split a newline-separated label cell, dropping blanks and repeats."""
    seen: dict[str, None] = {}
    for part in cell.split("\n"):
        label = " ".join(part.split())
        if label:
            seen.setdefault(label, None)
    return tuple(seen)
