"""Admin pages of the knowledge's entities, with search, filters, inlines and autocomplete (links: links.py)."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from conditions import models as m
from curation.admin.forms import ConditionForm
from curation.admin.inlines import (
    ConditionExerciseInline,
    ConditionModifierInline,
    ConditionNerveInline,
    ConditionNerveRootInline,
    ConditionPainRegionInline,
    ConditionRelationInline,
    ConditionSymptomInline,
    ConditionTestInline,
    ConditionTreatmentInline,
    DermatomeInline,
    MyotomeInline,
    NerveMotorActionInline,
    NerveRootOriginInline,
    NerveSensoryRegionInline,
    RedFlagConditionInline,
    ReflexRootInline,
    RegionShapeInline,
    TriggerCriterionInline,
)
from curation.admin.review import ReviewedAdmin, ReviewStatusFilter


class CodedAdmin(ReviewedAdmin):
    """Shared list, search and autocomplete set-up for coded entities."""

    list_display: tuple[Any, ...] = ("code", "name")
    list_filter: tuple[Any, ...] = (ReviewStatusFilter,)
    search_fields: tuple[str, ...] = ("code", "name", "summary")
    autocomplete_fields: tuple[str, ...] = ("sources",)

    def get_readonly_fields(self, request, obj=None):
        # Codes are the API's contract with the apps: set once, never renamed.
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "code") if obj is not None else readonly

    def get_fieldsets(self, request, obj=None):
        fields = side_by_side([f for f in self.get_fields(request, obj) if f != "sources"])
        fieldsets = [(None, {"fields": fields})]
        if hasattr(self.model, "sources"):
            fieldsets.append(("Sources", {"fields": ["sources"], "classes": ["collapse"]}))
        return fieldsets


def side_by_side(fields: list) -> list:
    """Each English text beside its translations on one row (name | name [tr]), the rest as they come."""
    translations = {f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES if code != "en"}
    rows: list = []
    for field in fields:
        if field in translations:
            continue
        beside = [f"{field}_{code}" for code, _name in settings.LANGUAGES if f"{field}_{code}" in fields]
        rows.append((field, *beside) if beside else field)
    return rows


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
    """Body-map regions, with where each is drawn on the map inline."""

    list_display = ("code", "name", "position")
    list_editable = ("position",)
    inlines = (RegionShapeInline,)


@admin.register(m.BodyMapView)
class BodyMapViewAdmin(CodedAdmin):
    """The body map's views (front and back), with the outline of the lower body on each."""

    list_display = ("code", "name", "position", "width", "height")
    autocomplete_fields = ()


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
    autocomplete_fields = ("sources", "key_point_view")
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
    autocomplete_fields = ("sources", "prior_source", "escalate_at_source")
    form = ConditionForm
    readonly_fields = ("red_flags_pointing_here",)
    change_form_template = "admin/conditions/condition/change_form.html"
    sections = (
        Section(
            "summary",
            "Summary and coding",
            fields=(
                "code",
                ("name", "name_tr"),
                "summary",
                "summary_tr",
                "translation_status",
                "note",
                "curation_note",
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
            "thresholds",
            "When the engine acts on it",
            fields=(
                ("escalate_at", "escalate_at_provenance", "escalate_at_source"),
                "escalate_at_rationale",
                ("leads_at", "guides_care_at", "invasive_care_at"),
                "confined_to_pain_map",
            ),
            description="Probabilities at which the engine raises the triage for this cause, lets it set the "
            "triage as the leading cause, offers its care, and mentions injections or operations for it. "
            "Blank: the engine's defaults.",
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
    """Red flags and the causes each points to (its triggers, each with its action, are edited on their pages)."""

    list_display = ("code", "name", "urgency")
    list_filter = ("urgency", ReviewStatusFilter)
    readonly_fields = ("triggers",)
    inlines = (RedFlagConditionInline,)

    @admin.display(description="Triggers")
    def triggers(self, obj):
        """The flag's triggers, each a link to its own page (where its criteria are edited), and a link to add one."""
        if obj is None or obj.pk is None:
            return "Save the red flag first; then add its triggers."
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            (
                (reverse("admin:conditions_redflagtrigger_change", args=[trigger.pk]), trigger.description)
                for trigger in obj.triggers.order_by("code")
            ),
        )
        add = f"{reverse('admin:conditions_redflagtrigger_add')}?red_flag={obj.pk}"
        return format_html(
            '<ul class="red-flag-list">{}</ul><a href="{}" class="addlink">Add a trigger</a>', items, add
        )


@admin.register(m.RedFlagTrigger)
class RedFlagTriggerAdmin(ReviewedAdmin):
    """Red-flag triggers, with their criteria inline."""

    list_display = ("red_flag", "code", "description", "urgency", "group_minimum")
    fields = ("red_flag", "code", "description", "urgency", "action", "group_minimum", "curation_note")
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
