"""Every vignette as a simulated interview: start from age, sex, duration and the pain map only, answer each
question from the vignette's own findings (skipped when the vignette does not say), and compare the final state
with the vignette assessed in full.

Examination tests and reflexes are asked only in a vignette with an examiner's findings. Run as a module for the
table: python -m tests.assessments.interview_simulation
"""

import statistics
from dataclasses import dataclass

from assessments.engine import AssessmentInput, assess
from assessments.engine.interview import interview
from assessments.engine.items import Item, ItemKind
from conditions.vocabulary import TriageLevel
from tests.assessments.fixture_snapshot import fixture_knowledge
from tests.assessments.vignettes import SETS, Vignette

START = ("age", "sex", "duration_days", "pain_regions")
LIMIT = 40  # questions: a runaway interview fails the targets rather than the loop


@dataclass(frozen=True)
class Simulated:
    """One vignette's interview: how many questions, and the final state against the full input."""

    name: str
    questions: int
    first_three: bool  # an expected cause among the first three of the final state
    full_first_three: bool
    triage: str
    full_triage: str
    safety_asked: bool  # every question asked while an item could raise the triage was a safety question

    @property
    def below_full(self) -> bool:
        return TriageLevel(self.triage).rank < TriageLevel(self.full_triage).rank


def examined(case: Vignette) -> bool:
    return bool(case.request.get("tests") or case.request.get("reflexes"))


def answer(case: Vignette, item: Item, request: dict) -> bool:
    """Add the vignette's own answer to the request; False when the vignette does not say."""
    full = case.request
    code = item.code or ""
    if item.kind == ItemKind.SYMPTOM and code in full.get("symptoms", {}):
        request.setdefault("symptoms", {})[code] = full["symptoms"][code]
    elif item.kind == ItemKind.TEST and code in full.get("tests", {}):
        request.setdefault("tests", {})[code] = full["tests"][code]
    elif item.kind == ItemKind.SENSORY and any(f["region"] == code for f in full.get("sensory_changes", ())):
        request.setdefault("sensory_changes", []).extend(f for f in full["sensory_changes"] if f["region"] == code)
    elif item.kind == ItemKind.WEAKNESS and any(f["action"] == code for f in full.get("weakness", ())):
        request.setdefault("weakness", []).extend(f for f in full["weakness"] if f["action"] == code)
    elif item.kind == ItemKind.REFLEX and any(f["reflex"] == code for f in full.get("reflexes", ())):
        request.setdefault("reflexes", []).extend(f for f in full["reflexes"] if f["reflex"] == code)
    else:
        return False
    return True


def simulate(case: Vignette) -> Simulated:
    from tests.assessments.test_vignettes import answers  # the scoring of the vignette tests

    knowledge = fixture_knowledge()
    request = {key: case.request[key] for key in START if key in case.request}
    asked: list[str] = []
    skipped: list[Item] = []
    questions = 0
    safety_first = True
    while questions < LIMIT:
        step = interview(
            AssessmentInput.from_dict({**request, "asked": asked}), knowledge, skipped=skipped, examiner=examined(case)
        )
        if step.question is None:
            break
        questions += 1
        parts = step.question.items or (step.question,)
        safety_first &= not step.asked_for_safety or any(q.item in step.asked_for_safety for q in parts)
        for part in parts:
            item = Item.parse(part.item or "")
            if answer(case, item, request):
                asked.append(str(item))
            else:
                skipped.append(item)
    final = assess(AssessmentInput.from_dict(request), knowledge)
    full = assess(AssessmentInput.from_dict(case.request), knowledge)
    return Simulated(
        name=case.name,
        questions=questions,
        first_three=answers(final, case.expected)[1],
        full_first_three=answers(full, case.expected)[1],
        triage=final.triage.level,
        full_triage=full.triage.level,
        safety_asked=safety_first,
    )


def summary(results: list[Simulated]) -> dict[str, float]:
    counts = [r.questions for r in results]
    n = len(results)
    return {
        "cases": n,
        "median_questions": statistics.median(counts),
        "max_questions": max(counts),
        "first_three": sum(r.first_three for r in results) / n,
        "full_first_three": sum(r.full_first_three for r in results) / n,
        "triage_same_as_full": sum(r.triage == r.full_triage for r in results) / n,
        "below_full": sum(r.below_full for r in results),
    }


def main() -> None:
    print(
        "| set | cases | questions (median, max) | first three: interview / full input | triage as full | below full |"
    )
    print("|---|---|---|---|---|---|")
    for name, cases in SETS.items():
        s = summary([simulate(case) for case in cases])
        print(
            f"| {name} | {s['cases']} | {s['median_questions']:g}, {s['max_questions']} | "
            f"{s['first_three']:.0%} / {s['full_first_three']:.0%} | "
            f"{s['triage_same_as_full']:.0%} | {s['below_full']} |"
        )


if __name__ == "__main__":
    import django

    django.setup()
    main()
