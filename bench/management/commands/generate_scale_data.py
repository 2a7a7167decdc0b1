import random

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from assessments.engine import AssessmentInput, assess
from assessments.models import Assessment
from assessments.snapshot import published_knowledge
from conditions import models as m
from conditions.models.base import Link
from conditions.versioning import bump_knowledge_version, version_bumps_suspended
from conditions.vocabulary import (
    ConditionCategory,
    Difficulty,
    ExerciseKind,
    Provenance,
    Recommendation,
    Suitability,
    TreatmentKind,
    Typicality,
)

# Synthetic conditions are of the kinds that do not localise deficits, so a real assessment's
# findings touch only real conditions, as new, unrelated knowledge would.
SYNTHETIC_CATEGORIES = [ConditionCategory.JOINT, ConditionCategory.MUSCLE, ConditionCategory.REFERRED_SOMATIC]
ESTIMATE = {"provenance": Provenance.CURATOR_ESTIMATE, "rationale": "Synthetic benchmark data."}
SAMPLE_REQUESTS = [
    {
        "age": 41,
        "pain_regions": [{"region": "thigh-lateral", "side": "left"}],
        "sensory_changes": [{"region": "foot-dorsum", "side": "left", "kind": "numbness"}],
        "weakness": [{"action": "great-toe-extension", "side": "left"}],
        "symptoms": {"pain-worse-cough-sneeze": True},
        "tests": {"straight-leg-raise": "positive"},
    },
    {
        "age": 68,
        "pain_regions": [{"region": "groin", "side": "right"}],
        "symptoms": {"morning-stiffness": True},
        "tests": {"hip-internal-rotation-painful-limited": "positive"},
    },
    {
        "age": 28,
        "pain_regions": [{"region": "lower-back", "side": "both"}],
        "symptoms": {"onset-after-lifting-or-strain": True, "leg-pain-below-knee": False},
    },
]


class Command(BaseCommand):
    """Generate a synthetic scale set: many times the shipped knowledge, and many stored assessments."""

    help = "Add synthetic knowledge (FACTOR times the shipped amount) and stored assessments, in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=100, help="Times the shipped knowledge (default 100).")
        parser.add_argument("--assessments", type=int, default=200_000, help="Stored assessments to add.")
        # About 10 MB of assessments per INSERT: well inside the database's per-statement timeout.
        parser.add_argument("--batch", type=int, default=1_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, factor, assessments, batch, seed, **options):
        rng = random.Random(seed)
        with version_bumps_suspended(), transaction.atomic():
            counts = self.add_knowledge(factor, rng)
        bump_knowledge_version()
        self.add_assessments(assessments, batch)
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Added {summary}, and {assessments} assessments.")

    def entities(self, model, prefix, count, **fields):
        rows = [
            model(
                code=f"synthetic-{prefix}-{i:05d}", name=f"Synthetic {prefix} {i}", summary="Benchmark data.", **fields
            )
            for i in range(count)
        ]
        return model.objects.bulk_create(rows, batch_size=2000)

    def add_knowledge(self, factor, rng) -> dict[str, int]:
        shipped = {model: model.objects.count() for model in (m.BodyRegion, m.Symptom, m.ClinicalTest, m.Condition)}
        regions = self.entities(m.BodyRegion, "region", shipped[m.BodyRegion] * factor)
        symptoms = self.entities(m.Symptom, "symptom", shipped[m.Symptom] * factor)
        tests = self.entities(m.ClinicalTest, "test", shipped[m.ClinicalTest] * factor)
        treatments = self.entities(m.Treatment, "treatment", 21 * factor, kind=TreatmentKind.SELF_CARE)
        exercises = self.entities(
            m.Exercise,
            "exercise",
            15 * factor,
            kind=ExerciseKind.STRETCH,
            instructions="Step one.\nStep two.\nStep three.",
            repetitions=10,
            frequency="daily",
            difficulty=Difficulty.EASY,
            cautions="Stop if it hurts.",
        )
        conditions = [
            m.Condition(
                code=f"synthetic-condition-{i:05d}",
                name=f"Synthetic condition {i}",
                summary="Benchmark data.",
                category=rng.choice(SYNTHETIC_CATEGORIES),
                prior=round(rng.uniform(0.001, 0.05), 4),
                prior_provenance=Provenance.CURATOR_ESTIMATE,
                prior_rationale="Synthetic benchmark data.",
                care_level="self_care",
            )
            for i in range(shipped[m.Condition] * factor)
        ]
        conditions = m.Condition.objects.bulk_create(conditions, batch_size=2000)
        roots, nerves = list(m.NerveRoot.objects.all()), list(m.Nerve.objects.all())
        links: dict[type[Link], list[Link]] = {
            model: []
            for model in (
                m.ConditionNerveRoot,
                m.ConditionNerve,
                m.ConditionPainRegion,
                m.ConditionSymptom,
                m.ConditionTest,
                m.ConditionTreatment,
                m.ConditionExercise,
                m.ConditionRelation,
            )
        }
        for index, condition in enumerate(tqdm(conditions, desc="synthetic conditions", unit="condition")):
            for root in rng.sample(roots, 2):
                links[m.ConditionNerveRoot].append(m.ConditionNerveRoot(condition=condition, root=root))
            links[m.ConditionNerve].append(m.ConditionNerve(condition=condition, nerve=rng.choice(nerves)))
            for region in rng.sample(regions, 3):
                links[m.ConditionPainRegion].append(
                    m.ConditionPainRegion(condition=condition, region=region, typicality=Typicality.TYPICAL)
                )
            for symptom in rng.sample(symptoms, 8):
                accuracy = {
                    "sensitivity": round(rng.uniform(0.1, 0.9), 2),
                    "specificity": round(rng.uniform(0.3, 0.95), 2),
                }
                links[m.ConditionSymptom].append(
                    m.ConditionSymptom(condition=condition, symptom=symptom, **accuracy, **ESTIMATE)
                )
            for test in rng.sample(tests, 3):
                accuracy = {
                    "sensitivity": round(rng.uniform(0.1, 0.9), 2),
                    "specificity": round(rng.uniform(0.3, 0.95), 2),
                }
                links[m.ConditionTest].append(m.ConditionTest(condition=condition, test=test, **accuracy, **ESTIMATE))
            for treatment in rng.sample(treatments, 4):
                links[m.ConditionTreatment].append(
                    m.ConditionTreatment(
                        condition=condition,
                        treatment=treatment,
                        recommendation=Recommendation.RECOMMENDED,
                        evidence_note="Synthetic benchmark data.",
                    )
                )
            for position, exercise in enumerate(rng.sample(exercises, 3)):
                suitability = Suitability.AVOID if position == 2 else Suitability.SUITABLE
                links[m.ConditionExercise].append(
                    m.ConditionExercise(
                        condition=condition,
                        exercise=exercise,
                        suitability=suitability,
                        reason="Synthetic benchmark data.",
                    )
                )
            if index:
                links[m.ConditionRelation].append(
                    m.ConditionRelation(
                        from_condition=condition,
                        to_condition=conditions[index - 1],
                        kind="differential_of",
                    )
                )
        for model, rows in links.items():
            model.objects.bulk_create(rows, batch_size=5000)
        counts = {
            "conditions": len(conditions),
            "regions": len(regions),
            "symptoms": len(symptoms),
            "tests": len(tests),
            "treatments": len(treatments),
            "exercises": len(exercises),
        }
        counts["condition links"] = sum(len(rows) for rows in links.values())
        return counts

    def add_assessments(self, count, batch) -> None:
        knowledge = published_knowledge()
        samples = [
            (request, assess(AssessmentInput.from_dict(request), knowledge).to_dict()) for request in SAMPLE_REQUESTS
        ]
        with tqdm(total=count, desc="stored assessments", unit="assessment") as progress:
            for start in range(0, count, batch):
                rows = []
                for number in range(start, min(start + batch, count)):
                    request, result = samples[number % len(samples)]
                    rows.append(
                        Assessment(
                            input=request,
                            result=result,
                            engine_version=result["engine_version"],
                            knowledge_version=result["knowledge_version"],
                        )
                    )
                Assessment.objects.bulk_create(rows)
                progress.update(len(rows))
