"""The assessment contract: a strict request serializer and the documented result shape."""

from rest_framework import serializers

from assessments.engine.codes import PREGNANCY, PREGNANCY_20_WEEKS
from assessments.engine.types import REFLEX_STATUSES, SENSORY_KINDS, SIDES, TEST_RESULTS
from conditions.vocabulary import ConditionRole, TriageLevel
from refpain.http.fields import StrictBooleanField, StrictIntegerField, StrictSerializer

MAX_ITEMS = 50  # more findings of one kind than there are regions or actions is not a real assessment
PREGNANCY_CODES = (PREGNANCY, PREGNANCY_20_WEEKS)


def listed_at(kind: str) -> str:
    # Curated codes change without a release, so the schema points to their list, not an enum.
    return f"GET /api/v1/{kind.replace('_', '-')}/"


class KnownCodeField(serializers.CharField):
    """A code that must exist in the published knowledge the request is checked against."""

    def __init__(self, *, kind: str, label_for_errors: str, **kwargs):
        self.kind, self.label_for_errors = kind, label_for_errors
        kwargs.setdefault("help_text", f"A {label_for_errors} code, as listed by {listed_at(kind)}.")
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        if code not in self.context["knowledge"].codes[self.kind]:
            raise serializers.ValidationError(f"Unknown {self.label_for_errors} code: {code}.", code="unknown_code")
        return code


class RegionOnSideSerializer(StrictSerializer):
    """A finding in a body region, on a side: the fields pain and sensory changes share."""

    region = KnownCodeField(kind="body_regions", label_for_errors="body region")
    side = serializers.ChoiceField(SIDES)


class PainRegionSerializer(RegionOnSideSerializer):
    """Pain in a body region, on a side."""


class SensoryChangeSerializer(RegionOnSideSerializer):
    """Numbness or tingling in a body region, on a side."""

    kind = serializers.ChoiceField(SENSORY_KINDS)


class WeaknessSerializer(StrictSerializer):
    """A muscle action found weak, on a side."""

    action = KnownCodeField(kind="muscle_actions", label_for_errors="muscle action")
    side = serializers.ChoiceField(SIDES)


class ReflexSerializer(StrictSerializer):
    """A reflex examined, on a side, and what was found."""

    reflex = KnownCodeField(kind="reflexes", label_for_errors="reflex")
    side = serializers.ChoiceField(SIDES)
    status = serializers.ChoiceField(REFLEX_STATUSES)


class CodeMapField(serializers.DictField):
    """A map from knowledge codes to answers; every key must be a known code."""

    def __init__(self, *, kind: str, label_for_errors: str, **kwargs):
        self.kind, self.label_for_errors = kind, label_for_errors
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        known = self.context["knowledge"].codes[self.kind]
        unknown = {
            str(code): [serializers.ErrorDetail(f"Unknown {self.label_for_errors} code: {code}.", code="unknown_code")]
            for code in (sorted(data, key=str) if isinstance(data, dict) else [])
            if code not in known
        }
        try:
            answers = super().to_internal_value(data)
        except serializers.ValidationError as error:
            detail = error.detail if isinstance(error.detail, dict) else {"non_field_errors": error.detail}
            raise serializers.ValidationError({**detail, **unknown}) from error
        if unknown:
            raise serializers.ValidationError(unknown)
        return answers


class AssessmentRequestSerializer(StrictSerializer):
    """What a person reports and an examiner finds. A symptom or test left out is unknown."""

    age = StrictIntegerField(min_value=16, max_value=120)
    sex = serializers.ChoiceField(["female", "male", "other"], required=False, allow_null=True)
    duration_days = StrictIntegerField(min_value=0, max_value=36500, required=False, allow_null=True)
    # DRF hands max_length on to the ListSerializer that many=True makes; the stubs' __init__ does not list it.
    pain_regions = PainRegionSerializer(many=True, required=False, max_length=MAX_ITEMS)  # type: ignore[call-arg]
    sensory_changes = SensoryChangeSerializer(many=True, required=False, max_length=MAX_ITEMS)  # type: ignore[call-arg]
    weakness = WeaknessSerializer(many=True, required=False, max_length=MAX_ITEMS)  # type: ignore[call-arg]
    reflexes = ReflexSerializer(many=True, required=False, max_length=MAX_ITEMS)  # type: ignore[call-arg]
    symptoms = CodeMapField(
        child=StrictBooleanField(),
        kind="symptoms",
        label_for_errors="symptom",
        required=False,
        help_text=f"Symptom code (as listed by {listed_at('symptoms')}) to true (present) or false (absent).",
    )
    tests = CodeMapField(
        child=serializers.ChoiceField(TEST_RESULTS),
        kind="clinical_tests",
        label_for_errors="clinical test",
        required=False,
        help_text=f"Clinical test code (as listed by {listed_at('clinical_tests')}) to 'positive' or 'negative'.",
    )

    country = serializers.RegexField(
        r"^[A-Za-z]{2}$",
        required=False,
        help_text="Where the person is, as an ISO 3166 alpha-2 code (TR, GB, DE): the advice and the disclaimer "
        "name its emergency number and usual route to urgent care. Default: the service's DEFAULT_COUNTRY. A "
        "country refpain has no number for is told to call its local emergency number.",
        error_messages={"invalid": "Give a two-letter ISO 3166 country code, for example GB or TR."},
    )

    FINDINGS = ("pain_regions", "sensory_changes", "weakness", "reflexes", "symptoms", "tests")

    def validate_country(self, value: str) -> str:
        return value.upper()

    def validate(self, attrs):
        pregnancy = [code for code in PREGNANCY_CODES if attrs.get("symptoms", {}).get(code) is True]
        if pregnancy and attrs.get("sex") == "male":
            raise serializers.ValidationError(
                {"symptoms": {code: [serializers.ErrorDetail(
                    "Pregnancy cannot be reported with sex 'male' (it can with 'female', 'other' or no sex).",
                    code="invalid_for_sex",
                )] for code in pregnancy}}
            )  # fmt: skip
        if not any(attrs.get(name) for name in self.FINDINGS):
            raise serializers.ValidationError(
                "An assessment needs at least one finding: a pain region, sensory change, weakness, reflex, "
                "symptom or test.",
                code="empty_assessment",
            )
        return attrs


# --- the result, documented for the OpenAPI schema --------------------------------------------------


class RedFlagHitSerializer(serializers.Serializer):
    """A red flag that fired."""

    code = serializers.CharField()
    name = serializers.CharField()
    urgency = serializers.ChoiceField(TriageLevel.choices())
    trigger = serializers.CharField(help_text="The most urgent of its triggers that fired: the action is its.")
    action = serializers.CharField(help_text="What to do, in the words of the trigger that fired (its urgency's).")
    triggered_by = serializers.ListField(child=serializers.CharField())


MESSAGE_HELP = (
    "A stable key naming the sentence's template; with params (codes and numbers) an app can write the sentence "
    "itself, in its own words or language."
)


class MessageSerializer(serializers.Serializer):
    """A sentence of the answer: its text, and the message key and params it was written from."""

    text = serializers.CharField()
    message = serializers.CharField(help_text=MESSAGE_HELP)
    params = serializers.DictField(help_text="The sentence's parameters: codes and numbers, never prose.")


class TriageSerializer(serializers.Serializer):
    """How soon to seek care, and why."""

    level = serializers.ChoiceField(TriageLevel.choices())
    advice = MessageSerializer(help_text="What to do, at this level.")
    reasons = MessageSerializer(many=True, help_text="Every rule that set this level.")
    red_flags = RedFlagHitSerializer(many=True)


class EvidenceSerializer(serializers.Serializer):
    """A finding that moved a condition; weight is the natural log of its likelihood ratio."""

    item = serializers.CharField(help_text="What moved it: symptoms.<code>, tests.<code>, pain_regions, age, …")
    name = serializers.CharField(help_text="The item's display name.")
    value = serializers.JSONField()
    effect = serializers.ChoiceField(["supports", "against"])
    weight = serializers.FloatField()
    text = serializers.CharField(help_text="The evidence in a plain-English sentence, for a lay reader.")
    message = serializers.CharField(help_text=MESSAGE_HELP)
    params = serializers.DictField()
    provenance = serializers.ChoiceField(
        ["study", "curator_estimate", "engine_rule"],
        help_text="Where the weight comes from: a cited study's figure, a curator's estimate, or the engine's own "
        "rule for how well the pain map or a deficit fits (see the condition's evidence in the knowledge API).",
    )


class ConditionResultSerializer(serializers.Serializer):
    """A likely cause with its probability and evidence."""

    code = serializers.CharField()
    name = serializers.CharField()
    role = serializers.ChoiceField(
        ConditionRole.choices(),
        help_text="A cause excludes the other causes; a syndrome (sciatica, radiculopathy) is explained by them.",
    )
    probability = serializers.FloatField(
        allow_null=True,
        help_text="For a cause: the probability that it is the cause; the causes' probabilities sum to at most 1 "
        "(other_causes holds the rest). For a syndrome: the summed probability of the listed and unlisted causes "
        "that explain it. null for a condition to rule out.",
    )
    rule_out = serializers.BooleanField(
        help_text="A dangerous cause (care level urgent or emergency) a fired red flag points to: it must be ruled "
        "out, whatever its likelihood. Listed first (after a cause at least 50% likely when the flag fired only "
        "at a routine level), with no number."
    )
    flagged_by = serializers.ListField(
        child=serializers.CharField(),
        help_text="The fired red flags that point to it. A cause that is not dangerous keeps its number.",
    )
    explained_by = serializers.ListField(
        child=serializers.CharField(), help_text="For a syndrome: the listed causes that explain it."
    )
    evidence = EvidenceSerializer(many=True)


class LocationResultSerializer(serializers.Serializer):
    """A nerve root or nerve the findings point to."""

    code = serializers.CharField()
    name = serializers.CharField()
    score = serializers.FloatField()
    sides = serializers.ListField(child=serializers.CharField())
    evidence = serializers.ListField(child=serializers.CharField())
    basis = serializers.ChoiceField(
        ["examined", "reported"],
        help_text="examined: numbness, weakness or reflexes found; reported: only a symptom a person told of (a "
        "foot drop), at lower confidence.",
    )


class TreatmentAdviceSerializer(serializers.Serializer):
    """A treatment for a likely cause, with its status and the reason."""

    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    recommendation = serializers.ChoiceField(["recommended", "consider"])
    condition = serializers.CharField(help_text="The cause it is for.")
    condition_name = serializers.CharField()
    reason = serializers.CharField(help_text="Why: the guideline or evidence behind it for that cause.")
    invasive = serializers.BooleanField(help_text="An injection or an operation.")
    discuss_with_specialist = serializers.BooleanField(help_text="Only as an option to discuss with a specialist.")
    message = serializers.CharField(
        help_text="knowledge.condition_treatment when the reason is the curated one of this condition and treatment; "
        "a safety note's key (safety.…) when a rule reworded it for this person."
    )
    params = serializers.DictField()


class ExerciseAdviceSerializer(serializers.Serializer):
    """An exercise to do, or to avoid, for a likely cause, and why."""

    code = serializers.CharField()
    name = serializers.CharField()
    condition = serializers.CharField(help_text="The cause it is for (or to be avoided with).")
    condition_name = serializers.CharField()
    reason = serializers.CharField()


class RecommendationsSerializer(serializers.Serializer):
    """Treatments and exercises for the likely causes, and exercises to avoid, each with its reason."""

    treatments = TreatmentAdviceSerializer(many=True)
    exercises = ExerciseAdviceSerializer(many=True)
    exercises_to_avoid = ExerciseAdviceSerializer(many=True)


class StoredStampSerializer(serializers.Serializer):
    """What identifies a stored assessment and the engine and knowledge that made it."""

    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    engine_version = serializers.CharField()
    knowledge_version = serializers.CharField()


class AssessmentResultSerializer(StoredStampSerializer):
    """A stored assessment's result."""

    triage = TriageSerializer()
    conditions = ConditionResultSerializer(many=True)
    other_causes = serializers.FloatField(
        help_text="The probability that the cause is none of the causes listed with a number: a cause to rule "
        "out, a less likely one not listed, or one outside refpain's knowledge."
    )
    nerve_roots = LocationResultSerializer(many=True)
    nerves = LocationResultSerializer(many=True)
    recommendations = RecommendationsSerializer()
    disclaimer = serializers.CharField()
    language = serializers.CharField(help_text="The language the answer's texts are written in (en, tr).")


class AssessmentSummarySerializer(serializers.Serializer):
    """A stored assessment in a list: when, and the triage level."""

    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    triage_level = serializers.CharField(source="result.triage.level")
    knowledge_version = serializers.CharField()


def assessment_representation(assessment) -> dict:
    return {"id": str(assessment.id), "created_at": assessment.created_at, **assessment.result}
