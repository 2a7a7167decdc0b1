"""The knowledge store's vocabularies, shared by the models, the API and the assessment engine.

Plain `StrEnum`s with no Django import, so the pure engine can use them too. Each member is its code and
carries a display label; `choices()` gives Django and DRF the (code, label) pairs they expect. Model
defaults and checks take a member's `.value`, so that migrations hold the plain code, not the member.
"""

from enum import StrEnum
from typing import Self


class Vocabulary(StrEnum):
    """A closed list of codes, each with a display label."""

    _value_: str
    label: str

    # The label's default is for the type checker only: it reads a lookup, `TriageLevel("urgent")`, as a call of
    # this constructor, which Python runs only to make the members, each with its label.
    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(code, label) pairs, as a model field's or a serializer field's `choices` expects them."""
        return [(member.value, member.label) for member in cls]

    @classmethod
    def values(cls) -> list[str]:
        """The codes, in order."""
        return [member.value for member in cls]


class Provenance(Vocabulary):
    """Where a figure comes from: a cited study, or a curator's estimate."""

    STUDY = "study", "From a cited study"
    CURATOR_ESTIMATE = "curator_estimate", "Curator estimate"


class Typicality(Vocabulary):
    """How consistently a region or root belongs to a pattern."""

    TYPICAL = "typical", "Typical"
    VARIABLE = "variable", "Variable (some maps or some patients)"


class Contribution(Vocabulary):
    """How much a root contributes to a muscle action or reflex."""

    PRINCIPAL = "principal", "Principal root"
    CONTRIBUTING = "contributing", "Contributing root"


class TriageLevel(Vocabulary):
    """How soon a person needs care, from most to least urgent."""

    EMERGENCY = "emergency", "Emergency: go to an emergency department now"
    URGENT = "urgent", "Urgent: see a clinician today"
    ROUTINE = "routine", "Routine: book an appointment with a GP or physiotherapist"
    SELF_CARE = "self_care", "Self-care: manage at home, seek help if not improving"

    @property
    def rank(self) -> int:
        """Urgency from 1 (self-care) to 4 (emergency), as the vocabulary ranks the levels."""
        return TRIAGE_RANKS[self]


# The members are listed most urgent first, as the admin's choices show them.
TRIAGE_RANKS = {level: rank for rank, level in enumerate(reversed(TriageLevel), start=1)}


class SourceKind(Vocabulary):
    """What sort of publication a source is."""

    SEED_ARTICLE = "seed_article", "Seed article"
    GUIDELINE = "guideline", "Clinical guideline"
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review"
    STUDY = "study", "Primary study"
    TEXTBOOK = "textbook", "Textbook or standard"


class Segment(Vocabulary):
    """The part of the spine a root leaves from."""

    THORACIC = "thoracic", "Thoracic"
    LUMBAR = "lumbar", "Lumbar"
    SACRAL = "sacral", "Sacral"


class ConditionCategory(Vocabulary):
    """The kind of cause a condition is."""

    RADICULAR = "radicular", "Radicular (nerve root)"
    REFERRED_SOMATIC = "referred_somatic", "Referred somatic (spinal or pelvic joint)"
    NERVE_ENTRAPMENT = "nerve_entrapment", "Peripheral nerve entrapment"
    JOINT = "joint", "Joint (hip or knee)"
    MUSCLE = "muscle", "Muscle or tendon"
    SERIOUS_PATHOLOGY = "serious_pathology", "Serious pathology"
    VASCULAR = "vascular", "Vascular (arteries or veins)"
    INFLAMMATORY = "inflammatory", "Inflammatory (rheumatological)"
    VISCERAL = "visceral", "Visceral (abdomen, groin wall or urinary tract)"
    NEUROPATHY = "neuropathy", "Neuropathy (nerve infection, plexus or metabolic)"


class Sex(Vocabulary):
    """The sex a modifier applies to."""

    FEMALE = "female", "Female"
    MALE = "male", "Male"


class ModifierKind(Vocabulary):
    """What a condition modifier depends on."""

    AGE = "age", "Age band (years)"
    SEX = "sex", "Sex"
    DURATION = "duration", "How long symptoms have lasted (days)"


class ConditionRole(Vocabulary):
    """Whether a condition is a cause, which excludes the other causes, or a syndrome its causes explain."""

    CAUSE = "cause", "Cause (excludes the other causes)"
    SYNDROME = "syndrome", "Syndrome (a pattern that its causes explain, such as sciatica)"


class RelationKind(Vocabulary):
    """How one condition relates to another."""

    CAUSES = "causes", "Causes"
    MAY_CAUSE = "may_cause", "May cause"
    DIFFERENTIAL_OF = "differential_of", "Differential diagnosis of"


class TreatmentKind(Vocabulary):
    """The sort of treatment."""

    SELF_CARE = "self_care", "Self-care and advice"
    EXERCISE = "exercise", "Exercise therapy"
    MANUAL = "manual", "Manual therapy"
    MEDICATION = "medication", "Medication"
    INJECTION = "injection", "Injection"
    SURGERY = "surgery", "Surgery"
    DEVICE = "device", "Device or machine"
    REFERRAL = "referral", "Referral and investigation"


class Recommendation(Vocabulary):
    """Whether a treatment is advised for a condition."""

    RECOMMENDED = "recommended", "Recommended"
    CONSIDER = "consider", "Consider"
    NOT_RECOMMENDED = "not_recommended", "Not recommended"


class ExerciseKind(Vocabulary):
    """The sort of exercise."""

    STRETCH = "stretch", "Stretch"
    STRENGTHENING = "strengthening", "Strengthening"
    AEROBIC = "aerobic", "Aerobic"
    NEURAL_MOBILISATION = "neural_mobilisation", "Neural mobilisation"


class Difficulty(Vocabulary):
    """How hard an exercise is for a person in pain."""

    EASY = "easy", "Easy"
    MODERATE = "moderate", "Moderate"
    HARD = "hard", "Hard"


class Suitability(Vocabulary):
    """Whether an exercise suits a condition."""

    SUITABLE = "suitable", "Suitable"
    AVOID = "avoid", "Avoid"


class CriterionKind(Vocabulary):
    """What a red-flag trigger criterion checks in an assessment."""

    SYMPTOM_PRESENT = "symptom_present", "Symptom reported as present"
    TEST_POSITIVE = "test_positive", "Clinical test positive"
    SENSORY_CHANGE_IN_REGION = "sensory_change_in_region", "Numbness or tingling in a region"
    WEAKNESS = "weakness", "Weakness (of a given action, or of any)"
    WEAKNESS_BILATERAL = "weakness_bilateral", "Weakness on both sides"
    LEG_SYMPTOMS_BILATERAL = "leg_symptoms_bilateral", "Leg pain or sensory change on both sides"
    REFLEX_ABNORMAL = "reflex_abnormal", "Reflex reduced or absent"
    AGE_AT_LEAST = "age_at_least", "Age at least"
    PAIN_IN_REGION = "pain_in_region", "Pain in a region"
    SENSORY_CHANGE_BILATERAL = "sensory_change_bilateral", "Numbness or tingling on both sides"
    NEUROLOGICAL_DEFICIT = "neurological_deficit", "Any numbness, tingling, weakness, or reduced or absent reflex"
    LEG_SYMPTOMS = "leg_symptoms", "Pain, numbness, tingling or weakness in a leg"
    REFLEX_BRISK = "reflex_brisk", "Reflex brisk (of a given reflex, or of any)"
    DURATION_AT_LEAST = "duration_at_least", "Symptoms lasting at least (days)"
    DURATION_AT_MOST = "duration_at_most", "Symptoms lasting at most (days)"
    SYMPTOM_NOT_PRESENT = "symptom_not_present", "Symptom not reported as present"


class BodySide(Vocabulary):
    """A side of the body, as the person has it (not as the viewer of a picture sees it)."""

    LEFT = "left", "Left"
    RIGHT = "right", "Right"
