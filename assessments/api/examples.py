"""The example assessment the API's schema shows, as the README and docs/apps.md post it (tests send it)."""

# An L5 picture on the left: pain in the outer thigh, numbness on the top of the foot, a weak great
# toe, a reduced ankle reflex and a positive straight leg raise.
EXAMPLE_ASSESSMENT = {
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

# Where an interview starts: a lay person's age, sex, how long it has hurt and where, and nothing asked yet.
INTERVIEW_START = {
    "age": 68,
    "sex": "female",
    "duration_days": 3,
    "pain_regions": [{"region": "groin", "side": "right"}],
}
