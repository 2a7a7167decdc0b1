"""Written blind from the clinical reference and vocabulary only, before the engine ran them."""

# ruff: noqa: E501 (the reviewer's case names are kept as written)

# Helpers that only build plain request dicts (SPEC "Assessments" format).


def _pain(*pairs):
    return [{"region": r, "side": s} for r, s in pairs]


def _sens(*triples):
    return [{"region": r, "side": s, "kind": k} for r, s, k in triples]


def _weak(*pairs):
    return [{"action": a, "side": s} for a, s in pairs]


def _refl(*triples):
    return [{"reflex": r, "side": s, "status": st} for r, s, st in triples]


RADICULAR = ["lumbar-disc-herniation", "lumbar-radiculopathy", "sciatica"]


def _others(expected, labels=RADICULAR):
    return [c for c in labels if c != expected]


HOLDOUT_V2 = [
    # ------------------------------------------------------------------
    # Radicular pictures (v1) and their look-alikes
    # ------------------------------------------------------------------
    # red flags expected: none
    {
        "name": "Textbook L5 disc: 38M, 2 weeks, buttock to outer shin and top of foot, weak big-toe extension and hip abduction, SLR positive",
        "request": {
            "age": 38,
            "sex": "male",
            "duration_days": 14,
            "pain_regions": _pain(
                ("lower-back", "left"),
                ("buttock", "left"),
                ("thigh-lateral", "left"),
                ("leg-lateral", "left"),
                ("foot-dorsum", "left"),
            ),
            "sensory_changes": _sens(("foot-dorsum", "left", "numbness"), ("big-toe", "left", "numbness")),
            "weakness": _weak(("great-toe-extension", "left"), ("hip-abduction", "left")),
            "reflexes": _refl(("achilles", "left", "normal"), ("patellar", "left", "normal")),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "leg-pain-worse-than-back-pain": True,
                "pain-sharp-shooting": True,
                "pain-worse-cough-sneeze": True,
                "onset-after-lifting-or-strain": True,
                "foot-drop": False,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
                "bowel-dysfunction": False,
                "progressive-weakness": False,
                "fever": False,
                "history-of-cancer": False,
            },
            "tests": {
                "straight-leg-raise": "positive",
                "crossed-straight-leg-raise": "negative",
                "femoral-nerve-stretch": "negative",
            },
        },
        "expected": "lumbar-disc-herniation",
        "top3_also_ok": _others("lumbar-disc-herniation"),
        "root": "L5",
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: none  (pair with the DVT case below)
    {
        "name": "S1 radiculopathy (DVT look-alike): 45M, calf and lateral foot pain, numb outer foot, reduced ankle jerk, weak plantarflexion, SLR positive, leg not swollen",
        "request": {
            "age": 45,
            "sex": "male",
            "duration_days": 10,
            "pain_regions": _pain(
                ("buttock", "right"), ("thigh-posterior", "right"), ("calf", "right"), ("foot-lateral", "right")
            ),
            "sensory_changes": _sens(("foot-lateral", "right", "numbness"), ("sole", "right", "tingling")),
            "weakness": _weak(("ankle-plantarflexion", "right")),
            "reflexes": _refl(("achilles", "right", "reduced"), ("patellar", "right", "normal")),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "leg-pain-worse-than-back-pain": True,
                "pain-worse-cough-sneeze": True,
                "one-leg-swollen": False,
                "recent-surgery-or-immobilisation": False,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
            },
            "tests": {"straight-leg-raise": "positive", "slump-test": "positive"},
        },
        "expected": "lumbar-disc-herniation",
        "top3_also_ok": _others("lumbar-disc-herniation"),
        "root": "S1",
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: suspected-dvt
    {
        "name": "DVT (S1 look-alike): 58F, 5 days after knee arthroscopy, swollen tender right calf and back of knee, no back pain, SLR negative, Wells likely",
        "request": {
            "age": 58,
            "sex": "female",
            "duration_days": 5,
            "pain_regions": _pain(("calf", "right"), ("knee-posterior", "right")),
            "symptoms": {
                "one-leg-swollen": True,
                "recent-surgery-or-immobilisation": True,
                "back-pain": False,
                "leg-pain-below-knee": True,
                "pain-dull-ache": True,
                "history-of-cancer": False,
            },
            "tests": {"wells-dvt-likely": "positive", "straight-leg-raise": "negative"},
        },
        "expected": "deep-vein-thrombosis",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: none
    {
        "name": "L3 radiculopathy (amyotrophy look-alike): 52M non-diabetic, back and anterior thigh pain, numb inner knee, weak knee extension, reduced knee jerk, femoral stretch positive",
        "request": {
            "age": 52,
            "sex": "male",
            "duration_days": 14,
            "pain_regions": _pain(("lower-back", "right"), ("thigh-anterior", "right"), ("knee-medial", "right")),
            "sensory_changes": _sens(("knee-medial", "right", "numbness"), ("thigh-anterior", "right", "tingling")),
            "weakness": _weak(("knee-extension", "right")),
            "reflexes": _refl(("patellar", "right", "reduced"), ("achilles", "right", "normal")),
            "symptoms": {
                "back-pain": True,
                "pain-worse-cough-sneeze": True,
                "pain-sharp-shooting": True,
                "diabetes": False,
                "unexplained-weight-loss": False,
                "progressive-weakness": False,
                "difficulty-climbing-stairs": True,
            },
            "tests": {
                "femoral-nerve-stretch": "positive",
                "straight-leg-raise": "negative",
                "hip-internal-rotation-painful-limited": "negative",
            },
        },
        "expected": "femoral-nerve-impingement",
        "top3_also_ok": ["lumbar-radiculopathy", "lumbar-disc-herniation"],
        "root": "L3",
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: suspected-malignancy (night pain + weight loss at 50+)
    {
        "name": "Diabetic amyotrophy (L3 look-alike): 63M type 2 diabetes, sudden severe thigh pain worse at night, weight loss, weak hip flexion/adduction/knee extension, absent knee jerk, little back pain",
        "request": {
            "age": 63,
            "sex": "male",
            "duration_days": 35,
            "pain_regions": _pain(
                ("thigh-anterior", "right"), ("thigh-medial", "right"), ("hip-lateral", "right"), ("buttock", "right")
            ),
            "weakness": _weak(("knee-extension", "right"), ("hip-flexion", "right"), ("hip-adduction", "right")),
            "reflexes": _refl(("patellar", "right", "absent"), ("achilles", "right", "normal")),
            "symptoms": {
                "diabetes": True,
                "pain-at-night": True,
                "unexplained-weight-loss": True,
                "back-pain": False,
                "pain-burning": True,
                "difficulty-climbing-stairs": True,
                "history-of-cancer": False,
                "fever": False,
            },
            "tests": {"femoral-nerve-stretch": "negative", "straight-leg-raise": "negative"},
        },
        "expected": "diabetic-amyotrophy",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: none
    {
        "name": "L1 radiculopathy (renal colic / hernia look-alike): 45M, back pain with groin and upper front-thigh pain worse on coughing, numb groin, no colic, no blood in urine, no lump",
        "request": {
            "age": 45,
            "sex": "male",
            "duration_days": 21,
            "pain_regions": _pain(("lower-back", "right"), ("groin", "right"), ("thigh-anterior", "right")),
            "sensory_changes": _sens(("groin", "right", "numbness")),
            "symptoms": {
                "back-pain": True,
                "pain-worse-cough-sneeze": True,
                "pain-sharp-shooting": True,
                "colicky-loin-to-groin-pain": False,
                "blood-in-urine": False,
                "groin-lump-on-coughing-or-standing": False,
                "band-like-rash": False,
                "sudden-severe-abdominal-or-back-pain": False,
            },
            "tests": {"groin-cough-impulse": "negative", "hip-internal-rotation-painful-limited": "negative"},
        },
        "expected": "lumbar-radiculopathy",
        "top3_also_ok": ["lumbar-disc-herniation", "femoral-nerve-impingement"],
        "root": "L1",
        "triage": "routine",
        "min_triage": "self_care",
    },
    # red flags expected: progressive-neurological-deficit
    {
        "name": "L4 disc with progressing weakness: 47M, inner shin numbness, weak ankle dorsiflexion getting worse, reduced knee jerk",
        "request": {
            "age": 47,
            "sex": "male",
            "duration_days": 12,
            "pain_regions": _pain(
                ("lower-back", "left"), ("thigh-anterior", "left"), ("knee-anterior", "left"), ("leg-medial", "left")
            ),
            "sensory_changes": _sens(("leg-medial", "left", "numbness")),
            "weakness": _weak(("ankle-dorsiflexion", "left")),
            "reflexes": _refl(("patellar", "left", "reduced"), ("achilles", "left", "normal")),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "progressive-weakness": True,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
            },
            "tests": {"straight-leg-raise": "positive", "femoral-nerve-stretch": "positive"},
        },
        "expected": "lumbar-disc-herniation",
        "top3_also_ok": ["lumbar-radiculopathy", "femoral-nerve-impingement", "sciatica"],
        "root": "L4",
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: progressive-neurological-deficit (new foot drop)
    {
        "name": "Common fibular neuropathy (L5 look-alike): 29M after weeks of habitual leg-crossing, foot drop, numb top of foot, no back pain, SLR negative, hip abduction not weak",
        "request": {
            "age": 29,
            "sex": "male",
            "duration_days": 6,
            "pain_regions": _pain(("leg-lateral", "left")),
            "sensory_changes": _sens(("foot-dorsum", "left", "numbness"), ("leg-lateral", "left", "tingling")),
            "weakness": _weak(
                ("ankle-dorsiflexion", "left"), ("great-toe-extension", "left"), ("ankle-eversion", "left")
            ),
            "reflexes": _refl(
                ("achilles", "left", "normal"), ("patellar", "left", "normal"), ("medial-hamstring", "left", "normal")
            ),
            "symptoms": {
                "foot-drop": True,
                "back-pain": False,
                "pain-worse-cough-sneeze": False,
                "progressive-weakness": False,
                "sudden-severe-leg-pain": False,
                "leg-cold-or-pale": False,
            },
            "tests": {
                "straight-leg-raise": "negative",
                "slump-test": "negative",
                "foot-pulses-reduced-or-absent": "negative",
            },
        },
        "expected": "common-fibular-neuropathy",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "routine",
    },
    # red flags expected: bilateral-radicular-symptoms
    {
        "name": "Bilateral S1 sciatica without saddle or sphincter symptoms: 39M, 1 week, pain below both knees, numb outer feet, reduced ankle jerks both",
        "request": {
            "age": 39,
            "sex": "male",
            "duration_days": 7,
            "pain_regions": _pain(
                ("lower-back", "both"), ("buttock", "both"), ("thigh-posterior", "both"), ("calf", "both")
            ),
            "sensory_changes": _sens(("foot-lateral", "both", "numbness")),
            "reflexes": _refl(("achilles", "both", "reduced"), ("patellar", "both", "normal")),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "pain-worse-cough-sneeze": True,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
                "bowel-dysfunction": False,
                "sexual-dysfunction-new": False,
                "progressive-weakness": False,
                "pain-relieved-sitting-or-bending-forward": False,
            },
            "tests": {"straight-leg-raise": "positive"},
        },
        "expected": "lumbar-disc-herniation",
        "top3_also_ok": ["lumbar-radiculopathy", "sciatica", "cauda-equina-syndrome"],
        "root": "S1",
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: cauda-equina, progressive-neurological-deficit (bilateral weakness)
    {
        "name": "Both feet weak, NOT reported as getting worse: 50M, 5 days, bilateral foot drop from back pain, no saddle or bladder symptoms reported -> emergency",
        "request": {
            "age": 50,
            "sex": "male",
            "duration_days": 5,
            "pain_regions": _pain(("lower-back", "both"), ("leg-lateral", "both"), ("foot-dorsum", "both")),
            "sensory_changes": _sens(("foot-dorsum", "both", "numbness")),
            "weakness": _weak(("ankle-dorsiflexion", "both"), ("great-toe-extension", "both")),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "foot-drop": True,
                "progressive-weakness": False,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
            },
            "tests": {"straight-leg-raise": "positive"},
        },
        "expected": "cauda-equina-syndrome",
        "top3_also_ok": ["lumbar-disc-herniation", "lumbar-radiculopathy"],
        "root": "L5",
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: cauda-equina, bilateral-radicular-symptoms
    {
        "name": "Cauda equina (cord-compression look-alike, LMN): 42F, bilateral sciatica, saddle numbness, new urinary hesitancy, reduced ankle jerks and anal reflex",
        "request": {
            "age": 42,
            "sex": "female",
            "duration_days": 2,
            "pain_regions": _pain(
                ("lower-back", "both"),
                ("buttock", "both"),
                ("thigh-posterior", "both"),
                ("calf", "both"),
                ("perineum", "both"),
            ),
            "sensory_changes": _sens(("perineum", "both", "numbness"), ("foot-lateral", "both", "tingling")),
            "reflexes": _refl(
                ("achilles", "both", "reduced"), ("anal", "both", "reduced"), ("patellar", "both", "normal")
            ),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "saddle-anaesthesia": True,
                "bladder-dysfunction": True,
                "clumsy-hands": False,
                "unsteady-gait": False,
            },
            "tests": {"straight-leg-raise": "positive", "babinski-sign": "negative"},
        },
        "expected": "cauda-equina-syndrome",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # ------------------------------------------------------------------
    # Cord (UMN) versus roots
    # ------------------------------------------------------------------
    # red flags expected: suspected-cord-compression
    {
        "name": "Degenerative cervical myelopathy: 64M, clumsy hands, unsteady gait, heavy thighs, brisk knee and ankle jerks, Babinski and Hoffmann positive (do not localise to L2-S1)",
        "request": {
            "age": 64,
            "sex": "male",
            "duration_days": 120,
            "pain_regions": _pain(("thigh-anterior", "both")),
            "reflexes": _refl(("patellar", "both", "brisk"), ("achilles", "both", "brisk")),
            "symptoms": {
                "clumsy-hands": True,
                "unsteady-gait": True,
                "back-pain": False,
                "history-of-cancer": False,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
                "progressive-weakness": False,
            },
            "tests": {
                "babinski-sign": "positive",
                "hoffmann-sign": "positive",
                "ankle-clonus": "positive",
                "straight-leg-raise": "negative",
                "femoral-nerve-stretch": "negative",
            },
        },
        "expected": "spinal-cord-compression",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: suspected-cord-compression, suspected-malignancy, progressive-neurological-deficit
    {
        "name": "Metastatic cord compression: 70M prostate cancer, band-like mid-back pain, legs weak on both sides and worsening, brisk knee jerks, Babinski",
        "request": {
            "age": 70,
            "sex": "male",
            "duration_days": 10,
            "pain_regions": _pain(("thigh-anterior", "both")),
            "weakness": _weak(("hip-flexion", "both"), ("knee-extension", "both")),
            "reflexes": _refl(("patellar", "both", "brisk")),
            "symptoms": {
                "history-of-cancer": True,
                "upper-back-or-band-pain": True,
                "unsteady-gait": True,
                "progressive-weakness": True,
                "pain-at-night": True,
            },
            "tests": {"babinski-sign": "positive"},
        },
        "expected": "spinal-cord-compression",
        "top3_also_ok": ["spinal-malignancy"],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: suspected-malignancy (cancer history + any new deficit -> emergency)
    {
        "name": "Cancer history with a new root deficit: 66F breast cancer, new back pain, numb inner knee, weak knee extension, reduced knee jerk",
        "request": {
            "age": 66,
            "sex": "female",
            "duration_days": 20,
            "pain_regions": _pain(("lower-back", "both"), ("thigh-anterior", "right"), ("knee-medial", "right")),
            "sensory_changes": _sens(("knee-medial", "right", "numbness")),
            "weakness": _weak(("knee-extension", "right")),
            "reflexes": _refl(("patellar", "right", "reduced")),
            "symptoms": {
                "history-of-cancer": True,
                "back-pain": True,
                "pain-at-night": True,
                "progressive-weakness": False,
            },
            "tests": {"femoral-nerve-stretch": "positive"},
        },
        "expected": "spinal-malignancy",
        "top3_also_ok": ["femoral-nerve-impingement"],
        "root": "L3",
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: suspected-infection (fever + infection risk + deficit -> emergency)
    {
        "name": "Post-procedure spinal infection with a deficit: 45M, 3 weeks after a lumbar injection, fever, back pain, weak big-toe extension, numb top of foot",
        "request": {
            "age": 45,
            "sex": "male",
            "duration_days": 8,
            "pain_regions": _pain(("lower-back", "both"), ("buttock", "left"), ("leg-lateral", "left")),
            "sensory_changes": _sens(("foot-dorsum", "left", "numbness")),
            "weakness": _weak(("great-toe-extension", "left")),
            "symptoms": {
                "fever": True,
                "infection-risk": True,
                "back-pain": True,
                "pain-at-night": True,
                "leg-pain-below-knee": True,
            },
            "tests": {"straight-leg-raise": "positive"},
        },
        "expected": "spinal-infection",
        "top3_also_ok": [],
        "root": "L5",
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # ------------------------------------------------------------------
    # Red flags buried among benign findings
    # ------------------------------------------------------------------
    # red flags expected: suspected-malignancy
    {
        "name": "Buried red flag: 58M 'lifting strain' with paraspinal tenderness and brief movement pain, but treated bowel cancer -> new back pain with cancer history",
        "request": {
            "age": 58,
            "sex": "male",
            "duration_days": 9,
            "pain_regions": _pain(("lower-back", "both"), ("buttock", "right")),
            "symptoms": {
                "back-pain": True,
                "onset-after-lifting-or-strain": True,
                "pain-brief-with-movement": True,
                "history-of-cancer": True,
                "unexplained-weight-loss": False,
                "fever": False,
                "leg-pain-below-knee": False,
            },
            "tests": {"paraspinal-tenderness": "positive", "straight-leg-raise": "negative"},
        },
        "expected": "spinal-malignancy",
        "top3_also_ok": ["lumbar-muscle-strain"],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: cauda-equina
    {
        "name": "Buried red flag: 35M gym lifting strain, tender paraspinals, SLR negative, no leg pain - but numb saddle area",
        "request": {
            "age": 35,
            "sex": "male",
            "duration_days": 3,
            "pain_regions": _pain(("lower-back", "both")),
            "symptoms": {
                "back-pain": True,
                "onset-after-lifting-or-strain": True,
                "pain-brief-with-movement": True,
                "saddle-anaesthesia": True,
                "leg-pain-below-knee": False,
                "fever": False,
            },
            "tests": {"paraspinal-tenderness": "positive", "straight-leg-raise": "negative"},
        },
        "expected": "cauda-equina-syndrome",
        "top3_also_ok": ["lumbar-disc-herniation"],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # ------------------------------------------------------------------
    # Fractures: hip, stress, vertebral
    # ------------------------------------------------------------------
    # red flags expected: suspected-hip-fracture
    {
        "name": "Textbook hip fracture: 84F, fall at home yesterday, groin and thigh pain, cannot stand, leg short and turned out",
        "request": {
            "age": 84,
            "sex": "female",
            "duration_days": 1,
            "pain_regions": _pain(("groin", "right"), ("thigh-anterior", "right"), ("hip-lateral", "right")),
            "symptoms": {
                "recent-fall": True,
                "unable-to-weight-bear": True,
                "osteoporosis-or-steroid-use": True,
                "back-pain": False,
            },
            "tests": {"shortened-externally-rotated-leg": "positive", "log-roll-test": "positive"},
        },
        "expected": "proximal-femoral-fracture",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: suspected-hip-fracture
    {
        "name": "Hard: impacted hip fracture still walking: 79F, tripped 3 days ago, groin pain, limping but can bear weight, leg looks normal, painful log roll",
        "request": {
            "age": 79,
            "sex": "female",
            "duration_days": 3,
            "pain_regions": _pain(("groin", "left"), ("knee-anterior", "left")),
            "symptoms": {
                "recent-fall": True,
                "unable-to-weight-bear": False,
                "significant-trauma": False,
                "pain-worse-standing-walking": True,
            },
            "tests": {
                "shortened-externally-rotated-leg": "negative",
                "log-roll-test": "positive",
                "hip-internal-rotation-painful-limited": "positive",
            },
        },
        "expected": "proximal-femoral-fracture",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "urgent",
    },
    # red flags expected: none (pair with hip fracture; also the 'hip OA at 65' side of FAI vs OA)
    {
        "name": "Hip OA (fracture look-alike): 66F, 14 months of gradual groin and anterior thigh ache, short morning stiffness, painful limited internal rotation, no fall, walks",
        "request": {
            "age": 66,
            "sex": "female",
            "duration_days": 420,
            "pain_regions": _pain(("groin", "right"), ("thigh-anterior", "right"), ("knee-anterior", "right")),
            "symptoms": {
                "pain-dull-ache": True,
                "morning-stiffness": True,
                "prolonged-morning-stiffness": False,
                "pain-worse-stairs": True,
                "pain-worse-standing-walking": True,
                "recent-fall": False,
                "unable-to-weight-bear": False,
                "back-pain": False,
                "fever": False,
                "shoulder-and-hip-girdle-pain": False,
            },
            "tests": {
                "hip-internal-rotation-painful-limited": "positive",
                "faber": "positive",
                "straight-leg-raise": "negative",
            },
        },
        "expected": "hip-osteoarthritis",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "self_care",
    },
    # red flags expected: suspected-hip-fracture, suspected-fracture
    {
        "name": "Age does not exclude hip fracture after high energy: 35M motorbike crash, groin and hip pain, cannot stand, leg short and turned out",
        "request": {
            "age": 35,
            "sex": "male",
            "duration_days": 1,
            "pain_regions": _pain(("groin", "left"), ("hip-lateral", "left"), ("thigh-anterior", "left")),
            "symptoms": {"significant-trauma": True, "unable-to-weight-bear": True},
            "tests": {"shortened-externally-rotated-leg": "positive"},
        },
        "expected": "proximal-femoral-fracture",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: suspected-stress-fracture
    {
        "name": "Femoral neck stress fracture in a runner: 27F marathon training, mileage doubled, groin pain on every step, pain on hopping",
        "request": {
            "age": 27,
            "sex": "female",
            "duration_days": 21,
            "pain_regions": _pain(("groin", "right"), ("thigh-anterior", "right")),
            "symptoms": {
                "regular-running-or-cycling": True,
                "recent-training-increase": True,
                "pain-worse-standing-walking": True,
                "significant-trauma": False,
                "recent-fall": False,
                "groin-pain-kicking-or-sprinting": False,
                "back-pain": False,
            },
            "tests": {"hop-test": "positive", "log-roll-test": "positive", "adductor-squeeze-test": "negative"},
        },
        "expected": "stress-fracture-hip-pelvis",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: suspected-stress-fracture
    {
        "name": "Sacral insufficiency fracture: 74F with osteoporosis, no injury, buttock/SI-area and low back pain on standing and walking",
        "request": {
            "age": 74,
            "sex": "female",
            "duration_days": 14,
            "pain_regions": _pain(("sacroiliac-area", "both"), ("buttock", "both"), ("lower-back", "both")),
            "symptoms": {
                "osteoporosis-or-steroid-use": True,
                "pain-worse-standing-walking": True,
                "significant-trauma": False,
                "recent-fall": False,
                "back-pain": True,
                "leg-pain-below-knee": False,
                "history-of-cancer": False,
                "pain-relieved-sitting-or-bending-forward": False,
            },
            "tests": {"straight-leg-raise": "negative"},
        },
        "expected": "stress-fracture-hip-pelvis",
        "top3_also_ok": ["vertebral-fracture"],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: suspected-fracture
    {
        "name": "Road traffic collision with new back pain: 30M car crash today, midline low back pain, no neurological symptoms",
        "request": {
            "age": 30,
            "sex": "male",
            "duration_days": 1,
            "pain_regions": _pain(("lower-back", "both")),
            "symptoms": {
                "significant-trauma": True,
                "back-pain": True,
                "saddle-anaesthesia": False,
                "leg-pain-below-knee": False,
            },
            "tests": {"paraspinal-tenderness": "positive"},
        },
        "expected": "vertebral-fracture",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: none required (age alone is not a red flag after the v2 correction)
    {
        "name": "Age changes the answer: 85F, new back pain for a week after bending, tender paraspinals - not a simple strain at 85",
        "request": {
            "age": 85,
            "sex": "female",
            "duration_days": 7,
            "pain_regions": _pain(("lower-back", "both")),
            "symptoms": {"back-pain": True, "onset-after-lifting-or-strain": True, "pain-brief-with-movement": True},
            "tests": {"paraspinal-tenderness": "positive"},
        },
        "expected": "vertebral-fracture",
        "top3_also_ok": ["spinal-malignancy"],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # ------------------------------------------------------------------
    # Vascular causes and claudication
    # ------------------------------------------------------------------
    # red flags expected: none
    {
        "name": "Vascular claudication: 67M smoker, calf and buttock cramp after 200 m, eases standing still, no back pain, absent foot pulses, low ABPI",
        "request": {
            "age": 67,
            "sex": "male",
            "duration_days": 240,
            "pain_regions": _pain(("calf", "right"), ("buttock", "right"), ("thigh-posterior", "right")),
            "symptoms": {
                "walking-pain-eased-by-standing-still": True,
                "pain-worse-standing-walking": True,
                "pain-relieved-sitting-or-bending-forward": False,
                "smoker": True,
                "diabetes": True,
                "back-pain": False,
                "sudden-severe-leg-pain": False,
                "leg-pain-below-knee": True,
            },
            "tests": {
                "foot-pulses-reduced-or-absent": "positive",
                "ankle-brachial-index-low": "positive",
                "straight-leg-raise": "negative",
            },
        },
        "expected": "peripheral-arterial-disease",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: none (chronic neurogenic claudication is not the bilateral radicular flag)
    {
        "name": "Neurogenic claudication: 74F, a year of bilateral buttock and leg heaviness on standing and walking, eased by sitting or leaning on a trolley, pulses normal",
        "request": {
            "age": 74,
            "sex": "female",
            "duration_days": 365,
            "pain_regions": _pain(
                ("lower-back", "both"), ("buttock", "both"), ("thigh-posterior", "both"), ("calf", "both")
            ),
            "symptoms": {
                "pain-worse-standing-walking": True,
                "pain-relieved-sitting-or-bending-forward": True,
                "walking-pain-eased-by-standing-still": False,
                "back-pain": True,
                "pain-worse-back-extension": True,
                "smoker": False,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
                "progressive-weakness": False,
            },
            "tests": {"foot-pulses-reduced-or-absent": "negative", "straight-leg-raise": "negative"},
        },
        "expected": "lumbar-spinal-stenosis",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: suspected-acute-limb-ischaemia, progressive-neurological-deficit (new foot drop)
    {
        "name": "Acute limb ischaemia (foot-drop/sciatica look-alike): 78F with atrial fibrillation, sudden severe calf pain at rest, cold pale foot, no pulses, numb weak foot",
        "request": {
            "age": 78,
            "sex": "female",
            "duration_days": 1,
            "pain_regions": _pain(("calf", "left"), ("foot-dorsum", "left"), ("sole", "left")),
            "sensory_changes": _sens(("foot-dorsum", "left", "numbness"), ("sole", "left", "numbness")),
            "weakness": _weak(("ankle-dorsiflexion", "left")),
            "symptoms": {
                "sudden-severe-leg-pain": True,
                "leg-cold-or-pale": True,
                "heart-or-circulation-disease": True,
                "foot-drop": True,
                "back-pain": False,
                "one-leg-swollen": False,
            },
            "tests": {"foot-pulses-reduced-or-absent": "positive", "straight-leg-raise": "negative"},
        },
        "expected": "acute-limb-ischaemia",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # ------------------------------------------------------------------
    # Loin / groin: renal colic vs AAA vs L1 (L1 case above)
    # ------------------------------------------------------------------
    # red flags expected: none (age 34: the sudden-severe-pain AAA trigger needs 50+)
    {
        "name": "Renal colic: 34M, sudden waves of left loin pain into the groin, restless, blood in urine",
        "request": {
            "age": 34,
            "sex": "male",
            "duration_days": 1,
            "pain_regions": _pain(("flank", "left"), ("groin", "left"), ("lower-abdomen", "left")),
            "symptoms": {
                "colicky-loin-to-groin-pain": True,
                "blood-in-urine": True,
                "sudden-severe-abdominal-or-back-pain": True,
                "fever": False,
                "collapse-or-feeling-faint": False,
                "back-pain": False,
                "groin-lump-on-coughing-or-standing": False,
            },
            "tests": {"straight-leg-raise": "negative"},
        },
        "expected": "renal-colic",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # red flags expected: suspected-aortic-aneurysm
    {
        "name": "Leaking AAA misread as renal colic: 68M smoker, first ever sudden severe loin pain into the groin, felt faint, no blood in urine",
        "request": {
            "age": 68,
            "sex": "male",
            "duration_days": 1,
            "pain_regions": _pain(
                ("flank", "left"), ("lower-back", "left"), ("groin", "left"), ("lower-abdomen", "both")
            ),
            "symptoms": {
                "sudden-severe-abdominal-or-back-pain": True,
                "colicky-loin-to-groin-pain": True,
                "smoker": True,
                "collapse-or-feeling-faint": True,
                "blood-in-urine": False,
                "back-pain": True,
            },
        },
        "expected": "abdominal-aortic-aneurysm",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: suspected-aortic-aneurysm
    {
        "name": "Renal colic at 56 (AAA must be excluded): 56M, colicky loin-to-groin pain with visible haematuria, sudden onset",
        "request": {
            "age": 56,
            "sex": "male",
            "duration_days": 1,
            "pain_regions": _pain(("flank", "right"), ("groin", "right")),
            "symptoms": {
                "colicky-loin-to-groin-pain": True,
                "blood-in-urine": True,
                "sudden-severe-abdominal-or-back-pain": True,
                "smoker": False,
                "collapse-or-feeling-faint": False,
                "known-aortic-aneurysm": False,
                "fever": False,
            },
            "tests": {"pulsatile-abdominal-mass": "negative"},
        },
        "expected": "renal-colic",
        "top3_also_ok": ["abdominal-aortic-aneurysm"],
        "root": None,
        "triage": "emergency",
        "min_triage": "urgent",
    },
    # ------------------------------------------------------------------
    # Zoster
    # ------------------------------------------------------------------
    # red flags expected: none
    {
        "name": "Zoster before the rash (radiculopathy look-alike): 72F, 3 days of burning groin and front-thigh pain, skin hurts to touch, no back pain, normal neurology",
        "request": {
            "age": 72,
            "sex": "female",
            "duration_days": 3,
            "pain_regions": _pain(("groin", "left"), ("thigh-anterior", "left")),
            "reflexes": _refl(("patellar", "left", "normal")),
            "symptoms": {
                "pain-burning": True,
                "skin-sensitive-to-touch": True,
                "band-like-rash": False,
                "back-pain": False,
                "pain-worse-cough-sneeze": False,
                "colicky-loin-to-groin-pain": False,
                "fever": False,
            },
            "tests": {
                "femoral-nerve-stretch": "negative",
                "straight-leg-raise": "negative",
                "hip-internal-rotation-painful-limited": "negative",
            },
        },
        "expected": "herpes-zoster",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "self_care",
    },
    # red flags expected: none (condition urgency: rash under 72 h, over 50)
    {
        "name": "Textbook shingles: 66M, 2 days of a blistering band over the right groin and upper front thigh with burning pain",
        "request": {
            "age": 66,
            "sex": "male",
            "duration_days": 4,
            "pain_regions": _pain(("groin", "right"), ("thigh-anterior", "right"), ("lower-abdomen", "right")),
            "symptoms": {
                "band-like-rash": True,
                "pain-burning": True,
                "skin-sensitive-to-touch": True,
                "back-pain": False,
            },
        },
        "expected": "herpes-zoster",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "routine",
    },
    # red flags expected: cauda-equina (bladder-dysfunction)
    {
        "name": "Sacral zoster with urinary retention (cauda equina mimic): 74F, rash on the left buttock, burning saddle pain, cannot pass urine",
        "request": {
            "age": 74,
            "sex": "female",
            "duration_days": 3,
            "pain_regions": _pain(("buttock", "left"), ("perineum", "left")),
            "symptoms": {
                "band-like-rash": True,
                "pain-burning": True,
                "skin-sensitive-to-touch": True,
                "bladder-dysfunction": True,
                "back-pain": False,
                "leg-pain-below-knee": False,
            },
        },
        "expected": "herpes-zoster",
        "top3_also_ok": ["cauda-equina-syndrome"],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # ------------------------------------------------------------------
    # Groin in the young and active, and peripheral nerves
    # ------------------------------------------------------------------
    # red flags expected: none
    {
        "name": "Obturator neuropathy (adductor-strain look-alike): 31F 3 weeks after a long labour, numb patch inner thigh, weak adduction, normal knee extension and knee jerk",
        "request": {
            "age": 31,
            "sex": "female",
            "duration_days": 21,
            "pregnancy": True,
            "pain_regions": _pain(("thigh-medial", "left"), ("groin", "left")),
            "sensory_changes": _sens(("thigh-medial", "left", "numbness")),
            "weakness": _weak(("hip-adduction", "left")),
            "reflexes": _refl(("patellar", "left", "normal")),
            "symptoms": {
                "pregnancy": True,
                "back-pain": False,
                "groin-pain-kicking-or-sprinting": False,
                "one-leg-swollen": False,
                "pain-worse-cough-sneeze": False,
            },
            "tests": {"femoral-nerve-stretch": "negative", "straight-leg-raise": "negative"},
        },
        "expected": "obturator-neuropathy",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: none
    {
        "name": "Adductor-related groin pain (obturator look-alike): 24M footballer, groin pain on kicking and sprinting, painful adductor squeeze, no numbness",
        "request": {
            "age": 24,
            "sex": "male",
            "duration_days": 10,
            "pain_regions": _pain(("groin", "left"), ("thigh-medial", "left")),
            "symptoms": {
                "groin-pain-kicking-or-sprinting": True,
                "pain-brief-with-movement": True,
                "back-pain": False,
                "groin-lump-on-coughing-or-standing": False,
                "hip-catching-or-clicking": False,
                "recent-training-increase": False,
            },
            "tests": {
                "adductor-squeeze-test": "positive",
                "hip-internal-rotation-painful-limited": "negative",
                "groin-cough-impulse": "negative",
                "hop-test": "negative",
            },
        },
        "expected": "adductor-related-groin-pain",
        "top3_also_ok": [],
        "root": None,
        "triage": "self_care",
        "min_triage": "self_care",
    },
    # red flags expected: none
    {
        "name": "FAI at 25 (OA look-alike): 25F yoga teacher, groin 'C-sign' pain on deep flexion and sitting, catching, FADIR positive",
        "request": {
            "age": 25,
            "sex": "female",
            "duration_days": 150,
            "pain_regions": _pain(("groin", "right"), ("hip-lateral", "right")),
            "symptoms": {
                "pain-worse-sitting": True,
                "hip-catching-or-clicking": True,
                "pain-worse-stairs": True,
                "pain-brief-with-movement": True,
                "back-pain": False,
                "recent-fall": False,
                "recent-training-increase": False,
            },
            "tests": {
                "fadir-test": "positive",
                "hip-internal-rotation-painful-limited": "positive",
                "hop-test": "negative",
                "trochanteric-tenderness": "negative",
            },
        },
        "expected": "femoroacetabular-impingement",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "self_care",
    },
    # red flags expected: none
    {
        "name": "Age changes the answer: 22M with 4 months of deep groin ache and painful limited internal rotation - not hip OA at 22",
        "request": {
            "age": 22,
            "sex": "male",
            "duration_days": 120,
            "pain_regions": _pain(("groin", "left")),
            "symptoms": {"pain-dull-ache": True, "pain-worse-sitting": True},
            "tests": {"hip-internal-rotation-painful-limited": "positive"},
        },
        "expected": "femoroacetabular-impingement",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "self_care",
    },
    # red flags expected: none
    {
        "name": "Avascular necrosis: 38M heavy drinker on long-term steroids for asthma, deep groin ache with limp and rest/night pain, painful internal rotation",
        "request": {
            "age": 38,
            "sex": "male",
            "duration_days": 60,
            "pain_regions": _pain(("groin", "left"), ("thigh-anterior", "left"), ("buttock", "left")),
            "symptoms": {
                "heavy-alcohol-use": True,
                "osteoporosis-or-steroid-use": True,
                "pain-at-night": True,
                "pain-dull-ache": True,
                "pain-worse-standing-walking": True,
                "recent-fall": False,
                "significant-trauma": False,
                "fever": False,
                "back-pain": False,
                "recent-training-increase": False,
            },
            "tests": {"hip-internal-rotation-painful-limited": "positive", "hop-test": "negative"},
        },
        "expected": "avascular-necrosis-femoral-head",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: none
    {
        "name": "Proximal hamstring tendinopathy (sciatica look-alike): 41F runner, deep sitting-bone pain on hard seats and uphill running, nothing below the knee, bent-knee stretch positive",
        "request": {
            "age": 41,
            "sex": "female",
            "duration_days": 120,
            "pain_regions": _pain(("buttock", "right"), ("thigh-posterior", "right")),
            "reflexes": _refl(("achilles", "right", "normal")),
            "symptoms": {
                "sitting-bone-pain": True,
                "pain-worse-sitting": True,
                "regular-running-or-cycling": True,
                "leg-pain-below-knee": False,
                "back-pain": False,
                "pain-worse-cough-sneeze": False,
            },
            "tests": {"bent-knee-stretch-test": "positive", "slump-test": "negative", "fair-test": "negative"},
        },
        "expected": "proximal-hamstring-tendinopathy",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "self_care",
    },
    # red flags expected: none
    {
        "name": "Isthmic spondylolysis/listhesis: 16F gymnast, low back and buttock pain on arching, tight hamstrings, palpable step-off, no neurology",
        "request": {
            "age": 16,
            "sex": "female",
            "duration_days": 60,
            "pain_regions": _pain(("lower-back", "both"), ("buttock", "both"), ("thigh-posterior", "both")),
            "symptoms": {
                "back-pain": True,
                "pain-worse-back-extension": True,
                "leg-pain-below-knee": False,
                "onset-after-lifting-or-strain": False,
                "fever": False,
                "history-of-cancer": False,
            },
            "tests": {
                "lumbar-step-off": "positive",
                "straight-leg-raise": "negative",
                "paraspinal-tenderness": "negative",
            },
        },
        "expected": "lumbar-spondylolisthesis",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "self_care",
    },
    # red flags expected: suspected-spondyloarthritis
    {
        "name": "Axial spondyloarthritis: 28M, 8 months of back and alternating buttock pain, better with exercise, wakes him early morning, stiff over 30 minutes, previous uveitis",
        "request": {
            "age": 28,
            "sex": "male",
            "duration_days": 240,
            "pain_regions": _pain(("lower-back", "both"), ("sacroiliac-area", "both"), ("buttock", "both")),
            "symptoms": {
                "back-pain": True,
                "back-pain-began-before-45": True,
                "back-pain-better-with-exercise": True,
                "woken-second-half-of-night": True,
                "alternating-buttock-pain": True,
                "prolonged-morning-stiffness": True,
                "spondyloarthritis-features": True,
                "onset-after-lifting-or-strain": False,
                "leg-pain-below-knee": False,
            },
            "tests": {"straight-leg-raise": "negative"},
        },
        "expected": "axial-spondyloarthritis",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # ------------------------------------------------------------------
    # Septic hip / psoas
    # ------------------------------------------------------------------
    # red flags expected: suspected-septic-joint
    {
        "name": "Septic hip (fracture look-alike, no fall): 81F with diabetes, fever, 2 days of groin pain, cannot bear weight, painful log roll",
        "request": {
            "age": 81,
            "sex": "female",
            "duration_days": 2,
            "pain_regions": _pain(("groin", "right"), ("thigh-anterior", "right")),
            "symptoms": {
                "fever": True,
                "diabetes": True,
                "unable-to-weight-bear": True,
                "recent-fall": False,
                "significant-trauma": False,
                "back-pain": False,
            },
            "tests": {
                "log-roll-test": "positive",
                "hip-internal-rotation-painful-limited": "positive",
                "shortened-externally-rotated-leg": "negative",
            },
        },
        "expected": "septic-arthritis-hip",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # red flags expected: suspected-septic-joint, suspected-infection
    {
        "name": "Iliopsoas abscess: 34M who injects drugs, fever, back, loin and groin pain, limp, painful hip movement",
        "request": {
            "age": 34,
            "sex": "male",
            "duration_days": 6,
            "pain_regions": _pain(
                ("groin", "right"), ("flank", "right"), ("lower-back", "right"), ("thigh-anterior", "right")
            ),
            "symptoms": {
                "fever": True,
                "infection-risk": True,
                "back-pain": True,
                "recent-fall": False,
                "colicky-loin-to-groin-pain": False,
                "blood-in-urine": False,
            },
            "tests": {"log-roll-test": "positive", "hip-internal-rotation-painful-limited": "positive"},
        },
        "expected": "septic-arthritis-hip",
        "top3_also_ok": ["spinal-infection"],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # ------------------------------------------------------------------
    # PMR vs GCA
    # ------------------------------------------------------------------
    # red flags expected: none
    {
        "name": "Polymyalgia rheumatica: 72F, 3 weeks of aching stiff shoulders and hips, morning stiffness over an hour, cannot get out of a chair, no headache",
        "request": {
            "age": 72,
            "sex": "female",
            "duration_days": 21,
            "pain_regions": _pain(("buttock", "both"), ("hip-lateral", "both"), ("thigh-anterior", "both")),
            "symptoms": {
                "shoulder-and-hip-girdle-pain": True,
                "prolonged-morning-stiffness": True,
                "morning-stiffness": True,
                "headache-jaw-or-vision-symptoms": False,
                "pain-dull-ache": True,
                "back-pain": False,
                "fever": False,
                "history-of-cancer": False,
            },
            "tests": {"hip-internal-rotation-painful-limited": "negative"},
        },
        "expected": "polymyalgia-rheumatica",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: suspected-giant-cell-arteritis
    {
        "name": "PMR with giant cell arteritis: 76M, shoulder and hip girdle aching plus new headache and jaw pain on chewing",
        "request": {
            "age": 76,
            "sex": "male",
            "duration_days": 14,
            "pain_regions": _pain(("hip-lateral", "both"), ("thigh-anterior", "both")),
            "symptoms": {
                "shoulder-and-hip-girdle-pain": True,
                "headache-jaw-or-vision-symptoms": True,
                "prolonged-morning-stiffness": True,
            },
        },
        "expected": "polymyalgia-rheumatica",
        "top3_also_ok": [],
        "root": None,
        "triage": "urgent",
        "min_triage": "urgent",
    },
    # ------------------------------------------------------------------
    # Hernia
    # ------------------------------------------------------------------
    # red flags expected: none
    {
        "name": "Inguinal hernia: 58M, dragging groin ache with a lump on standing and coughing that goes lying down, cough impulse",
        "request": {
            "age": 58,
            "sex": "male",
            "duration_days": 90,
            "pain_regions": _pain(("groin", "right")),
            "symptoms": {
                "groin-lump-on-coughing-or-standing": True,
                "groin-lump-painful-irreducible": False,
                "pain-dull-ache": True,
                "back-pain": False,
            },
            "tests": {"groin-cough-impulse": "positive", "hip-internal-rotation-painful-limited": "negative"},
        },
        "expected": "inguinal-or-femoral-hernia",
        "top3_also_ok": [],
        "root": None,
        "triage": "routine",
        "min_triage": "routine",
    },
    # red flags expected: suspected-strangulated-hernia
    {
        "name": "Strangulated femoral hernia: 79F, tender hard groin lump that will not go back, vomiting",
        "request": {
            "age": 79,
            "sex": "female",
            "duration_days": 1,
            "pain_regions": _pain(("groin", "right"), ("lower-abdomen", "right")),
            "symptoms": {"groin-lump-painful-irreducible": True, "recent-fall": False},
        },
        "expected": "inguinal-or-femoral-hernia",
        "top3_also_ok": [],
        "root": None,
        "triage": "emergency",
        "min_triage": "emergency",
    },
    # ------------------------------------------------------------------
    # Benign v1 conditions and sparse input
    # ------------------------------------------------------------------
    # red flags expected: none
    {
        "name": "Meralgia paresthetica: 44M, obese with a tight work belt, burning numb outer thigh, no back pain, normal strength and knee jerk",
        "request": {
            "age": 44,
            "sex": "male",
            "duration_days": 45,
            "pain_regions": _pain(("thigh-lateral", "left")),
            "sensory_changes": _sens(("thigh-lateral", "left", "numbness")),
            "reflexes": _refl(("patellar", "left", "normal")),
            "symptoms": {
                "pain-burning": True,
                "tight-clothing-or-obesity": True,
                "back-pain": False,
                "skin-sensitive-to-touch": True,
                "band-like-rash": False,
                "diabetes": False,
            },
            "tests": {"femoral-nerve-stretch": "negative", "straight-leg-raise": "negative"},
        },
        "expected": "meralgia-paresthetica",
        "top3_also_ok": [],
        "root": None,
        "triage": "self_care",
        "min_triage": "self_care",
    },
    # red flags expected: none
    {
        "name": "Greater trochanteric pain syndrome: 58F, lateral hip pain lying on that side, tender trochanter, single-leg stance reproduces pain",
        "request": {
            "age": 58,
            "sex": "female",
            "duration_days": 90,
            "pain_regions": _pain(("hip-lateral", "right"), ("thigh-lateral", "right")),
            "symptoms": {
                "pain-worse-lying-on-side": True,
                "pain-worse-stairs": True,
                "back-pain": False,
                "pain-burning": False,
            },
            "tests": {
                "trochanteric-tenderness": "positive",
                "single-leg-stance-test": "positive",
                "hip-internal-rotation-painful-limited": "negative",
                "ober-test": "positive",
            },
        },
        "expected": "greater-trochanteric-pain-syndrome",
        "top3_also_ok": [],
        "root": None,
        "triage": "self_care",
        "min_triage": "self_care",
    },
    # red flags expected: none
    {
        "name": "Acute lumbar muscle strain: 33M, 3 days after lifting furniture, paraspinal tenderness, brief sharp pain on movement, no leg symptoms",
        "request": {
            "age": 33,
            "sex": "male",
            "duration_days": 3,
            "pain_regions": _pain(("lower-back", "both")),
            "symptoms": {
                "back-pain": True,
                "onset-after-lifting-or-strain": True,
                "pain-brief-with-movement": True,
                "leg-pain-below-knee": False,
                "saddle-anaesthesia": False,
                "bladder-dysfunction": False,
                "fever": False,
                "history-of-cancer": False,
                "significant-trauma": False,
            },
            "tests": {"paraspinal-tenderness": "positive", "straight-leg-raise": "negative"},
        },
        "expected": "lumbar-muscle-strain",
        "top3_also_ok": [],
        "root": None,
        "triage": "self_care",
        "min_triage": "self_care",
    },
    # red flags expected: none
    {
        "name": "Sparse input (two regions only): 45M, low back and left buttock, nothing else known",
        "request": {
            "age": 45,
            "sex": "male",
            "pain_regions": _pain(("lower-back", "both"), ("buttock", "left")),
        },
        "expected": "lumbar-muscle-strain",
        "top3_also_ok": [
            "lumbar-spondylosis",
            "sacroiliac-joint-pain",
            "lumbar-disc-herniation",
            "sciatica",
            "lumbar-radiculopathy",
        ],
        "root": None,
        "triage": "self_care",
        "min_triage": "self_care",
    },
]
