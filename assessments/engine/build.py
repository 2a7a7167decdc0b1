"""Building the knowledge snapshot from plain rows, one list per table (no ORM)."""

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from types import MappingProxyType as frozen
from typing import Any, TypeVar

from conditions import vocabulary

from .items import Item
from .knowledge import (
    NEURAL_CATEGORIES,
    Accuracy,
    ConditionFacts,
    ConditionIndex,
    Criterion,
    ExerciseLink,
    Knowledge,
    Modifier,
    Names,
    NerveFacts,
    Questions,
    RedFlagFacts,
    RootFacts,
    Thresholds,
    TreatmentLink,
    Trigger,
)

Row = Mapping[str, Any]  # one table row, by column name
Rows = Mapping[str, Sequence[Row]]  # the rows of each table, by table name
Key = TypeVar("Key", bound=Hashable)
G = TypeVar("G")


def grouped(rows: Iterable[Row], key: str) -> dict[str, list[Row]]:
    groups: defaultdict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


def graded(rows: Iterable[Row], key: str, grade: Callable[[Any], G], column: str) -> Mapping[str, G]:
    """Each row's linked code with its grade (a typicality or a contribution), read-only."""
    return frozen({row[key]: grade(row[column]) for row in rows})


def linked(rows: Iterable[Row], key: str) -> frozenset[str]:
    """The linked codes of some link rows."""
    return frozenset(row[key] for row in rows)


def build_knowledge(version: str, rows: Rows, language: str = "en") -> Knowledge:
    """Build the snapshot from plain rows, one list per table (see assessments.snapshot.ROW_SPECS)."""
    codes = {
        kind: frozenset(row["code"] for row in rows[kind])
        for kind in (
            "body_regions",
            "muscle_actions",
            "reflexes",
            "symptoms",
            "clinical_tests",
            "conditions",
            "treatments",
            "exercises",
        )
    }
    conditions = build_conditions(rows)
    minimum_triage = {
        Item.symptom(row["code"]): vocabulary.TriageLevel(row["minimum_triage"])
        for row in rows["symptoms"]
        if row["minimum_triage"]
    }
    minimum_triage |= {
        Item.test(row["code"]): vocabulary.TriageLevel(row["minimum_triage"])
        for row in rows["clinical_tests"]
        if row["minimum_triage"]
    }
    return Knowledge(
        version=version,
        language=language,
        codes=frozen(codes),
        names=Names(
            symptoms=names_of(rows["symptoms"]),
            tests=names_of(rows["clinical_tests"]),
            regions=names_of(rows["body_regions"]),
            treatments=names_of(rows["treatments"]),
            exercises=names_of(rows["exercises"]),
            actions=names_of(rows["muscle_actions"]),
            reflexes=names_of(rows["reflexes"]),
        ),
        questions=Questions(
            symptoms=texts_of(rows["symptoms"], "question"),
            regions=texts_of(rows["body_regions"], "sensory_question"),
            actions=texts_of(rows["muscle_actions"], "self_check"),
            tests=texts_of(rows["clinical_tests"], "how_to_perform"),
            reflexes=texts_of(rows["reflexes"], "how_to_elicit"),
        ),
        minimum_triage=frozen(minimum_triage),
        evidence_groups=frozen(
            {Item.symptom(row["code"]): row["evidence_group"] for row in rows["symptoms"] if row["evidence_group"]}
            | {Item.test(row["code"]): row["evidence_group"] for row in rows["clinical_tests"] if row["evidence_group"]}
        ),
        treatment_needs=frozen(
            {
                row["code"]: vocabulary.TriageLevel(row["minimum_triage"])
                for row in rows["treatments"]
                if row["minimum_triage"]
            }
        ),
        treatment_kinds=frozen({row["code"]: vocabulary.TreatmentKind(row["kind"]) for row in rows["treatments"]}),
        conditions=frozen(conditions),
        roots=frozen(build_roots(rows)),
        nerves=frozen(build_nerves(rows)),
        red_flags=build_red_flags(rows),
        index=build_index(conditions),
    )


def names_of(rows: Iterable[Row]) -> Mapping[str, str]:
    return frozen({row["code"]: row["name"] for row in rows})


def texts_of(rows: Iterable[Row], column: str) -> Mapping[str, str]:
    """Each record's text in a column, where it has one."""
    return frozen({row["code"]: row[column] for row in rows if row[column]})


def frozen_index(index: Mapping[Key, list[str]]) -> Mapping[Key, tuple[str, ...]]:
    return frozen({key: tuple(codes) for key, codes in index.items()})


def build_index(conditions: Mapping[str, ConditionFacts]) -> ConditionIndex:
    by_evidence: defaultdict[Item, list[str]] = defaultdict(list)
    by_region: defaultdict[str, list[str]] = defaultdict(list)
    by_root: defaultdict[str, list[str]] = defaultdict(list)
    by_nerve: defaultdict[str, list[str]] = defaultdict(list)
    by_category: defaultdict[vocabulary.ConditionCategory, list[str]] = defaultdict(list)
    causes = {code: condition for code, condition in conditions.items() if not condition.is_syndrome}
    always = {code for code, c in causes.items() if c.modifiers or c.upper_motor_neurone or c.confined_to_pain_map}
    always |= {code for c in conditions.values() for code in c.explained_by}
    prior_by_category: defaultdict[vocabulary.ConditionCategory, float] = defaultdict(float)
    for condition in causes.values():
        prior_by_category[condition.category] += condition.prior
    for code, condition in sorted(causes.items()):
        for item in condition.evidence:
            by_evidence[item].append(code)
        for region in condition.pain_regions:
            by_region[region].append(code)
        if condition.category in NEURAL_CATEGORIES:  # only their roots and nerves weigh deficits
            for root in condition.roots:
                by_root[root].append(code)
            for nerve in condition.nerves:
                by_nerve[nerve].append(code)
        by_category[condition.category].append(code)
    by_prior = {
        category: sorted(codes, key=lambda code: (-conditions[code].prior, code))
        for category, codes in by_category.items()
    }
    return ConditionIndex(
        by_evidence=frozen_index(by_evidence),
        by_region=frozen_index(by_region),
        by_root=frozen_index(by_root),
        by_nerve=frozen_index(by_nerve),
        by_prior=frozen_index(by_prior),
        always=frozenset(always),
        prior_total=sum(prior_by_category.values()),
        prior_by_category=frozen(dict(prior_by_category)),
        syndromes=tuple(
            (code, tuple(condition.explained_by))
            for code, condition in sorted(conditions.items())
            if condition.is_syndrome
        ),
    )


def build_conditions(rows: Rows) -> dict[str, ConditionFacts]:
    roots = grouped(rows["condition_roots"], "condition_code")
    nerves = grouped(rows["condition_nerves"], "condition_code")
    regions = grouped(rows["condition_regions"], "condition_code")
    symptoms = grouped(rows["condition_symptoms"], "condition_code")
    tests = grouped(rows["condition_tests"], "condition_code")
    treatments = grouped(rows["condition_treatments"], "condition_code")
    exercises = grouped(rows["condition_exercises"], "condition_code")
    modifiers = grouped(rows["condition_modifiers"], "condition_code")
    explained_by = explainers(rows)
    conditions: dict[str, ConditionFacts] = {}
    for row in rows["conditions"]:
        code = row["code"]
        evidence = {Item.symptom(r["symptom_code"]): accuracy(r) for r in symptoms[code]}
        evidence |= {Item.test(r["test_code"]): accuracy(r) for r in tests[code]}
        conditions[code] = ConditionFacts(
            code=code,
            name=row["name"],
            category=vocabulary.ConditionCategory(row["category"]),
            role=vocabulary.ConditionRole(row["role"] or vocabulary.ConditionRole.CAUSE),
            upper_motor_neurone=bool(row["upper_motor_neurone"]),
            prior=row["prior"],
            care_level=vocabulary.TriageLevel(row["care_level"]),
            roots=graded(roots[code], "root_code", vocabulary.Typicality, "typicality"),
            nerves=linked(nerves[code], "nerve_code"),
            pain_regions=graded(regions[code], "region_code", vocabulary.Typicality, "typicality"),
            evidence=frozen(evidence),
            modifiers=tuple(
                sorted(
                    (
                        Modifier(
                            vocabulary.ModifierKind(m["kind"]),
                            m["minimum"],
                            m["maximum"],
                            m["sex"],
                            m["likelihood_ratio"],
                            vocabulary.Provenance(m["provenance"]),
                        )
                        for m in modifiers[code]
                    ),
                    key=lambda m: (m.kind, m.minimum or 0, m.sex),
                )
            ),
            treatments=frozen(
                {
                    r["treatment_code"]: TreatmentLink(
                        vocabulary.Recommendation(r["recommendation"]),
                        r["evidence_note"],
                        bool(r["needs_neurological_deficit"]),
                    )
                    for r in treatments[code]
                }
            ),
            exercises=frozen(
                {
                    r["exercise_code"]: ExerciseLink(vocabulary.Suitability(r["suitability"]), r["reason"])
                    for r in exercises[code]
                }
            ),
            explained_by=tuple(sorted(explained_by.get(code, ()))),
            thresholds=thresholds(row),
            confined_to_pain_map=bool(row["confined_to_pain_map"]),
        )
    return conditions


def thresholds(row: Row) -> Thresholds:
    """A condition's curated thresholds, the engine's defaults where it has none."""
    curated = {name: row[name] for name in ("escalate_at", "leads_at", "guides_care_at", "invasive_care_at")}
    return Thresholds(**{name: value for name, value in curated.items() if value is not None})


EXPLAINING = frozenset({vocabulary.RelationKind.CAUSES, vocabulary.RelationKind.MAY_CAUSE})


def explainers(rows: Rows) -> dict[str, set[str]]:
    """For each syndrome, the causes that explain it, directly or through another syndrome they cause."""
    role = {
        row["code"]: vocabulary.ConditionRole(row["role"] or vocabulary.ConditionRole.CAUSE)
        for row in rows["conditions"]
    }
    into: defaultdict[str, set[str]] = defaultdict(set)
    for relation in rows["condition_relations"]:
        if relation["kind"] in EXPLAINING:
            into[relation["to_code"]].add(relation["from_code"])
    result: dict[str, set[str]] = {}
    for syndrome in (code for code, kind in role.items() if kind == vocabulary.ConditionRole.SYNDROME):
        found: set[str] = set()
        frontier = set(into[syndrome])
        while frontier:
            code = frontier.pop()
            if code in found or code == syndrome:
                continue
            found.add(code)
            if role.get(code) == vocabulary.ConditionRole.SYNDROME:
                frontier |= into[code]
        result[syndrome] = {code for code in found if role.get(code) == vocabulary.ConditionRole.CAUSE}
    return result


def accuracy(row: Row) -> Accuracy:
    return Accuracy(
        row["sensitivity"],
        row["specificity"],
        row["lr_positive"],
        row["lr_negative"],
        vocabulary.Provenance(row["provenance"]),
        row["absent_counts_after_days"],
    )


def build_roots(rows: Rows) -> dict[str, RootFacts]:
    dermatome = grouped(rows["dermatomes"], "root_code")
    myotome = grouped(rows["myotomes"], "root_code")
    reflexes = grouped(rows["reflex_roots"], "root_code")
    return {
        row["code"]: RootFacts(
            code=row["code"],
            name=row["name"],
            position=row["position"],
            dermatome=graded(dermatome[row["code"]], "region_code", vocabulary.Typicality, "typicality"),
            myotome=graded(myotome[row["code"]], "action_code", vocabulary.Contribution, "contribution"),
            reflexes=graded(reflexes[row["code"]], "reflex_code", vocabulary.Contribution, "contribution"),
        )
        for row in rows["nerve_roots"]
    }


def build_nerves(rows: Rows) -> dict[str, NerveFacts]:
    roots = grouped(rows["nerve_origins"], "nerve_code")
    sensory = grouped(rows["nerve_regions"], "nerve_code")
    motor = grouped(rows["nerve_actions"], "nerve_code")
    return {
        row["code"]: NerveFacts(
            code=row["code"],
            name=row["name"],
            roots=linked(roots[row["code"]], "root_code"),
            sensory_regions=linked(sensory[row["code"]], "region_code"),
            motor_actions=linked(motor[row["code"]], "action_code"),
        )
        for row in rows["nerves"]
    }


def build_red_flags(rows: Rows) -> tuple[RedFlagFacts, ...]:
    criteria: defaultdict[tuple[str, str], list[Row]] = defaultdict(list)
    for criterion in rows["criteria"]:
        criteria[(criterion["red_flag_code"], criterion["trigger_code"])].append(criterion)
    triggers = grouped(rows["triggers"], "red_flag_code")
    pointed = grouped(rows["red_flag_conditions"], "red_flag_code")
    flags = []
    for row in sorted(rows["red_flags"], key=lambda r: r["code"]):
        flag_triggers = tuple(
            Trigger(
                code=t["code"],
                description=t["description"],
                urgency=vocabulary.TriageLevel(t["urgency"] or row["urgency"]),
                criteria=tuple(
                    Criterion(vocabulary.CriterionKind(c["kind"]), criterion_target(c), c["number"], c["group"])
                    for c in sorted(criteria[(row["code"], t["code"])], key=lambda c: c["position"])
                ),
                group_minimum=t["group_minimum"] or 1,
                action=t["action"],
            )
            for t in sorted(triggers[row["code"]], key=lambda t: t["code"])
        )
        flags.append(
            RedFlagFacts(
                row["code"],
                row["name"],
                vocabulary.TriageLevel(row["urgency"]),
                tuple(sorted(link["condition_code"] for link in pointed[row["code"]])),
                flag_triggers,
            )
        )
    return tuple(flags)


CRITERION_TARGET = {
    vocabulary.CriterionKind.SYMPTOM_PRESENT: "symptom_code",
    vocabulary.CriterionKind.SYMPTOM_NOT_PRESENT: "symptom_code",
    vocabulary.CriterionKind.TEST_POSITIVE: "test_code",
    vocabulary.CriterionKind.SENSORY_CHANGE_IN_REGION: "region_code",
    vocabulary.CriterionKind.PAIN_IN_REGION: "region_code",
    vocabulary.CriterionKind.WEAKNESS: "action_code",
    vocabulary.CriterionKind.REFLEX_ABNORMAL: "reflex_code",
    vocabulary.CriterionKind.REFLEX_BRISK: "reflex_code",
}


def criterion_target(row: Row) -> str | None:
    """The code a criterion of this kind tests; other foreign keys on the row are ignored."""
    key = CRITERION_TARGET.get(row["kind"])
    target: str | None = row.get(key) if key else None
    return target
