"""Shared building blocks: coded entities, citations and link models with natural keys."""

from typing import Any, ClassVar

from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from conditions.vocabulary import Provenance, SourceKind, Vocabulary

DOI_PATTERN = r"^10\.[0-9]{4,9}/\S+$"
PMID_PATTERN = r"^[1-9][0-9]{0,8}$"


class CodedManager(models.Manager):
    """Finds an entity by its public code, which is also its natural key."""

    def get_by_natural_key(self, code):
        return self.get(code=code)


class CodedEntity(models.Model):
    """An entity with a stable public code, a display name and a plain-English summary."""

    code = models.SlugField(
        max_length=64,
        unique=True,
        help_text="Stable public code used by the API and the mobile apps. Never rename a published code.",
    )
    name = models.CharField(max_length=200, help_text="Display name, in British English.")
    summary = models.TextField(help_text="A short plain-English description for patients and clinicians.")

    objects = CodedManager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)


class Source(CodedEntity):
    """A citation behind one or more facts: an article, guideline, review, study or textbook."""

    Kind = SourceKind

    title = models.CharField(max_length=300)
    authors = models.CharField(max_length=300, help_text="Authors, or the publishing organisation.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField(blank=True, help_text="Where the source can be read, if public.")
    kind = models.CharField(max_length=20, choices=SourceKind.choices())
    doi = models.CharField(
        max_length=100,
        blank=True,
        verbose_name="DOI",
        validators=[RegexValidator(DOI_PATTERN, "A DOI starts with 10. and a slash: 10.1001/jama.281.1.77.")],
        help_text="Only a DOI checked against the publisher's or PubMed's record: leave it blank rather than guess.",
    )
    pmid = models.CharField(
        max_length=10,
        blank=True,
        verbose_name="PMID",
        validators=[RegexValidator(PMID_PATTERN, "A PubMed identifier is a number, for example 9892455.")],
        help_text="PubMed identifier, only when checked against PubMed's record.",
    )
    guideline_number = models.CharField(
        max_length=30, blank=True, help_text="The guideline's own reference, for example NG59 or CG124."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=SourceKind.values()),
                name="source_kind_valid",
            ),
            # A portable shape check (SQLite has no regular expressions in constraints); the form validates fully.
            models.CheckConstraint(
                condition=models.Q(doi="") | models.Q(doi__startswith="10.", doi__contains="/"),
                name="source_doi_shape",
            ),
        ]


def curation_note_field() -> models.TextField:
    """Notes for curators only (what was corrected, when, why and on whose authority): never in the API."""
    return models.TextField(
        blank=True,
        help_text="For curators only, never shown in the API or to patients: what was corrected, when, why and "
        "on whose authority.",
    )


def translation_status_field() -> models.JSONField:
    """How far a record's texts are checked in each language it is translated into: {"tr": "draft"}."""
    return models.JSONField(
        default=dict,
        blank=True,
        help_text='Per language code, "draft" until a clinician who reads the language has checked every text of '
        'this record in it, then "approved": for example {"tr": "approved"}. English, the source, has none.',
    )


class CitedEntity(CodedEntity):
    """A coded entity whose facts are cited to sources."""

    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="%(class)s_cited",
        help_text="Where the facts on this record come from.",
    )
    note = models.TextField(
        blank=True, help_text="Caveats for readers of the record: where sources differ, what a figure rests on."
    )
    curation_note = curation_note_field()
    translation_status = translation_status_field()

    history = HistoricalRecords(inherit=True, m2m_fields=["sources"])

    class Meta(CodedEntity.Meta):
        abstract = True


class LinkManager(models.Manager):
    """Finds a link row by the codes of the entities it joins (its natural key)."""

    def get_by_natural_key(self, *codes):
        fields = self.model.natural_key_fields
        return self.get(**{f"{field}__code": code for field, code in zip(fields, codes, strict=True)})


class Link(models.Model):
    """A relationship row between coded entities, identified by their codes."""

    natural_key_fields: tuple[str, ...] = ()

    curation_note = curation_note_field()

    objects: ClassVar[models.Manager[Any]] = LinkManager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def natural_key(self):
        return tuple(getattr(self, field).code for field in self.natural_key_fields)


def probability_constraint(field: str, name: str) -> models.CheckConstraint:
    """A database check that a nullable probability lies in [0, 1]."""
    in_range = models.Q(**{f"{field}__gte": 0, f"{field}__lte": 1})
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True}) | in_range,
        name=name,
    )


def choice_constraint(
    field: str, vocabulary: type[Vocabulary], name: str, *, nullable: bool = False
) -> models.CheckConstraint:
    """A database check that a field holds one of its vocabulary's codes."""
    valid = models.Q(**{f"{field}__in": vocabulary.values()})
    if nullable:
        valid |= models.Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=valid, name=name)


def provenance_constraints(
    prefix: str, *, source: str = "source", rationale: str = "rationale", provenance: str = "provenance"
):
    """Checks that a figure is either cited to a study or flagged as a curator estimate with a rationale."""
    return [
        choice_constraint(provenance, Provenance, f"{prefix}_provenance_valid"),
        models.CheckConstraint(
            condition=~models.Q(**{provenance: Provenance.STUDY.value}) | models.Q(**{f"{source}__isnull": False}),
            name=f"{prefix}_study_has_source",
        ),
        models.CheckConstraint(
            condition=~models.Q(**{provenance: Provenance.CURATOR_ESTIMATE.value}) | ~models.Q(**{rationale: ""}),
            name=f"{prefix}_estimate_has_rationale",
        ),
    ]
