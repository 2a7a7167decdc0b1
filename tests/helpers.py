"""Small helpers the test modules share (test modules never import each other)."""

from conditions import models as m

# The vocabulary's sections (tests/data/vocabulary.json) and the models that hold their codes.
VOCABULARY_MODELS = {
    "nerve_roots": m.NerveRoot,
    "body_regions": m.BodyRegion,
    "muscle_actions": m.MuscleAction,
    "reflexes": m.Reflex,
    "nerves": m.Nerve,
    "symptoms": m.Symptom,
    "clinical_tests": m.ClinicalTest,
    "conditions": m.Condition,
    "red_flags": m.RedFlag,
    "treatments": m.Treatment,
    "exercises": m.Exercise,
}


def codes(items: list[dict]) -> set[str]:
    """The codes of a list of API records."""
    return {item["code"] for item in items}
