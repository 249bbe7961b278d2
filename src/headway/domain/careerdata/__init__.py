"""Readers for Headway's career datasets, each in its publisher's own format.

O*NET (tab-separated text), ESCO (CSV zips), Nesta's ESCO-O*NET crosswalk (CSV) and the BLS
workbooks (OEWS wages, Employment Projections) are streamed into frozen dataclasses. Damaged
input raises `DatasetError` naming the file and line.
"""

from .bls import (
    EmploymentValue,
    OccupationProjection,
    OewsOccupation,
    OewsReader,
    OewsTopCodes,
    WageDistribution,
    WageValue,
    iter_projections,
)
from .crosswalk import CrosswalkRow, iter_crosswalk, resolve_crosswalk
from .errors import DatasetError
from .esco import (
    EscoBroaderRelation,
    EscoIscoGroup,
    EscoOccupation,
    EscoOccupationSkill,
    EscoReader,
    EscoSkill,
    EscoSkillGroup,
)
from .mirror import Mirror
from .onet import (
    OnetAlternateTitle,
    OnetCategoryShare,
    OnetElementRating,
    OnetInterests,
    OnetJobZone,
    OnetJobZoneReference,
    OnetOccupation,
    OnetPreparation,
    OnetReader,
    OnetRelatedOccupation,
    OnetReportedTitle,
    OnetTask,
    OnetTechnologySkill,
    soc_code,
)
from .sources import SOURCES, DatasetInfo, DatasetSource, SyncResult, sync_dataset
from .verify import FileDigest, VerifyReport, verify_dataset, verify_mirror

__all__ = [
    "SOURCES",
    "CrosswalkRow",
    "DatasetError",
    "DatasetInfo",
    "DatasetSource",
    "EmploymentValue",
    "EscoBroaderRelation",
    "EscoIscoGroup",
    "EscoOccupation",
    "EscoOccupationSkill",
    "EscoReader",
    "EscoSkill",
    "EscoSkillGroup",
    "FileDigest",
    "Mirror",
    "OccupationProjection",
    "OewsOccupation",
    "OewsReader",
    "OewsTopCodes",
    "OnetAlternateTitle",
    "OnetCategoryShare",
    "OnetElementRating",
    "OnetInterests",
    "OnetJobZone",
    "OnetJobZoneReference",
    "OnetOccupation",
    "OnetPreparation",
    "OnetReader",
    "OnetRelatedOccupation",
    "OnetReportedTitle",
    "OnetTask",
    "OnetTechnologySkill",
    "SyncResult",
    "VerifyReport",
    "WageDistribution",
    "WageValue",
    "iter_crosswalk",
    "iter_projections",
    "resolve_crosswalk",
    "soc_code",
    "sync_dataset",
    "verify_dataset",
    "verify_mirror",
]
