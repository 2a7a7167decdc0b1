"""Admin pages of the links between records, for researchers who browse or search them directly."""

from django.contrib import admin

from conditions import models as m
from curation.admin.inlines import DerivedRatios
from curation.admin.review import ReviewedAdmin


class LinkAdmin(ReviewedAdmin):
    """A link model listed on its own, with autocomplete for its ends and search by their codes and names."""

    list_per_page = 50
    ends: tuple[str, ...] = ()
    details: tuple[str, ...] = ()  # the link's own columns, listed after its ends

    def get_list_display(self, request):
        return (*self.ends, *self.details)

    def get_autocomplete_fields(self, request):
        return self.ends

    def get_search_fields(self, request):
        return tuple(f"{end}__{field}" for end in self.ends for field in ("code", "name"))


# Django's admin merges the two Media definitions (the script of one, the style sheet of the other).
class EvidenceLinkAdmin(DerivedRatios, LinkAdmin):  # type: ignore[misc]
    """A finding as evidence for a condition, listed with its accuracy; LR+ and LR- derived beside its figures."""

    details = ("sensitivity", "specificity", "provenance")
    list_filter = ("provenance",)
    readonly_fields = ("derived_ratios",)

    def get_fields(self, request, obj=None):
        fields = [name for name in super().get_fields(request, obj) if name != "derived_ratios"]
        after = fields.index("specificity") + 1
        return [*fields[:after], "derived_ratios", *fields[after:]]


@admin.register(m.Dermatome)
class DermatomeAdmin(LinkAdmin):
    """Dermatomes: the skin regions each root supplies."""

    ends = ("root", "region")
    details = ("typicality",)
    list_filter = ("typicality", "root")


@admin.register(m.RegionShape)
class RegionShapeAdmin(LinkAdmin):
    """Region shapes: where each body region is drawn on each view of the body map, on each side."""

    ends = ("region", "view")
    details = ("side",)
    list_filter = ("view", "side")


@admin.register(m.Myotome)
class MyotomeAdmin(LinkAdmin):
    """Myotomes: the muscle actions each root drives."""

    ends = ("root", "action")
    details = ("is_key_muscle",)
    list_filter = ("is_key_muscle", "root")


@admin.register(m.ReflexRoot)
class ReflexRootAdmin(LinkAdmin):
    """Reflex roots: the roots each reflex tests."""

    ends = ("root", "reflex")
    details = ("contribution",)
    list_filter = ("contribution",)


@admin.register(m.NerveRootOrigin)
class NerveRootOriginAdmin(LinkAdmin):
    """Nerve root origins: the roots each nerve arises from."""

    ends = ("nerve", "root")
    list_filter = ("root",)


@admin.register(m.NerveSensoryRegion)
class NerveSensoryRegionAdmin(LinkAdmin):
    """Nerve sensory regions: the skin each nerve supplies."""

    ends = ("nerve", "region")


@admin.register(m.NerveMotorAction)
class NerveMotorActionAdmin(LinkAdmin):
    """Nerve motor actions: the muscle actions each nerve drives."""

    ends = ("nerve", "action")


@admin.register(m.ConditionNerveRoot)
class ConditionNerveRootAdmin(LinkAdmin):
    """Condition nerve roots: the roots each condition involves."""

    ends = ("condition", "root")
    list_filter = ("root", "typicality")


@admin.register(m.ConditionNerve)
class ConditionNerveAdmin(LinkAdmin):
    """Condition nerves: the nerves each condition involves."""

    ends = ("condition", "nerve")


@admin.register(m.ConditionPainRegion)
class ConditionPainRegionAdmin(LinkAdmin):
    """Condition pain regions: where each condition's pain is felt."""

    ends = ("condition", "region")
    list_filter = ("typicality",)


@admin.register(m.ConditionRelation)
class ConditionRelationAdmin(LinkAdmin):
    """Condition relations: how conditions relate to each other."""

    ends = ("from_condition", "to_condition")
    details = ("kind",)
    list_filter = ("kind",)


@admin.register(m.ConditionSymptom)
class ConditionSymptomAdmin(EvidenceLinkAdmin):
    """Condition symptoms: symptoms as evidence for each condition, with their accuracy."""

    ends = ("condition", "symptom")


@admin.register(m.ConditionTest)
class ConditionTestAdmin(EvidenceLinkAdmin):
    """Condition tests: examination tests as evidence for each condition, with their accuracy."""

    ends = ("condition", "test")


@admin.register(m.ConditionModifier)
class ConditionModifierAdmin(LinkAdmin):
    """Condition modifiers: how age band, sex or duration change each condition's odds."""

    ends = ("condition",)
    details = ("code", "kind", "minimum", "maximum", "sex", "likelihood_ratio", "provenance")
    list_filter = ("kind", "provenance")


@admin.register(m.ConditionTreatment)
class ConditionTreatmentAdmin(LinkAdmin):
    """Condition treatments: the treatments for each condition and whether they are recommended."""

    ends = ("condition", "treatment")
    details = ("recommendation",)
    list_filter = ("recommendation",)


@admin.register(m.ConditionExercise)
class ConditionExerciseAdmin(LinkAdmin):
    """Condition exercises: the exercises that suit each condition, or are to be avoided."""

    ends = ("condition", "exercise")
    details = ("suitability",)
    list_filter = ("suitability",)


@admin.register(m.RedFlagCondition)
class RedFlagConditionAdmin(LinkAdmin):
    """Red flag conditions: the causes each red flag points to."""

    ends = ("red_flag", "condition")


@admin.register(m.TriggerCriterion)
class TriggerCriterionAdmin(ReviewedAdmin):
    """Trigger criteria, also edited inline on their trigger."""

    list_display = ("trigger", "position", "group", "kind", "symptom", "region", "action", "reflex", "number")
    list_filter = ("kind",)
    search_fields = ("trigger__code", "trigger__red_flag__code", "symptom__code")
    autocomplete_fields = ("trigger", "symptom", "test", "region", "action", "reflex")
