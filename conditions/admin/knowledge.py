"""Admin pages of the knowledge: every entity and link, with search, filters, inlines and autocomplete."""

from django import forms
from django.contrib import admin
from django.db import models

from conditions import models as m
from conditions.admin.review import ReviewedAdmin, ReviewStatusFilter


class CodedAdmin(ReviewedAdmin):
    """Shared list, search and autocomplete set-up for coded entities."""

    list_display = ("code", "name")
    list_filter = (ReviewStatusFilter,)
    search_fields = ("code", "name", "summary")
    autocomplete_fields = ("sources",)

    def get_readonly_fields(self, request, obj=None):
        # Codes are the API's contract with the apps: set once, never renamed.
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "code") if obj is not None else readonly

    def get_fieldsets(self, request, obj=None):
        fields = [f for f in self.get_fields(request, obj) if f != "sources"]
        fieldsets = [(None, {"fields": fields})]
        if hasattr(self.model, "sources"):
            fieldsets.append(("Sources", {"fields": ["sources"], "classes": ["collapse"]}))
        return fieldsets


# --- inlines -------------------------------------------------------------------------------------


class DermatomeInline(admin.TabularInline):
    """The body regions of a root's dermatome."""

    model = m.Dermatome
    extra = 0
    autocomplete_fields = ("region",)


class MyotomeInline(admin.TabularInline):
    """The muscle actions of a root's myotome."""

    model = m.Myotome
    extra = 0
    autocomplete_fields = ("action",)


class ReflexRootInline(admin.TabularInline):
    """The reflexes a root carries."""

    model = m.ReflexRoot
    extra = 0
    autocomplete_fields = ("reflex",)


class NerveRootOriginInline(admin.TabularInline):
    """The roots a nerve arises from."""

    model = m.NerveRootOrigin
    extra = 0
    autocomplete_fields = ("root",)


class NerveSensoryRegionInline(admin.TabularInline):
    """The skin regions a nerve supplies."""

    model = m.NerveSensoryRegion
    extra = 0
    autocomplete_fields = ("region",)


class NerveMotorActionInline(admin.TabularInline):
    """The muscle actions a nerve drives."""

    model = m.NerveMotorAction
    extra = 0
    autocomplete_fields = ("action",)


class ConditionNerveRootInline(admin.TabularInline):
    """The roots a condition involves."""

    model = m.ConditionNerveRoot
    extra = 0
    autocomplete_fields = ("root",)


class ConditionNerveInline(admin.TabularInline):
    """The nerves a condition involves."""

    model = m.ConditionNerve
    extra = 0
    autocomplete_fields = ("nerve",)


class ConditionPainRegionInline(admin.TabularInline):
    """Where a condition's pain is felt."""

    model = m.ConditionPainRegion
    extra = 0
    autocomplete_fields = ("region",)


class ConditionRelationInline(admin.TabularInline):
    """How a condition relates to others."""

    model = m.ConditionRelation
    fk_name = "from_condition"
    extra = 0
    autocomplete_fields = ("to_condition",)
    verbose_name = "related condition"


COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 36})}}


class EvidenceInlineMixin:
    """The accuracy fields of an evidence link, in the order a clinician reads them."""

    extra = 0
    formfield_overrides = COMPACT_TEXT
    fields = (
        "sensitivity",
        "specificity",
        "lr_positive",
        "lr_negative",
        "provenance",
        "source",
        "rationale",
        "note",
        "sample_size",
        "confidence_interval",
    )


class ConditionSymptomInline(EvidenceInlineMixin, admin.TabularInline):
    """Symptoms as evidence for a condition, with their accuracy."""

    model = m.ConditionSymptom
    autocomplete_fields = ("symptom", "source")
    fields = ("symptom", *EvidenceInlineMixin.fields)
    verbose_name = "symptom evidence"
    verbose_name_plural = "symptom evidence"


class ConditionTestInline(EvidenceInlineMixin, admin.TabularInline):
    """Examination tests as evidence for a condition, with their accuracy."""

    model = m.ConditionTest
    autocomplete_fields = ("test", "source")
    fields = ("test", *EvidenceInlineMixin.fields)
    verbose_name = "test evidence"
    verbose_name_plural = "test evidence"


class ConditionModifierInline(admin.TabularInline):
    """How the condition's odds change with age band, sex or how long symptoms have lasted."""

    model = m.ConditionModifier
    extra = 0
    formfield_overrides = COMPACT_TEXT
    autocomplete_fields = ("source",)
    fields = (
        "code",
        "kind",
        "minimum",
        "maximum",
        "sex",
        "likelihood_ratio",
        "provenance",
        "source",
        "rationale",
        "note",
    )
    verbose_name = "age, sex or duration modifier"
    verbose_name_plural = "age, sex and duration modifiers"


class ConditionTreatmentInline(admin.TabularInline):
    """Treatments for a condition and whether they are recommended."""

    model = m.ConditionTreatment
    extra = 0
    formfield_overrides = COMPACT_TEXT
    autocomplete_fields = ("treatment", "source")


class ConditionExerciseInline(admin.TabularInline):
    """Exercises that suit a condition or should be avoided."""

    model = m.ConditionExercise
    extra = 0
    autocomplete_fields = ("exercise",)


class TriggerCriterionInline(admin.TabularInline):
    """The criteria of a trigger: each without a group must hold; within a group, the trigger's minimum must."""

    model = m.TriggerCriterion
    extra = 0
    autocomplete_fields = ("symptom", "test", "region", "action", "reflex")


# --- entities ------------------------------------------------------------------------------------


@admin.register(m.Source)
class SourceAdmin(CodedAdmin):
    """Citations."""

    list_display = ("code", "title", "authors", "year", "kind", "doi", "pmid", "guideline_number")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ("kind",)
    search_fields = ("code", "name", "title", "authors", "doi", "pmid", "guideline_number")
    autocomplete_fields = ()


@admin.register(m.BodyRegion)
class BodyRegionAdmin(CodedAdmin):
    """Body-map regions."""

    list_display = ("code", "name", "position")
    list_editable = ("position",)


@admin.register(m.MuscleAction)
class MuscleActionAdmin(CodedAdmin):
    """Muscle actions tested for weakness."""

    list_display = ("code", "name", "muscles")


@admin.register(m.Reflex)
class ReflexAdmin(CodedAdmin):
    """Reflexes."""


@admin.register(m.NerveRoot)
class NerveRootAdmin(CodedAdmin):
    """Nerve roots, with their dermatome, myotome and reflexes inline."""

    list_display = ("code", "name", "segment", "key_sensory_point")
    list_filter = ("segment", ReviewStatusFilter)
    inlines = (DermatomeInline, MyotomeInline, ReflexRootInline)


@admin.register(m.Nerve)
class NerveAdmin(CodedAdmin):
    """Peripheral nerves, with roots, territory and motor actions inline."""

    list_display = ("code", "name", "parent")
    list_filter = ("roots", ReviewStatusFilter)
    autocomplete_fields = ("sources", "parent")
    inlines = (NerveRootOriginInline, NerveSensoryRegionInline, NerveMotorActionInline)


@admin.register(m.Symptom)
class SymptomAdmin(CodedAdmin):
    """Symptoms a person reports."""

    list_display = ("code", "name", "question")


@admin.register(m.ClinicalTest)
class ClinicalTestAdmin(CodedAdmin):
    """Examination tests."""


@admin.register(m.Condition)
class ConditionAdmin(CodedAdmin):
    """Conditions, with their roots, nerves, regions, evidence, treatments and exercises inline."""

    list_display = ("code", "name", "category", "prior", "prior_provenance")
    list_filter = ("category", "nerve_roots", ReviewStatusFilter, "prior_provenance", "care_level")
    search_fields = ("code", "name", "summary", "synonyms", "icd10_codes")
    autocomplete_fields = ("sources", "prior_source")
    inlines = (
        ConditionSymptomInline,
        ConditionTestInline,
        ConditionModifierInline,
        ConditionNerveRootInline,
        ConditionNerveInline,
        ConditionPainRegionInline,
        ConditionRelationInline,
        ConditionTreatmentInline,
        ConditionExerciseInline,
    )


@admin.register(m.RedFlag)
class RedFlagAdmin(CodedAdmin):
    """Red flags and the condition each points to."""

    list_display = ("code", "name", "urgency", "condition")
    list_filter = ("urgency", ReviewStatusFilter)
    autocomplete_fields = ("sources", "condition")


@admin.register(m.RedFlagTrigger)
class RedFlagTriggerAdmin(ReviewedAdmin):
    """Red-flag triggers, with their criteria inline."""

    list_display = ("red_flag", "code", "description", "urgency", "group_minimum")
    list_filter = ("red_flag",)
    search_fields = ("code", "description", "red_flag__name")
    autocomplete_fields = ("red_flag",)
    inlines = (TriggerCriterionInline,)


@admin.register(m.Treatment)
class TreatmentAdmin(CodedAdmin):
    """Treatments."""

    list_display = ("code", "name", "kind")
    list_filter = ("kind", ReviewStatusFilter)


@admin.register(m.Exercise)
class ExerciseAdmin(CodedAdmin):
    """Exercises with instructions and dosage."""

    list_display = ("code", "name", "kind", "difficulty", "frequency")
    list_filter = ("kind", "difficulty", ReviewStatusFilter)


@admin.register(m.KnowledgeVersion)
class KnowledgeVersionAdmin(admin.ModelAdmin):
    """The current knowledge version (read-only)."""

    list_display = ("number", "changed_at")
    readonly_fields = ("number", "changed_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- links, for researchers who browse or search them directly ------------------------------------


class LinkAdmin(ReviewedAdmin):
    """A link model listed on its own, with autocomplete for both ends."""

    list_per_page = 50


def register_link(model, ends, *, filters=(), extra_display=()):
    """Register a link model with autocomplete on its ends and search by their codes and names."""
    admin_class = type(
        f"{model.__name__}Admin",
        (LinkAdmin,),
        {
            "__doc__": f"{model._meta.verbose_name_plural.capitalize()}.",
            "list_display": (*ends, *extra_display),
            "list_filter": filters,
            "autocomplete_fields": ends,
            "search_fields": tuple(f"{end}__{field}" for end in ends for field in ("code", "name")),
        },
    )
    admin.site.register(model, admin_class)


register_link(m.Dermatome, ("root", "region"), filters=("typicality", "root"), extra_display=("typicality",))
register_link(m.Myotome, ("root", "action"), filters=("is_key_muscle", "root"), extra_display=("is_key_muscle",))
register_link(m.ReflexRoot, ("root", "reflex"), filters=("contribution",), extra_display=("contribution",))
register_link(m.NerveRootOrigin, ("nerve", "root"), filters=("root",))
register_link(m.NerveSensoryRegion, ("nerve", "region"))
register_link(m.NerveMotorAction, ("nerve", "action"))
register_link(m.ConditionNerveRoot, ("condition", "root"), filters=("root", "typicality"))
register_link(m.ConditionNerve, ("condition", "nerve"))
register_link(m.ConditionPainRegion, ("condition", "region"), filters=("typicality",))
register_link(m.ConditionRelation, ("from_condition", "to_condition"), filters=("kind",), extra_display=("kind",))
register_link(
    m.ConditionSymptom,
    ("condition", "symptom"),
    filters=("provenance",),
    extra_display=("sensitivity", "specificity", "provenance"),
)
register_link(
    m.ConditionTest,
    ("condition", "test"),
    filters=("provenance",),
    extra_display=("sensitivity", "specificity", "provenance"),
)
register_link(
    m.ConditionModifier,
    ("condition",),
    filters=("kind", "provenance"),
    extra_display=("code", "kind", "minimum", "maximum", "sex", "likelihood_ratio", "provenance"),
)
register_link(
    m.ConditionTreatment,
    ("condition", "treatment"),
    filters=("recommendation",),
    extra_display=("recommendation",),
)
register_link(
    m.ConditionExercise,
    ("condition", "exercise"),
    filters=("suitability",),
    extra_display=("suitability",),
)


@admin.register(m.TriggerCriterion)
class TriggerCriterionAdmin(ReviewedAdmin):
    """Trigger criteria, also edited inline on their trigger."""

    list_display = ("trigger", "position", "group", "kind", "symptom", "region", "action", "reflex", "number")
    list_filter = ("kind",)
    search_fields = ("trigger__code", "trigger__red_flag__code", "symptom__code")
    autocomplete_fields = ("trigger", "symptom", "test", "region", "action", "reflex")
