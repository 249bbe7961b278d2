"""Factories for career data rows (normally written by the importer) and vision targets."""

from __future__ import annotations

import factory
from django.utils import timezone

from headway.careers.models import Occupation, VisionTarget
from tests.plans.factories import VisionFactory


class OccupationFactory(factory.django.DjangoModelFactory[Occupation]):
    """An O*NET occupation."""

    class Meta:
        model = Occupation

    source = Occupation.Source.ONET
    code = factory.Sequence(lambda n: f"99-{1000 + n:04d}.00")
    key = factory.LazyAttribute(lambda occupation: occupation.code)
    title = factory.Sequence(lambda n: f"Test Occupation {n}")
    description = "Does test work."
    soc_code = factory.LazyAttribute(lambda occupation: occupation.code[:7])
    job_zone = 3


class EscoOccupationFactory(OccupationFactory):
    source = Occupation.Source.ESCO
    code = factory.Sequence(
        lambda n: f"http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-{n:012d}"
    )
    key = factory.LazyAttribute(lambda occupation: occupation.code.rsplit("/", 1)[1])
    soc_code = ""
    job_zone = None


class VisionTargetFactory(factory.django.DjangoModelFactory[VisionTarget]):
    class Meta:
        model = VisionTarget

    vision = factory.SubFactory(VisionFactory)
    occupation = factory.SubFactory(OccupationFactory)
    set_at = factory.LazyFunction(timezone.now)
