"""Career data: O*NET and ESCO occupations, ESCO skills, BLS wages and projections.

Rows are written only by the importer (`careers.importer`), which upserts them by their natural
keys (O*NET-SOC code, ESCO URI, SOC code) so primary keys stay stable across re-imports and the
users' links (`VisionTarget`) survive. An occupation that leaves a release is kept and marked
`in_current_release=False`, never deleted.
"""

from __future__ import annotations

from django.db import models


class Dataset(models.Model):
    """One imported dataset: what it is, where it came from, and what the import found."""

    key = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=40)
    publisher = models.CharField(max_length=200)
    licence = models.CharField(max_length=200)
    licence_url = models.URLField(max_length=300)
    attribution = models.TextField()
    source = models.CharField(max_length=500, help_text="Mirror folder or official address.")
    checksum = models.CharField(max_length=64, help_text="SHA-256 over the files' digests.")
    files = models.JSONField(default=list, help_text="[{path, size, sha256}]")
    missing_files = models.JSONField(default=list)
    counts = models.JSONField(default=dict)
    notes = models.JSONField(default=dict, help_text="Dataset-specific facts, e.g. top codes.")
    importer_version = models.PositiveSmallIntegerField(default=1)
    imported_at = models.DateTimeField()
    duration_seconds = models.FloatField(default=0.0)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


class JobZone(models.Model):
    """O*NET's words for a job zone (1-5): how much preparation an occupation needs."""

    zone = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    experience = models.TextField()
    education = models.TextField()
    training = models.TextField()
    examples = models.TextField()
    svp_range = models.CharField(max_length=40)

    class Meta:
        ordering = ("zone",)

    def __str__(self) -> str:
        return self.name


class CrosswalkMethod(models.TextChoices):
    """How the crosswalk reaches an O*NET occupation from an ESCO occupation."""

    CODE = "code", "crosswalk row"
    OFFICIAL = "official", "crosswalk row, its O*NET-SOC 2010 code changed by O*NET-SOC 2019"
    BROADER = "broader", "crosswalk row of a broader ESCO occupation"


class Occupation(models.Model):
    """An O*NET occupation or an ESCO occupation.

    An ESCO occupation's crosswalk row names an O*NET occupation (`crosswalk_candidate`,
    after O*NET's official code changes). Only when the two are judged close by title and work
    (`domain.occupation_match`, kept in `match_closeness`) is it the `onet_match`, whose US
    figures the pages show under "Closest US occupation".
    """

    class Source(models.TextChoices):
        ONET = "onet", "O*NET"
        ESCO = "esco", "ESCO"

    source = models.CharField(max_length=4, choices=Source.choices)
    code = models.CharField(
        max_length=120, unique=True, help_text="O*NET-SOC code or ESCO concept URI."
    )
    key = models.CharField(max_length=40, unique=True, help_text="The occupation's URL key.")
    title = models.CharField(max_length=250)
    description = models.TextField(blank=True)
    in_current_release = models.BooleanField(default=True)
    # O*NET
    soc_code = models.CharField(max_length=7, blank=True, db_index=True)
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)
    interest_r = models.FloatField(null=True, blank=True)
    interest_i = models.FloatField(null=True, blank=True)
    interest_a = models.FloatField(null=True, blank=True)
    interest_s = models.FloatField(null=True, blank=True)
    interest_e = models.FloatField(null=True, blank=True)
    interest_c = models.FloatField(null=True, blank=True)
    interest_code = models.CharField(max_length=3, blank=True, help_text="High points, e.g. IRC.")
    preparation = models.JSONField(
        default=dict, blank=True, help_text="Most common education, experience and training."
    )
    # ESCO
    isco_group = models.CharField(max_length=4, blank=True)
    esco_code = models.CharField(max_length=40, blank=True)
    broader = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="narrower"
    )
    onet_match = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="esco_matches"
    )
    crosswalk_direct = models.BooleanField(
        default=False,
        help_text="Has a crosswalk row of its own (whether or not O*NET still has its code).",
    )
    crosswalk_method = models.CharField(
        max_length=8, choices=CrosswalkMethod.choices, blank=True, default=""
    )
    crosswalk_code = models.CharField(
        max_length=10, blank=True, help_text="The O*NET-SOC code the crosswalk row names."
    )
    crosswalk_confidence = models.FloatField(null=True, blank=True)
    crosswalk_candidate = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The current O*NET occupation the crosswalk names, close or not.",
    )
    match_closeness = models.JSONField(
        default=dict, blank=True, help_text="{title, work, rank, of}: see domain.occupation_match."
    )

    class Meta:
        ordering = ("title", "id")
        indexes = [models.Index(fields=("source", "title"), name="careers_occ_source_title")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_onet(self) -> bool:
        return self.source == self.Source.ONET

    @property
    def interests(self) -> dict[str, float] | None:
        """Return the six O*NET interest scores (1-7) keyed R, I, A, S, E, C, if known."""
        values = (
            self.interest_r,
            self.interest_i,
            self.interest_a,
            self.interest_s,
            self.interest_e,
            self.interest_c,
        )
        if any(value is None for value in values):
            return None
        return {letter: float(value or 0) for letter, value in zip("RIASEC", values, strict=True)}


class OccupationTitle(models.Model):
    """Another name for an occupation: O*NET alternate or reported title, ESCO label."""

    class Kind(models.TextChoices):
        ALTERNATE = "alternate", "O*NET alternate title"
        REPORTED = "reported", "Job title reported to O*NET"
        ESCO_ALT = "esco_alt", "ESCO alternative label"
        ESCO_HIDDEN = "esco_hidden", "ESCO hidden label"

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="titles")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=250)
    short_title = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(
                fields=("occupation", "kind", "title"), name="careers_title_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    """An O*NET task statement."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="tasks")
    task_id = models.PositiveIntegerField(unique=True)
    statement = models.TextField()
    task_type = models.CharField(max_length=20, blank=True)
    incumbents_responding = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ("task_id",)

    def __str__(self) -> str:
        return self.statement


class TechnologySkill(models.Model):
    """A technology used in an occupation, with O*NET's hot and in-demand flags."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="technologies"
    )
    example = models.CharField(max_length=250)
    commodity_code = models.PositiveIntegerField()
    commodity_title = models.CharField(max_length=250)
    hot = models.BooleanField(default=False)
    in_demand = models.BooleanField(default=False)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(fields=("occupation", "example"), name="careers_tech_unique")
        ]

    def __str__(self) -> str:
        return self.example


class RelatedOccupation(models.Model):
    """O*NET's link from one occupation to a related one."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    tier = models.CharField(max_length=20)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ("rank", "id")
        constraints = [
            models.UniqueConstraint(fields=("occupation", "related"), name="careers_related_unique")
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} -> {self.related_id}"


class ElementRating(models.Model):
    """Importance and level of an O*NET skill or knowledge element (Skills.txt, Knowledge.txt)."""

    class Domain(models.TextChoices):
        SKILL = "skill", "Skill"
        KNOWLEDGE = "knowledge", "Knowledge"

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="ratings")
    domain = models.CharField(max_length=10, choices=Domain.choices)
    element_id = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    importance = models.FloatField(null=True, blank=True)
    level = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(
                fields=("occupation", "domain", "element_id"), name="careers_rating_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class IscoGroup(models.Model):
    """An ISCO-08 group as ESCO labels it."""

    code = models.CharField(max_length=4, unique=True)
    uri = models.CharField(max_length=120)
    label = models.CharField(max_length=250)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Skill(models.Model):
    """An ESCO skill or knowledge concept."""

    uri = models.CharField(max_length=120, unique=True)
    label = models.CharField(max_length=250)
    alt_labels = models.TextField(blank=True, help_text="One label a line.")
    hidden_labels = models.TextField(
        blank=True, help_text="One label a line: words ESCO knows people use but does not show."
    )
    skill_type = models.CharField(max_length=20, blank=True)
    reuse_level = models.CharField(max_length=30, blank=True)
    description = models.TextField(blank=True)
    in_current_release = models.BooleanField(default=True)

    class Meta:
        ordering = ("label", "id")

    def __str__(self) -> str:
        return self.label

    @property
    def alt_label_list(self) -> list[str]:
        return [label for label in self.alt_labels.split("\n") if label]


class SkillBroader(models.Model):
    """ESCO's skill hierarchy: a skill and one of its broader skills ("SQL" -> "query languages").

    A user's skill counts toward the skills above it, so knowing SQL meets "query languages".
    """

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="broader_links")
    broader = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="narrower_links")

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(
                fields=("skill", "broader"), name="careers_skill_broader_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.skill_id} -> {self.broader_id}"


class SkillGroup(models.Model):
    """A group of ESCO's skills hierarchy, e.g. "working with computers"."""

    uri = models.CharField(max_length=120, unique=True)
    label = models.CharField(max_length=250)
    code = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ("label", "id")

    def __str__(self) -> str:
        return self.label


class SkillGroupMember(models.Model):
    """A skill that ESCO files directly under a skill group."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="group_links")
    group = models.ForeignKey(SkillGroup, on_delete=models.CASCADE, related_name="member_links")

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(fields=("skill", "group"), name="careers_skill_group_unique")
        ]

    def __str__(self) -> str:
        return f"{self.skill_id} in {self.group_id}"


class OccupationSkill(models.Model):
    """ESCO's link between an occupation and a skill, essential or optional."""

    class Relation(models.TextChoices):
        ESSENTIAL = "essential", "Essential"
        OPTIONAL = "optional", "Optional"

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="occupation_links")
    relation = models.CharField(max_length=9, choices=Relation.choices)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(
                fields=("occupation", "skill"), name="careers_occupation_skill_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.relation} {self.skill_id}"


class Wage(models.Model):
    """BLS OEWS national employment and wages of one SOC occupation.

    `hourly` and `annual` map mean, p10, p25, median, p75 and p90 to a dollar amount as a
    string, or to the marker BLS printed instead ("#" top-coded, "*" or "**" not available).
    """

    soc_code = models.CharField(max_length=7, unique=True)
    title = models.CharField(max_length=250)
    employment = models.PositiveIntegerField(null=True, blank=True)
    employment_marker = models.CharField(max_length=2, blank=True)
    employment_rse = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    hourly = models.JSONField(default=dict)
    annual = models.JSONField(default=dict)
    annual_only = models.BooleanField(default=False)
    hourly_only = models.BooleanField(default=False)

    class Meta:
        ordering = ("soc_code",)

    def __str__(self) -> str:
        return f"{self.soc_code} {self.title}"


class WageArea(models.Model):
    """A state or metropolitan area of the BLS OEWS state and area estimates."""

    class Kind(models.TextChoices):
        STATE = "state", "State"
        METRO = "metro", "Metropolitan area"
        NONMETRO = "nonmetro", "Nonmetropolitan area"

    code = models.CharField(max_length=10, unique=True, help_text="BLS area code.")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    state = models.CharField(max_length=2, help_text="Postal code of its (primary) state.")

    class Meta:
        ordering = ("title",)

    def __str__(self) -> str:
        return self.title


class AreaWage(models.Model):
    """BLS OEWS employment and wages of one SOC occupation in one area (as `Wage`)."""

    area = models.ForeignKey(WageArea, on_delete=models.CASCADE, related_name="wages")
    soc_code = models.CharField(max_length=7, db_index=True)
    employment = models.PositiveIntegerField(null=True, blank=True)
    employment_marker = models.CharField(max_length=2, blank=True)
    hourly = models.JSONField(default=dict)
    annual = models.JSONField(default=dict)
    annual_only = models.BooleanField(default=False)
    hourly_only = models.BooleanField(default=False)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(fields=("area", "soc_code"), name="careers_area_wage_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area_id} {self.soc_code}"


class Projection(models.Model):
    """BLS Employment Projections for one SOC occupation (employment in thousands)."""

    soc_code = models.CharField(max_length=7, unique=True)
    title = models.CharField(max_length=250)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField()
    employment_start = models.DecimalField(max_digits=10, decimal_places=1)
    employment_end = models.DecimalField(max_digits=10, decimal_places=1)
    change_number = models.DecimalField(max_digits=10, decimal_places=1)
    change_percent = models.DecimalField(max_digits=6, decimal_places=1)
    self_employed_percent = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    annual_openings = models.DecimalField(max_digits=10, decimal_places=1)
    median_annual_wage = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    median_wage_marker = models.CharField(max_length=2, blank=True)
    typical_education = models.CharField(max_length=100, blank=True)
    work_experience = models.CharField(max_length=100, blank=True)
    on_the_job_training = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ("soc_code",)

    def __str__(self) -> str:
        return f"{self.soc_code} {self.title}"


class VisionTarget(models.Model):
    """The occupation a user's vision aims at. Owned through the vision (and so its user)."""

    vision = models.OneToOneField(
        "plans.Vision", on_delete=models.CASCADE, related_name="careers_target"
    )
    # PROTECT: occupations are never deleted by the importer; this makes sure of it.
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.vision_id} -> {self.occupation_id}"
