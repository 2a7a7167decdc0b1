"""The shipped knowledge loads, loads again without change, and is complete."""

import json

import pytest
from django.apps import apps
from django.db.models import Count, Q

from conditions import models as m
from conditions.loading import FIXTURES_DIR, knowledge_load
from conditions.versioning import curated_models, knowledge_version
from tests.helpers import VOCABULARY_MODELS

pytestmark = pytest.mark.django_db

HELER = "seed-heler-2016"
LIV = "seed-liv-hospital-2025"

# What each seed article names, by the code it has in the knowledge store.
SEED_NAMED = {
    HELER: {
        m.Condition: [
            "lumbar-radiculopathy",
            "lumbar-spondylosis",
            "sacroiliac-joint-pain",
            "lumbar-disc-herniation",
            "sciatica",
            "femoral-nerve-impingement",
            "cauda-equina-syndrome",
            "patellofemoral-pain",
            "knee-meniscal-or-ligament-injury",
            "knee-osteoarthritis",
            "common-fibular-neuropathy",
        ],
        m.Nerve: ["sciatic", "femoral", "common-fibular"],
        m.NerveRoot: ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4", "S5"],
        m.MuscleAction: ["hip-flexion", "knee-extension"],
        m.Symptom: [
            "foot-drop",
            "progressive-weakness",
            "bowel-dysfunction",
            "bladder-dysfunction",
            "saddle-anaesthesia",
            "difficulty-climbing-stairs",
            "knee-giving-way",
            "pain-brief-with-movement",
        ],
        m.Treatment: ["idd-therapy", "manual-therapy"],
        m.RedFlag: ["cauda-equina", "progressive-neurological-deficit"],
    },
    LIV: {
        m.Condition: [
            "lumbar-radiculopathy",
            "sciatica",
            "lumbar-disc-herniation",
            "lumbar-spinal-stenosis",
            "piriformis-syndrome",
            "lumbar-muscle-strain",
            "lumbar-spondylosis",
        ],
        m.Nerve: ["sciatic"],
        m.Symptom: [
            "pain-worse-cough-sneeze",
            "pain-worse-sitting",
            "pain-sharp-shooting",
            "pain-dull-ache",
            "pain-worse-standing-walking",
            "pain-relieved-sitting-or-bending-forward",
            "onset-after-lifting-or-strain",
            "regular-running-or-cycling",
            "bladder-dysfunction",
        ],
        m.Treatment: [
            "physical-therapy",
            "exercise-programme",
            "nsaids",
            "corticosteroid-injection",
            "discectomy",
            "spinal-fusion",
            "decompression-surgery",
            "weight-management",
            "posture-and-lifting-advice",
            "rest-then-graded-activity",
        ],
        m.Exercise: [
            "plank",
            "glute-bridge",
            "bird-dog",
            "knee-to-chest-stretch",
            "hamstring-stretch",
            "cat-cow-stretch",
            "piriformis-stretch",
            "pigeon-pose",
            "low-impact-aerobic",
        ],
        m.RedFlag: ["cauda-equina"],
    },
}


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in curated_models()}


def test_the_knowledge_is_loaded_and_versioned():
    counts = row_counts()
    assert all(counts.values()), [label for label, count in counts.items() if not count]
    assert knowledge_version() != "0"


def test_loading_twice_changes_nothing():
    before, version = row_counts(), knowledge_version()
    changed = knowledge_load().changed
    assert changed is False
    assert row_counts() == before
    assert knowledge_version() == version


def test_loading_keeps_a_value_changed_since_the_last_load_and_reports_it():
    m.Condition.objects.filter(code="sciatica").update(name="Edited by hand")
    version = knowledge_version()
    report = knowledge_load()
    assert m.Condition.objects.get(code="sciatica").name == "Edited by hand"
    assert [c.key for c in report.conflicts] == [("sciatica",)]
    assert knowledge_version() == version


@pytest.mark.parametrize("section", sorted(VOCABULARY_MODELS))
def test_every_vocabulary_code_is_present(vocabulary, section):
    wanted = {entry["code"] for entry in vocabulary[section]}
    present = set(VOCABULARY_MODELS[section].objects.values_list("code", flat=True))
    assert wanted - present == set()


@pytest.mark.parametrize("seed", sorted(SEED_NAMED))
def test_every_seed_named_entity_is_present_and_cited_to_its_seed(seed):
    missing = []
    for model, codes in SEED_NAMED[seed].items():
        cited = set(model.objects.filter(code__in=codes, sources__code=seed).values_list("code", flat=True))
        missing += [f"{model.__name__}:{code}" for code in codes if code not in cited]
    assert missing == []


@pytest.mark.parametrize("section", ["conditions", "treatments", "exercises"])
def test_vocabulary_entries_marked_in_seeds_cite_a_seed(vocabulary, section):
    codes = [entry["code"] for entry in vocabulary[section] if entry.get("in_seeds")]
    model = VOCABULARY_MODELS[section]
    cited = model.objects.filter(code__in=codes, sources__kind=m.Source.Kind.SEED_ARTICLE)
    assert set(codes) - set(cited.values_list("code", flat=True)) == set()


def test_every_entity_has_a_summary_and_a_source():
    for model in VOCABULARY_MODELS.values():
        bare = model.objects.annotate(n_sources=Count("sources")).filter(Q(summary="") | Q(n_sources=0))
        assert list(bare.values_list("code", flat=True)) == [], model.__name__


# Roots and nerves are required where they apply: roots for the causes that act through a root (including
# a root ganglion or the plexus), nerves for the entrapments of a peripheral nerve.
ROOT_CATEGORIES = {"radicular", "neuropathy"}
NERVE_CATEGORIES = {"nerve_entrapment"}


def test_every_condition_is_complete():
    problems = []
    for condition in m.Condition.objects.all():
        evidence = condition.symptom_links.count() + condition.test_links.count()
        suitability = set(condition.exercise_links.values_list("suitability", flat=True))
        helpful = condition.treatment_links.exclude(recommendation="not_recommended")
        checks = {
            "summary": bool(condition.summary.strip()),
            "icd10": bool(condition.icd10_codes),
            "roots": condition.root_links.exists() or condition.category not in ROOT_CATEGORIES,
            "nerves": condition.nerve_links.exists() or condition.category not in NERVE_CATEGORIES,
            "pain regions": condition.region_links.exists(),
            "3 evidence links": evidence >= 3,
            "treatment": helpful.exists(),
            "exercise suitable and to avoid": suitability == {"suitable", "avoid"},
            "related": condition.relations_out.exists() or condition.relations_in.exists(),
            "sources": condition.sources.exists(),
        }
        problems += [f"{condition.code}: {name}" for name, ok in checks.items() if not ok]
    assert problems == []


def test_every_exercise_has_steps_dosage_and_cautions():
    for exercise in m.Exercise.objects.all():
        assert len(exercise.steps) >= 3, exercise.code
        assert exercise.sets or exercise.duration_minutes, exercise.code
        assert exercise.frequency and exercise.cautions, exercise.code


def test_every_red_flag_has_a_trigger_with_criteria():
    for flag in m.RedFlag.objects.prefetch_related("triggers__criteria"):
        assert flag.triggers.exists(), flag.code
        assert all(trigger.criteria.exists() for trigger in flag.triggers.all()), flag.code


def test_study_figures_cite_a_study_guideline_or_review():
    citable = {m.Source.Kind.STUDY, m.Source.Kind.SYSTEMATIC_REVIEW, m.Source.Kind.GUIDELINE}
    for model in (m.ConditionSymptom, m.ConditionTest):
        kinds = set(model.objects.filter(provenance="study").values_list("source__kind", flat=True))
        assert kinds <= citable, model.__name__


def test_every_root_has_a_dermatome_and_the_lumbosacral_roots_a_myotome():
    roots = m.NerveRoot.objects.annotate(regions=Count("dermatome_links"), actions=Count("myotome_links"))
    assert [root.code for root in roots if not root.regions] == []
    assert [root.code for root in roots if not root.actions and root.code in {"L2", "L3", "L4", "L5", "S1"}] == []


def test_the_key_muscles_follow_isncsci():
    keys = dict(m.Myotome.objects.filter(is_key_muscle=True).values_list("root__code", "action__code"))
    assert keys == {
        "L2": "hip-flexion",
        "L3": "knee-extension",
        "L4": "ankle-dorsiflexion",
        "L5": "great-toe-extension",
        "S1": "ankle-plantarflexion",
    }


def test_every_shipped_text_fits_its_field():
    # SQLite does not check a CharField's max_length; PostgreSQL refuses the whole load.
    too_long = []
    for path in sorted(FIXTURES_DIR.glob("*.json")):
        for record in json.loads(path.read_text()):
            model = apps.get_model(record["model"])
            for name, value in record["fields"].items():
                field = next((f for f in model._meta.concrete_fields if f.name == name), None)
                limit = getattr(field, "max_length", None)
                if isinstance(value, str) and limit and len(value) > limit:
                    too_long.append((path.name, record["model"], name, len(value), limit))
    assert too_long == []
