"""Admin pages of the knowledge: every entity and link, with search, filters, inlines and autocomplete."""

from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from conditions import models as m
from curation.admin.forms import CompactInlineForm, ConditionForm
from curation.admin.review import ReviewedAdmin, ReviewStatusFilter


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


class ConditionInline:
    """An inline of the condition page: compact, with its longer texts wrapping in small textareas."""

    extra = 0
    classes = ("compact-records",)
    wrapping: tuple[str, ...] = ()

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
    """Records of many fields, each in a few rows with help as tooltips, so the page fits the screen."""

    form = CompactInlineForm
    wrapping = ("rationale", "note")


def evidence_fieldsets(finding: str) -> list:
    """An evidence record in three rows: the finding and its figures, where they come from, and why."""
    return [
        (
            None,
            {
                "fields": (
                    (finding, "sensitivity", "specificity", "lr_positive", "lr_negative"),
                    ("provenance", "source", "sample_size", "confidence_interval"),
                    ("rationale", "note"),
                )
            },
        )
    ]


class ConditionSymptomInline(StackedConditionInline):
    """Symptoms as evidence for a condition, with their accuracy."""

    model = m.ConditionSymptom
    autocomplete_fields = ("symptom", "source")
    fieldsets = evidence_fieldsets("symptom")
    verbose_name = "symptom evidence"
    verbose_name_plural = "symptom evidence"


class ConditionTestInline(StackedConditionInline):
    """Examination tests as evidence for a condition, with their accuracy."""

    model = m.ConditionTest
    autocomplete_fields = ("test", "source")
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
                    ("rationale", "note"),
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
        (None, {"fields": (("treatment", "recommendation", "source"), ("evidence_note", "needs_neurological_deficit"))})
    ]
    wrapping = ("evidence_note",)
    verbose_name = "treatment"


class ConditionExerciseInline(ConditionInline, admin.TabularInline):
    """Exercises that suit a condition or should be avoided."""

    model = m.ConditionExercise
    autocomplete_fields = ("exercise",)
    wrapping = ("reason",)
    verbose_name = "exercise"


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


@dataclass(frozen=True)
class Section:
    """A titled part of the condition page: a group of the condition's own fields, or of its inlines."""

    slug: str
    title: str
    fields: tuple = ()
    inlines: tuple = ()
    description: str = ""


@admin.register(m.Condition)
class ConditionAdmin(CodedAdmin):
    """Conditions, in sections a clinician reads in order: what it is, how common, where, findings, flags, care."""

    list_display = ("code", "name", "category", "prior", "prior_provenance")
    list_filter = ("category", "nerve_roots", ReviewStatusFilter, "prior_provenance", "care_level")
    search_fields = ("code", "name", "summary", "synonyms", "icd10_codes")
    autocomplete_fields = ("sources", "prior_source")
    form = ConditionForm
    readonly_fields = ("red_flags_pointing_here",)
    change_form_template = "admin/conditions/condition/change_form.html"
    sections = (
        Section(
            "summary",
            "Summary and coding",
            fields=(
                "code",
                "name",
                "summary",
                "note",
                ("category", "role"),
                ("icd10_codes", "synonyms"),
                ("care_level", "upper_motor_neurone"),
            ),
        ),
        Section(
            "prior",
            "How common (prior)",
            fields=("prior", ("prior_provenance", "prior_source"), "prior_rationale"),
        ),
        Section(
            "where-it-hurts",
            "Where it hurts",
            inlines=(ConditionNerveRootInline, ConditionNerveInline, ConditionPainRegionInline),
        ),
        Section(
            "findings",
            "Findings and their accuracy",
            inlines=(ConditionSymptomInline, ConditionTestInline, ConditionModifierInline),
        ),
        Section(
            "red-flags",
            "Red flags",
            fields=("red_flags_pointing_here",),
            description="The red flags that point to this condition. Each is edited on its own page, where it "
            "names the condition it points to.",
        ),
        Section("care", "Care", inlines=(ConditionTreatmentInline, ConditionExerciseInline)),
        Section("related", "Related conditions", inlines=(ConditionRelationInline,)),
        Section("sources", "Sources", fields=("sources",)),
    )
    inlines = tuple(inline for section in sections for inline in section.inlines)

    def get_fieldsets(self, request, obj=None):
        return [(section.title, {"fields": section.fields}) for section in self.sections if section.fields]

    @admin.display(description="Red flags")
    def red_flags_pointing_here(self, obj):
        flags = obj.red_flags.order_by("name") if obj is not None and obj.pk else []
        if not flags:
            return "None: no red flag points to this condition."
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a> ({})</li>',
            (
                (reverse("admin:conditions_redflag_change", args=[flag.pk]), flag.name, flag.get_urgency_display())
                for flag in flags
            ),
        )
        return format_html('<ul class="red-flag-list">{}</ul>', items)

    def render_change_form(self, request, context, *args, **kwargs):
        context["sections"] = self.rendered_sections(context["adminform"], context["inline_admin_formsets"])
        return super().render_change_form(request, context, *args, **kwargs)

    def rendered_sections(self, adminform, inline_admin_formsets) -> list[dict]:
        """Each section with its fields and inline formsets; the first, and any with an error, open."""
        form = adminform.form
        formsets = {type(formset.opts): formset for formset in inline_admin_formsets}
        sections = []
        for index, section in enumerate(self.sections):
            fieldset = None
            if section.fields:
                fieldset = helpers.Fieldset(
                    form,
                    fields=section.fields,
                    description=section.description,
                    readonly_fields=adminform.readonly_fields,
                    model_admin=self,
                )
            inlines = [formsets[inline] for inline in section.inlines if inline in formsets]
            has_errors = any(name in form.errors for name in flatten(section.fields)) or any(
                inline.formset.total_error_count() for inline in inlines
            )
            sections.append(
                {"section": section, "fieldset": fieldset, "inlines": inlines, "open": index == 0 or has_errors}
            )
        return sections


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
