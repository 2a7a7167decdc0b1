"""Researcher filters: by nerve root (one, a list or a range), nerve, region, finding, condition.

A filter is named after the detail field it matches, and `condition` always means "records linked to the
condition with that code": a symptom or test with evidence for it, a red flag pointing to it, a treatment with
a recommendation for it. Exercises are either suitable or to be avoided, so they say which: `suitable_for` and
`avoid_for`, as on their detail.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from conditions import models as m
from conditions.api.changed_since import ChangedSinceFilter
from conditions.kinds import KINDS

EMPTY_CHOICE = "Choose one of the listed values (or leave the parameter out)."
# What a list of codes may hold: codes (letters, digits, - and _) separated by commas, and spaces around them.
CODE_LIST = {"type": "string", "pattern": r"^[A-Za-z0-9_,\s-]*$"}


class StrictChoiceField(django_filters.fields.ChoiceField):
    """A choice where an empty value is a mistake to report, not 'no filter'."""

    def clean(self, value):
        if value == "":
            raise ValidationError(EMPTY_CHOICE, code="invalid_choice")
        return super().clean(value)


class StrictTypedChoiceField(forms.TypedChoiceField):
    """A typed choice where an empty value is a mistake to report, not 'no filter'."""

    def clean(self, value):
        if value == "":
            raise ValidationError(EMPTY_CHOICE, code="invalid_choice")
        return super().clean(value)


class StrictChoiceFilter(django_filters.ChoiceFilter):
    """One enumeration value; an empty one is a 400."""

    field_class = StrictChoiceField


class KnowledgeFilterSet(django_filters.FilterSet):
    """A filter set whose enumeration filters refuse empty values, with `changed_since` for syncing apps."""

    changed_since = ChangedSinceFilter(
        help_text="A knowledge version (as GET /api/v1/versions/ or a record's updated_version gives it): only the "
        "records changed after it, with the codes of those removed since in `removed`."
    )

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        filter_class, params = super().filter_for_lookup(field, lookup_type)
        return (StrictChoiceFilter if filter_class is django_filters.ChoiceFilter else filter_class), params


def listed_at(model) -> str:
    """Where the codes of a model's records are listed, for a filter's description."""
    route = next(kind.api for kind in KINDS if kind.model is model and kind.api)
    return f"Codes as listed at GET /api/v1/{route.path}/."


def split_codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def unknown_codes_error(label: str, codes: list[str]) -> ValidationError:
    # The codes go in as params, never into the message itself: a '%' in them must stay text.
    return ValidationError(
        "Unknown %(label)s code(s): %(codes)s.", code="unknown_code", params={"label": label, "codes": ", ".join(codes)}
    )


class CodeListField(forms.CharField):
    """One code or a comma-separated list; every code must exist, or the error names the unknown ones."""

    def __init__(self, *, model, label_for_errors, **kwargs):
        self.model = model
        self.label_for_errors = label_for_errors
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        codes = self.expand(split_codes(value))
        known = set(self.model.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise unknown_codes_error(self.label_for_errors, unknown)
        return codes

    def expand(self, codes: list[str]) -> list[str]:
        return codes


class NerveRootCodesField(CodeListField):
    """Nerve root codes: one (L4), a list (L3,L4) or a range down the spine (L3-S1)."""

    def __init__(self, **kwargs):
        super().__init__(model=m.NerveRoot, label_for_errors="nerve root", **kwargs)

    def expand(self, codes: list[str]) -> list[str]:
        if not any("-" in code for code in codes):
            return codes
        order = list(m.NerveRoot.objects.order_by("position").values_list("code", flat=True))
        expanded = []
        for code in codes:
            if "-" not in code:
                expanded.append(code)
                continue
            first, _, last = code.partition("-")
            unknown = [end for end in (first, last) if end not in order]
            if unknown:
                raise unknown_codes_error("nerve root", unknown)
            start, stop = sorted((order.index(first), order.index(last)))
            expanded += order[start : stop + 1]
        return expanded


@extend_schema_field(CODE_LIST)
class CodesFilter(django_filters.Filter):
    """Filter on a relation by one or more codes of the related records."""

    field_class = CodeListField
    codes_of: type | None = None  # the model whose codes it takes, where its field class names it

    def __init__(self, *, model=None, label_for_errors="", **kwargs):
        if model is not None:
            kwargs.update(model=model, label_for_errors=label_for_errors)
        kwargs["help_text"] = f"{kwargs.get('help_text', '')} {listed_at(model or self.codes_of)}".strip()
        super().__init__(**kwargs)

    def filter(self, qs, codes):
        if not codes:
            return qs
        return qs.filter(**{f"{self.field_name}__code__in": codes}).distinct()


class NerveRootCodesFilter(CodesFilter):
    """Filter on a relation to nerve roots by code, list or range."""

    field_class = NerveRootCodesField
    codes_of = m.NerveRoot


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.TypedChoiceFilter):
    """true or false, and nothing else: any other value is a 400."""

    field_class = StrictTypedChoiceField

    def __init__(self, **kwargs):
        super().__init__(choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs)


class ChoiceInFilter(django_filters.BaseInFilter, django_filters.ChoiceFilter):
    """One enumeration value or a comma-separated list of them."""


def codes_filter(field_name: str, model, label: str, help_text: str) -> CodesFilter:
    return CodesFilter(field_name=field_name, model=model, label_for_errors=label, help_text=help_text)


class NerveRootFilter(KnowledgeFilterSet):
    """Nerve roots by segment."""

    class Meta:
        model = m.NerveRoot
        fields = ["segment"]


class BodyRegionFilter(KnowledgeFilterSet):
    """Body regions by the roots whose dermatome covers them."""

    nerve_root = NerveRootCodesFilter(
        field_name="dermatome_roots", help_text="Root code, comma list or range (L3-S1): regions in their dermatomes."
    )
    nerve = codes_filter("nerves", m.Nerve, "nerve", "Nerve code(s): regions whose skin they supply.")

    class Meta:
        model = m.BodyRegion
        fields = ["nerve_root", "nerve"]


class MuscleActionFilter(KnowledgeFilterSet):
    """Muscle actions by the roots of their myotome."""

    nerve_root = NerveRootCodesFilter(field_name="roots", help_text="Root code, comma list or range.")

    class Meta:
        model = m.MuscleAction
        fields = ["nerve_root"]


class ReflexFilter(KnowledgeFilterSet):
    """Reflexes by the roots that carry them."""

    nerve_root = NerveRootCodesFilter(field_name="roots", help_text="Root code, comma list or range.")

    class Meta:
        model = m.Reflex
        fields = ["nerve_root"]


class NerveFilter(KnowledgeFilterSet):
    """Nerves by their roots of origin and the regions they supply."""

    nerve_root = NerveRootCodesFilter(field_name="roots", help_text="Root code, comma list or range.")
    region = codes_filter("sensory_regions", m.BodyRegion, "body region", "Region code(s) the nerve supplies.")

    class Meta:
        model = m.Nerve
        fields = ["nerve_root", "region"]


class ConditionFilter(KnowledgeFilterSet):
    """Conditions by root, nerve, region, finding, category or red flag."""

    nerve_root = NerveRootCodesFilter(
        method="filter_roots", help_text="Root code (L4), comma list (L4,L5) or range (L3-S1)."
    )
    typical_root = StrictBooleanFilter(
        method="filter_roots",
        help_text="With nerve_root: true keeps only conditions for which one of those roots is a typical level.",
    )
    nerve = codes_filter("nerves", m.Nerve, "nerve", "Nerve code(s) the condition involves.")
    region = codes_filter("pain_regions", m.BodyRegion, "body region", "Region code(s) where its pain is felt.")
    symptom = codes_filter("symptoms", m.Symptom, "symptom", "Symptom code(s) with evidence for the condition.")
    test = codes_filter("tests", m.ClinicalTest, "clinical test", "Clinical test code(s) with evidence.")
    red_flag = codes_filter("red_flags", m.RedFlag, "red flag", "Red flag code(s) that point to the condition.")
    category = ChoiceInFilter(
        choices=m.Condition.Category.choices(), lookup_expr="in", help_text="Category, or a comma list of them."
    )

    class Meta:
        model = m.Condition
        fields = ["nerve_root", "typical_root", "nerve", "region", "symptom", "test", "red_flag", "category", "role"]

    def filter_roots(self, qs, name, value):
        # Root and typicality must match the same link row, so they are applied together, once.
        codes = self.form.cleaned_data.get("nerve_root")
        if name == "typical_root" or not codes:
            return qs
        link = {"root_links__root__code__in": codes}
        if self.form.cleaned_data.get("typical_root"):
            link["root_links__typicality"] = m.Typicality.TYPICAL
        return qs.filter(**link).distinct()


def evidence_for(findings: str) -> CodesFilter:
    """The `condition` filter of a kind of finding: the records with evidence for those conditions."""
    return codes_filter(
        "conditions", m.Condition, "condition", f"Condition code(s): {findings} with evidence for them."
    )


class SymptomFilter(KnowledgeFilterSet):
    """Symptoms by the conditions they are evidence for."""

    condition = evidence_for("symptoms")

    class Meta:
        model = m.Symptom
        fields = ["condition"]


class ClinicalTestFilter(KnowledgeFilterSet):
    """Clinical tests by the conditions they are evidence for."""

    condition = evidence_for("clinical tests")

    class Meta:
        model = m.ClinicalTest
        fields = ["condition"]


class RedFlagFilter(KnowledgeFilterSet):
    """Red flags by urgency and by the condition they point to."""

    condition = codes_filter("conditions", m.Condition, "condition", "Condition code(s): red flags that point to them.")

    class Meta:
        model = m.RedFlag
        fields = ["urgency", "condition"]


class TreatmentFilter(KnowledgeFilterSet):
    """Treatments by kind, and by condition with the recommendation for that condition."""

    condition = CodesFilter(
        model=m.Condition,
        label_for_errors="condition",
        method="filter_condition",
        help_text="Condition code(s): treatments with a recommendation for them.",
    )
    recommendation = StrictChoiceFilter(
        choices=m.ConditionTreatment.Recommendation.choices(),
        method="filter_condition",
        help_text="With condition: only treatments with this recommendation for it; alone: for any condition.",
    )

    class Meta:
        model = m.Treatment
        fields = ["kind", "condition", "recommendation"]

    def filter_condition(self, qs, name, value):
        # Both parameters must match the same link row, so they are applied together, once.
        codes = self.form.cleaned_data.get("condition")
        recommendation = self.form.cleaned_data.get("recommendation")
        if name == "recommendation" and codes:
            return qs
        link = {}
        if codes:
            link["condition_links__condition__code__in"] = codes
        if recommendation:
            link["condition_links__recommendation"] = recommendation
        return qs.filter(**link).distinct() if link else qs


class ExerciseFilter(KnowledgeFilterSet):
    """Exercises by the conditions they suit or should be avoided with."""

    suitable_for = CodesFilter(
        model=m.Condition,
        label_for_errors="condition",
        method="filter_suitable",
        help_text="Condition code(s): exercises suitable for them.",
    )
    avoid_for = CodesFilter(
        model=m.Condition,
        label_for_errors="condition",
        method="filter_avoid",
        help_text="Condition code(s): exercises to avoid with them.",
    )
    # Kept for apps written against the first v1 shape. Here it has always meant "suitable for": widening it
    # to every linked condition would hand an old app the exercises to avoid.
    condition = CodesFilter(
        model=m.Condition,
        label_for_errors="condition",
        method="filter_suitable",
        help_text="Deprecated: the same as suitable_for.",
    )

    class Meta:
        model = m.Exercise
        fields = ["kind", "difficulty", "suitable_for", "avoid_for", "condition"]

    def filter_suitable(self, qs, name, codes):
        return self.with_suitability(qs, codes, m.ConditionExercise.Suitability.SUITABLE)

    def filter_avoid(self, qs, name, codes):
        return self.with_suitability(qs, codes, m.ConditionExercise.Suitability.AVOID)

    @staticmethod
    def with_suitability(qs, codes, suitability):
        if not codes:
            return qs
        return qs.filter(
            condition_links__condition__code__in=codes, condition_links__suitability=suitability
        ).distinct()


class StrictIntegerParameterField(forms.IntegerField):
    """A whole-number query parameter; an empty value is a mistake to report, not 'no filter'."""

    def clean(self, value):
        if value == "":
            raise ValidationError("Give a whole number (or leave the parameter out).", code="invalid")
        return super().clean(value)


class IntegerFilter(django_filters.NumberFilter):
    """A whole-number filter: 0.5 or an empty value is a 400, not a match for nothing."""

    field_class = StrictIntegerParameterField


class SourceFilter(KnowledgeFilterSet):
    """Sources by kind and year."""

    year = IntegerFilter(help_text="Year of publication, e.g. 2019.")

    class Meta:
        model = m.Source
        fields = ["kind", "year"]
