"""Open every dataset of a mirror folder laid out as in `sources`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import sources
from .bls import OccupationProjection, OewsReader, iter_projections
from .crosswalk import CrosswalkRow, iter_crosswalk
from .esco import EscoReader
from .onet import OnetReader


@dataclass(frozen=True, slots=True)
class Mirror:
    """A folder holding the datasets under their official file names."""

    root: Path

    def onet(self) -> OnetReader:
        """Return a reader over the O*NET text files."""
        return OnetReader(self.root / sources.ONET_FOLDER)

    def esco(self) -> EscoReader:
        """Return a reader over the two ESCO CSV archives."""
        return EscoReader(
            self.root / sources.ESCO_CLASSIFICATION, self.root / sources.ESCO_RELATIONS
        )

    def crosswalk(self) -> Iterator[CrosswalkRow]:
        """Yield the ESCO to O*NET crosswalk rows."""
        return iter_crosswalk(self.root / sources.CROSSWALK)

    def oews(self) -> OewsReader:
        """Return a reader over the OEWS national workbook."""
        return OewsReader(self.root / sources.OEWS_NATIONAL)

    def projections(self, *, include_summary: bool = False) -> Iterator[OccupationProjection]:
        """Yield Employment Projections Table 1.2 rows."""
        return iter_projections(self.root / sources.PROJECTIONS, include_summary=include_summary)
