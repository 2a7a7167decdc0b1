"""Every sentence of every vignette's answer reads well: capitals where they belong, no internal notes, nothing
said that was not reported, and every message key has its template."""

import itertools
import re

import pytest

from assessments.engine.messages import TEMPLATES
from tests.assessments.engine_helpers import KNOWLEDGE, run
from tests.assessments.vignettes import SETS

CASES = [case for cases in SETS.values() for case in cases]
QUOTED = re.compile(r"“[^”]*”|\([^)]*\)")
INTERNAL = re.compile(r"knowledge v\d|clinical audit|Corrected in|curator", re.IGNORECASE)


def proper_words() -> set[str]:
    """Words the knowledge itself capitalises inside a name (Lasègue, DVT, Wells): they keep their capitals."""
    names = [*KNOWLEDGE.names.symptoms.values(), *KNOWLEDGE.names.tests.values(), *KNOWLEDGE.names.regions.values()]
    names += [c.name for c in KNOWLEDGE.conditions.values()] + list(KNOWLEDGE.names.treatments.values())
    words = set()
    for name in names:
        words |= {word.strip(",.:;()").removesuffix("'s") for word in name.split()[1:] if word[:1].isupper()}
        first = name.split()[0].strip(",.:;()")
        if len(first) > 1 and any(c.isupper() for c in first[1:]):
            words.add(first)
    return words | {"NHS", "GP", "NICE", "I"}


PROPER = proper_words()


def written(result) -> list[str]:
    """The sentences the engine writes from its templates."""
    texts = [result.triage.advice.text, *(r.text for r in result.triage.reasons)]
    return texts + [e.text for c in result.conditions for e in c.evidence]


def curated(result) -> list[str]:
    """The sentences that come from the knowledge as clinicians wrote them."""
    return [hit.action for hit in result.triage.red_flags] + [t.reason for t in result.recommendations.treatments]


def misplaced_capitals(text: str) -> list[str]:
    """Capitalised words inside a sentence that are not names the knowledge capitalises (or the text after a colon)."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", QUOTED.sub("", text)):
        words = sentence.replace(":", ": ").split()
        for previous, word in itertools.pairwise(words):
            bare = word.strip(",.:;!?").removesuffix("'s")
            acronym = len(bare) > 1 and (bare.isupper() or any(c.isupper() for c in bare[1:]) or bare[1:2] == "-")
            keeps = bare in PROPER or acronym
            if bare[:1].isupper() and not previous.endswith(":") and not keeps:
                found.append(bare)
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name[:60])
def test_every_sentence_of_the_answer_reads_well(case):
    result = run(case.request)
    for text in written(result):
        assert not misplaced_capitals(text), (text, misplaced_capitals(text))
    for text in written(result) + curated(result):
        assert (text[:1].isupper() or text[:1].isdigit()) and text.rstrip()[-1:] in ".)", text
        assert not INTERNAL.search(text), text
    if case.request.get("duration_days") is None:
        assert not any("six weeks or more" in r.text for r in result.triage.reasons)


def test_the_wording_check_would_catch_the_old_mistakes():
    assert misplaced_capitals("Not having A fall in the past few days makes vertebral fracture more likely.") == ["A"]
    assert misplaced_capitals("The most likely cause, Sacroiliac joint pain, usually needs this.") == ["Sacroiliac"]
    assert not misplaced_capitals("Straight leg raise (Lasègue) test: positive, which makes DVT less likely.")


def test_every_message_key_the_engine_can_use_has_a_template():
    used = set()
    for case in CASES:
        result = run(case.request)
        used |= {result.triage.advice.message, *(r.message for r in result.triage.reasons)}
        used |= {e.message for c in result.conditions for e in c.evidence}
    assert used <= set(TEMPLATES)
    assert len(used) >= 20  # the vignettes exercise most of them
