"""Requests shared by the assessment tests."""

# The request of the README's assessment example: an L5 picture on the left.
SPEC_EXAMPLE = {
    "age": 41,
    "sex": "male",
    "duration_days": 10,
    "pain_regions": [{"region": "thigh-lateral", "side": "left"}],
    "sensory_changes": [{"region": "foot-dorsum", "side": "left", "kind": "numbness"}],
    "weakness": [{"action": "great-toe-extension", "side": "left"}],
    "reflexes": [{"reflex": "achilles", "side": "left", "status": "reduced"}],
    "symptoms": {"pain-worse-cough-sneeze": True, "bladder-dysfunction": False},
    "tests": {"straight-leg-raise": "positive", "femoral-nerve-stretch": "negative"},
}
