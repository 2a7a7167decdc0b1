"""Inlines of the knowledge's admin pages: a root's dermatome, a nerve's territory, a condition's evidence …"""

from collections.abc import Sequence

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from conditions import models as m
from curation.admin.forms import CitedFiguresForm


class LinkInline(admin.TabularInline):
    """An inline of link rows, with no blank rows until one is asked for."""

    extra = 0


class DermatomeInline(LinkInline):
    """The body regions of a root's dermatome."""

    model = m.Dermatome
    autocomplete_fields = ("region",)


class RegionShapeInline(LinkInline):
    """Where a body region is drawn on the body map, on each view and side."""

    model = m.RegionShape
    autocomplete_fields = ("view",)


class MyotomeInline(LinkInline):
    """The muscle actions of a root's myotome."""

    model = m.Myotome
    autocomplete_fields = ("action",)


class ReflexRootInline(LinkInline):
    """The reflexes a root carries."""

    model = m.ReflexRoot
    autocomplete_fields = ("reflex",)


class NerveRootOriginInline(LinkInline):
    """The roots a nerve arises from."""

    model = m.NerveRootOrigin
    autocomplete_fields = ("root",)


class NerveSensoryRegionInline(LinkInline):
    """The skin regions a nerve supplies."""

    model = m.NerveSensoryRegion
    autocomplete_fields = ("region",)


class NerveMotorActionInline(LinkInline):
    """The muscle actions a nerve drives."""

    model = m.NerveMotorAction
    autocomplete_fields = ("action",)


class ConditionInline:
    """An inline of the condition page: compact, with its longer texts wrapping in small textareas."""

    extra = 0
    classes: Sequence[str] | None = ("compact-records",)
    wrapping: tuple[str, ...] = ()

    def get_fields(self, request, obj=None):
        # What the link says first; the curators' own note last.
        return sorted(super().get_fields(request, obj), key=lambda name: name == "curation_note")

    def get_formset(self, request, obj=None, **kwargs):
        # One-line texts of up to 300 characters are read in full, not scrolled sideways in a narrow box.
        kwargs.setdefault("widgets", {name: forms.Textarea(attrs={"rows": 3}) for name in self.wrapping})
        return super().get_formset(request, obj, **kwargs)


class ConditionNerveRootInline(ConditionInline, admin.TabularInline):
    """The roots a condition involves."""

    model = m.ConditionNerveRoot
    autocomplete_fields = ("root",)
    wrapping = ("note",)
    verbose_name = "nerve root"


class ConditionNerveInline(ConditionInline, admin.TabularInline):
    """The nerves a condition involves."""

    model = m.ConditionNerve
    autocomplete_fields = ("nerve",)
    wrapping = ("note",)
    verbose_name = "nerve"


class ConditionPainRegionInline(ConditionInline, admin.TabularInline):
    """Where a condition's pain is felt."""

    model = m.ConditionPainRegion
    autocomplete_fields = ("region",)
    wrapping = ("note",)
    verbose_name = "pain region"


class ConditionRelationInline(ConditionInline, admin.TabularInline):
    """How a condition relates to others."""

    model = m.ConditionRelation
    fk_name = "from_condition"
    autocomplete_fields = ("to_condition",)
    wrapping = ("note",)
    verbose_name = "related condition"
    verbose_name_plural = "how it relates to other conditions"


class StackedConditionInline(ConditionInline, admin.StackedInline):
    """Records of many fields, each in a few rows with its help under each field."""

    form = CitedFiguresForm
    wrapping: tuple[str, ...] = ("rationale", "note", "curation_note")


def likelihood_ratios(sensitivity: float | None, specificity: float | None) -> str:
    """LR+ and LR- from a sensitivity and a specificity, as curation/static/curation/derived-ratios.js writes them."""

    def shown(value: float | None) -> str:
        if value is None:
            return "—"
        return f"{value:.2f}" if value < 10 else f"{value:.1f}"

    positive = negative = None
    if sensitivity is not None and specificity is not None:
        positive = sensitivity / (1 - specificity) if specificity < 1 else None
        negative = (1 - sensitivity) / specificity if specificity > 0 else None
    return f"LR+ {shown(positive)} · LR- {shown(negative)}"


class DerivedRatios:
    """LR+ and LR- worked out from the sensitivity and specificity, shown beside them and updated as they are typed."""

    class Media:
        js = ("curation/derived-ratios.js",)

    @admin.display(description="Derived ratios")
    def derived_ratios(self, obj) -> str:
        figures = (obj.sensitivity, obj.specificity) if obj is not None else (None, None)
        return format_html('<output class="derived-ratios">{}</output>', likelihood_ratios(*figures))


def evidence_fieldsets(finding: str) -> list:
    """An evidence record in rows: the finding and its figures, where they come from, and why."""
    return [
        (
            None,
            {
                "fields": (
                    (finding, "sensitivity", "specificity", "derived_ratios", "lr_positive", "lr_negative"),
                    ("provenance", "source", "sample_size", "confidence_interval"),
                    ("rationale", "note"),
                    ("absent_counts_after_days", "curation_note"),
                )
            },
        )
    ]


class ConditionSymptomInline(DerivedRatios, StackedConditionInline):
    """Symptoms as evidence for a condition, with their accuracy."""

    model = m.ConditionSymptom
    autocomplete_fields = ("symptom", "source")
    readonly_fields = ("derived_ratios",)
    fieldsets = evidence_fieldsets("symptom")
    verbose_name = "symptom evidence"
    verbose_name_plural = "symptom evidence"


class ConditionTestInline(DerivedRatios, StackedConditionInline):
    """Examination tests as evidence for a condition, with their accuracy."""

    model = m.ConditionTest
    autocomplete_fields = ("test", "source")
    readonly_fields = ("derived_ratios",)
    fieldsets = evidence_fieldsets("test")
    verbose_name = "test evidence"
    verbose_name_plural = "test evidence"


class ConditionModifierInline(StackedConditionInline):
    """How the condition's odds change with age band, sex or how long symptoms have lasted."""

    model = m.ConditionModifier
    autocomplete_fields = ("source",)
    fieldsets = [
        (
            None,
            {
                "fields": (
                    ("code", "kind", "sex", "minimum", "maximum"),
                    ("likelihood_ratio", "provenance", "source"),
                    ("rationale", "note", "curation_note"),
                )
            },
        )
    ]
    verbose_name = "age, sex or duration modifier"
    verbose_name_plural = "age, sex and duration modifiers"


class ConditionTreatmentInline(StackedConditionInline):
    """Treatments for a condition and whether they are recommended."""

    model = m.ConditionTreatment
    autocomplete_fields = ("treatment", "source")
    fieldsets = [
        (
            None,
            {
                "fields": (
                    ("treatment", "recommendation", "source"),
                    ("evidence_note", "needs_neurological_deficit"),
                    ("evidence_note_tr",),
                    ("curation_note",),
                )
            },
        )
    ]
    wrapping = ("evidence_note", "curation_note")
    verbose_name = "treatment"


class ConditionExerciseInline(ConditionInline, admin.TabularInline):
    """Exercises that suit a condition or should be avoided."""

    model = m.ConditionExercise
    autocomplete_fields = ("exercise",)
    wrapping = ("reason", "reason_tr")
    verbose_name = "exercise"


class RedFlagConditionInline(LinkInline):
    """The causes a red flag points to."""

    model = m.RedFlagCondition
    autocomplete_fields = ("condition",)
    fields = ("condition",)
    verbose_name = "cause it points to"
    verbose_name_plural = "causes it points to"


class TriggerCriterionInline(admin.TabularInline):
    """The criteria of a trigger: each without a group must hold; within a group, the trigger's minimum must."""

    model = m.TriggerCriterion
    extra = 0
    autocomplete_fields = ("symptom", "test", "region", "action", "reflex")
