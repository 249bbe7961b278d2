"""Where each dataset comes from, under what terms, and how to fetch it.

File paths are relative to a mirror root laid out like the official downloads, unzipped:

    onet/db_29_3_text/Occupation Data.txt ...
    esco/ESCO dataset - v1.1.1 - classification - en - csv.zip
    esco/ESCO dataset - v1.1.1 - classification -  - csv.zip
    crosswalk/esco_onet_crosswalk_Nov2020.csv
    onet/2010_to_2019_Crosswalk.csv            (optional: O*NET's official taxonomy crosswalk)
    bls/national_M2024_dl.xlsx
    bls/state_M2024_dl.xlsx     (optional: wages by state)
    bls/MSA_M2024_dl.xlsx       (optional: wages by metropolitan area)
    bls/occupation.xlsx

`sync_dataset` fills such a folder either from the official addresses or from another
mirror folder with the same layout.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from . import onet
from .errors import DatasetError

# BLS refuses requests without a descriptive User-Agent; callers should add a contact address.
DEFAULT_USER_AGENT = "Headway career-data sync"
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """What a dataset is and the credit its licence asks for."""

    key: str
    name: str
    version: str
    publisher: str
    licence: str
    licence_url: str
    urls: tuple[str, ...]
    attribution: str


@dataclass(frozen=True, slots=True)
class Download:
    """One official download: a file, or a zip whose members are matched by file name."""

    url: str
    archive: bool
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DatasetSource:
    info: DatasetInfo
    files: tuple[str, ...]
    required: tuple[str, ...]
    downloads: tuple[Download, ...]  # empty where the publisher offers no direct link


@dataclass(frozen=True, slots=True)
class SyncResult:
    dataset: str
    written: tuple[str, ...]
    missing: tuple[str, ...]  # optional files neither the mirror nor the download had


ONET_FOLDER = "onet/db_29_3_text"
ESCO_CLASSIFICATION = "esco/ESCO dataset - v1.1.1 - classification - en - csv.zip"
ESCO_RELATIONS = "esco/ESCO dataset - v1.1.1 - classification -  - csv.zip"
CROSSWALK = "crosswalk/esco_onet_crosswalk_Nov2020.csv"
ONET_TAXONOMY_CROSSWALK = "onet/2010_to_2019_Crosswalk.csv"
OEWS_NATIONAL = "bls/national_M2024_dl.xlsx"
OEWS_STATE = "bls/state_M2024_dl.xlsx"
OEWS_METRO = "bls/MSA_M2024_dl.xlsx"
PROJECTIONS = "bls/occupation.xlsx"

ONET_INFO = DatasetInfo(
    key="onet",
    name="O*NET 29.3 Database",
    version="29.3",
    publisher="U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    urls=("https://www.onetcenter.org/database.html", "https://www.onetcenter.org/license_db.html"),
    attribution=(
        "This site includes information from the O*NET 29.3 Database by the U.S. Department of "
        "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license. O*NET\u00ae is a trademark of USDOL/ETA. Headway has modified all or some of "
        "this information. USDOL/ETA has not approved, endorsed, or tested these modifications."
    ),
)
ESCO_INFO = DatasetInfo(
    key="esco",
    name="ESCO classification",
    version="1.1.1",
    publisher="European Commission",
    licence="European Commission reuse policy (Decision 2011/833/EU)",
    licence_url="https://eur-lex.europa.eu/eli/dec/2011/833/oj",
    urls=("https://esco.ec.europa.eu/en/use-esco/download",),
    attribution=(
        "This service uses the ESCO classification of the European Commission (ESCO v1.1.1). "
        "Headway has selected and rearranged some of its content."
    ),
)
CROSSWALK_INFO = DatasetInfo(
    key="crosswalk",
    name="ESCO to O*NET occupation crosswalk (Mapping Career Causeways)",
    version="November 2020",
    publisher="Nesta",
    licence="MIT",
    licence_url="https://github.com/nestauk/mapping-career-causeways/blob/HEAD/LICENSE",
    urls=(
        "https://github.com/nestauk/mapping-career-causeways/tree/HEAD/supplementary_online_data/ONET_ESCO_crosswalk",
        "https://www.onetcenter.org/taxonomy/2019/walk.html",
    ),
    attribution=(
        "ESCO to O*NET crosswalk by Nesta, from Kanders K., Djumalieva J., Sleeman C. and "
        "Orlik J. (2020), Mapping Career Causeways, MIT License."
    ),
)
OEWS_INFO = DatasetInfo(
    key="oews",
    name="Occupational Employment and Wage Statistics",
    version="May 2024",
    publisher="U.S. Bureau of Labor Statistics",
    licence="Public domain (U.S. government work)",
    licence_url="https://www.bls.gov/opub/copyright-information.htm",
    urls=("https://www.bls.gov/oes/tables.htm", "https://www.bls.gov/oes/special-requests/"),
    attribution=(
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
        "May 2024."
    ),
)
PROJECTIONS_INFO = DatasetInfo(
    key="projections",
    name="Employment Projections, occupation tables",
    version="2024-34",
    publisher="U.S. Bureau of Labor Statistics",
    licence="Public domain (U.S. government work)",
    licence_url="https://www.bls.gov/opub/copyright-information.htm",
    urls=("https://www.bls.gov/emp/tables.htm",),
    attribution="Source: U.S. Bureau of Labor Statistics, Employment Projections program, 2024-34.",
)

_ONET_FILES = tuple(f"{ONET_FOLDER}/{name}" for name in onet.FILES)

ONET_SOURCE = DatasetSource(
    info=ONET_INFO,
    files=_ONET_FILES,
    required=(f"{ONET_FOLDER}/{onet.OCCUPATION_DATA}",),
    downloads=(
        Download(
            "https://www.onetcenter.org/dl_files/database/db_29_3_text.zip",
            archive=True,
            files=_ONET_FILES,
        ),
    ),
)
# ESCO's portal assembles each download on request, so there is no stable file address:
# save the two CSV zips from the download page into the mirror.
ESCO_SOURCE = DatasetSource(
    info=ESCO_INFO,
    files=(ESCO_CLASSIFICATION, ESCO_RELATIONS),
    required=(ESCO_CLASSIFICATION, ESCO_RELATIONS),
    downloads=(),
)
# Nesta's crosswalk names O*NET-SOC 2010 codes; O*NET's own 2010-to-2019 taxonomy crosswalk
# (optional) says what became of the codes that O*NET-SOC 2019 changed.
CROSSWALK_SOURCE = DatasetSource(
    info=CROSSWALK_INFO,
    files=(CROSSWALK, ONET_TAXONOMY_CROSSWALK),
    required=(CROSSWALK,),
    downloads=(
        Download(
            "https://raw.githubusercontent.com/nestauk/mapping-career-causeways/HEAD/"
            "supplementary_online_data/ONET_ESCO_crosswalk/esco_onet_crosswalk_Nov2020.csv",
            archive=False,
            files=(CROSSWALK,),
        ),
        Download(
            "https://www.onetcenter.org/taxonomy/2019/walk/2010_to_2019_Crosswalk.csv?fmt=csv",
            archive=False,
            files=(ONET_TAXONOMY_CROSSWALK,),
        ),
    ),
)
# The state and metropolitan-area workbooks are optional: without them pay is national only.
OEWS_SOURCE = DatasetSource(
    info=OEWS_INFO,
    files=(OEWS_NATIONAL, OEWS_STATE, OEWS_METRO),
    required=(OEWS_NATIONAL,),
    downloads=(
        Download(
            "https://www.bls.gov/oes/special-requests/oesm24nat.zip",
            archive=True,
            files=(OEWS_NATIONAL,),
        ),
        Download(
            "https://www.bls.gov/oes/special-requests/oesm24st.zip",
            archive=True,
            files=(OEWS_STATE,),
        ),
        Download(
            "https://www.bls.gov/oes/special-requests/oesm24ma.zip",
            archive=True,
            files=(OEWS_METRO,),
        ),
    ),
)
PROJECTIONS_SOURCE = DatasetSource(
    info=PROJECTIONS_INFO,
    files=(PROJECTIONS,),
    required=(PROJECTIONS,),
    downloads=(
        Download(
            "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx",
            archive=False,
            files=(PROJECTIONS,),
        ),
    ),
)

# What a page cannot show when an optional file is absent from the source (About the data).
GAPS: dict[str, str] = {
    OEWS_STATE: "Pay is shown nationally only, not by state.",
    OEWS_METRO: "Pay is shown nationally only, not by metropolitan area.",
}

SOURCES: tuple[DatasetSource, ...] = (
    ONET_SOURCE,
    ESCO_SOURCE,
    CROSSWALK_SOURCE,
    OEWS_SOURCE,
    PROJECTIONS_SOURCE,
)


def sync_dataset(
    source: DatasetSource,
    target: Path,
    *,
    mirror: Path | None = None,
    user_agent: str = DEFAULT_USER_AGENT,
    timeout: float = 120.0,
) -> SyncResult:
    """Copy a dataset's files into `target` from `mirror`, or download them officially.

    Files are written atomically (temporary file, then rename). A missing required file
    raises DatasetError; missing optional files are listed in the result.
    """
    if mirror is not None:
        return _copy_from_mirror(source, target, mirror)
    if not source.downloads:
        raise DatasetError(
            source.info.name,
            ", ".join(source.files),
            None,
            f"no direct download exists; save the files from {source.info.urls[0]} "
            "into a mirror folder and sync from it",
        )
    written: list[str] = []
    for download in source.downloads:
        optional = not set(download.files) & set(source.required)
        with tempfile.TemporaryDirectory(prefix="headway-sync-") as scratch:
            fetched = Path(scratch) / "download"
            try:
                _fetch(download.url, fetched, user_agent, timeout)
            except OSError:
                if optional:  # listed as missing in the result; the rest still syncs
                    continue
                raise
            if download.archive:
                written.extend(_extract(source, download, fetched, target))
            else:
                (relative,) = download.files
                _place(fetched, target / relative)
                written.append(relative)
    return _result(source, written)


def _copy_from_mirror(source: DatasetSource, target: Path, mirror: Path) -> SyncResult:
    written = []
    for relative in source.files:
        origin = mirror / relative
        if not origin.is_file():
            continue
        destination = target / relative
        if destination.resolve() != origin.resolve():
            with origin.open("rb") as reader:
                _write_atomically(reader, destination)
        written.append(relative)
    return _result(source, written)


def _result(source: DatasetSource, written: list[str]) -> SyncResult:
    absent = [relative for relative in source.files if relative not in written]
    required = [relative for relative in absent if relative in source.required]
    if required:
        raise DatasetError(source.info.name, ", ".join(required), None, "required file missing")
    return SyncResult(source.info.key, tuple(written), tuple(absent))


def _fetch(url: str, destination: Path, user_agent: str, timeout: float) -> None:
    if not url.startswith(("https://", "file:")):
        raise ValueError(f"refusing to fetch {url!r}: only https and file URLs")
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})  # noqa: S310
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        _write_atomically(response, destination)


def _extract(source: DatasetSource, download: Download, archive: Path, target: Path) -> list[str]:
    try:
        opened = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise DatasetError(source.info.name, download.url, None, f"not a zip ({exc})") from None
    written = []
    with opened:
        # Official zips nest files in a folder (e.g. db_29_3_text/); match on the file name.
        members = {PurePosixPath(name).name: name for name in opened.namelist()}
        for relative in download.files:
            member = members.get(PurePosixPath(relative).name)
            if member is None:
                continue
            with opened.open(member) as reader:
                _write_atomically(reader, target / relative)
            written.append(relative)
    return written


def _place(fetched: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    with fetched.open("rb") as reader:
        _write_atomically(reader, destination)


def _write_atomically(reader: IO[bytes], destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as writer:
            shutil.copyfileobj(reader, writer, _CHUNK)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
