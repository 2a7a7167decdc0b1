"""The answer's sentences: one template per message key and language, and how a message becomes its text.

Every sentence of an answer (an evidence item, a triage reason, the advice, a safety note on a treatment) is a
`Message`: a stable key, its parameters (codes and numbers, never prose) and the text in the answer's language.
An app may show the text, or write its own from the key and the parameters. The English templates are here;
each other language's are in templates/<language>.json, complete (a test checks every key and placeholder).

The answer's `Wording` (its language, and the place whose emergency number and route to urgent care it names)
is set once per assessment or interview (`worded`), as a context variable: every stage writes sentences, and
passing the wording to each would thread it through all of them.
"""

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .places import place_of
from .types import Message, Params

ENGLISH = "en"

TEMPLATES: Mapping[str, str] = {
    # Evidence: why a condition is more or less likely.
    "evidence.symptom_present.more": "{finding}: this makes {condition} more likely.",
    "evidence.symptom_present.less": "{finding}: this makes {condition} less likely.",
    "evidence.symptom_absent.more": "You answered no to “{finding}”: this makes {condition} more likely.",
    "evidence.symptom_absent.less": "You answered no to “{finding}”: this makes {condition} less likely.",
    "evidence.test.more": "{finding}: {result}, which makes {condition} more likely.",
    "evidence.test.less": "{finding}: {result}, which makes {condition} less likely.",
    "evidence.pain_map.fits": "Pain in the {regions} fits the usual pattern of {condition}.",
    "evidence.pain_map.misfits": "Pain in the {regions} does not fit the usual pattern of {condition}.",
    "evidence.pain_map.outside": "{condition} hurts only in its own area, and pain in the {regions} lies outside it.",
    "evidence.deficit.fits": "The numbness, weakness or reflex changes found fit {condition}.",
    "evidence.deficit.misfits": "The numbness, weakness or reflex changes found do not fit {condition}.",
    "evidence.brisk_reflexes.more": "Brisk reflexes point to the spinal cord rather than a nerve root, so {condition} "
    "is more likely.",
    "evidence.brisk_reflexes.less": "Brisk reflexes point to the spinal cord rather than a nerve root, so {condition} "
    "is less likely.",
    "evidence.age.more": "At {age}, {condition} is more likely.",
    "evidence.age.less": "At {age}, {condition} is less likely.",
    "evidence.sex.more": "In {sex_plural}, {condition} is more likely.",
    "evidence.sex.less": "In {sex_plural}, {condition} is less likely.",
    "evidence.duration.more": "After {days} days of symptoms, {condition} is more likely.",
    "evidence.duration.less": "After {days} days of symptoms, {condition} is less likely.",
    # Triage: why the answer is at its level.
    "triage.red_flag": "Warning sign: {flag}.",
    "triage.weakness_or_reflex": "A weak muscle or a reduced reflex needs a clinician's examination.",
    "triage.numbness": "Numbness or tingling needs a clinician's examination.",
    "triage.finding.emergency": "{finding}: this needs emergency care.",
    "triage.finding.urgent": "{finding}: this needs a clinician today.",
    "triage.finding.routine": "{finding}: this needs a clinician's examination.",
    "triage.brisk_reflexes": "Brisk reflexes point to the spinal cord or brain rather than a nerve root.",
    "triage.long_standing": "Symptoms that have lasted six weeks or more should be looked at again by a clinician.",
    "triage.dangerous_cause": "{condition} is possible (about {percent}% likely) and must not be missed.",
    "triage.plausible_cause": "{condition} is possible (about {percent}% likely) and should be checked by a clinician.",
    "triage.leading_cause": "The most likely cause, {condition}, usually needs this.",
    "triage.treatment_needs": "{treatment}, suggested for {condition}, needs a clinician {when}.",
    "triage.nothing_higher": "Nothing you reported points to a need to see a clinician soon.",
    # Advice: what to do, at each level.
    "advice.emergency": "Go to an emergency department now, or call an ambulance ({emergency_number}). Do not wait to "
    "see if it settles.",
    "advice.urgent": "See a clinician today: {urgent_route}.",
    "advice.routine": "Book an appointment with a GP or physiotherapist for an examination in the next few weeks.",
    "advice.self_care": "This can usually be managed at home: keep active, use the advice and exercises below, and "
    "see a clinician if it is not improving after six weeks or if new symptoms appear.",
    # Safety notes that replace a treatment's reason for this person.
    "safety.anticoagulation_in_pregnancy": "If a clot is confirmed, heparin injections (low-molecular-weight "
    "heparin) are used in pregnancy, after giving birth and while breastfeeding; blood-thinning tablets are not.",
    # The interview: why a question is asked, and its answers.
    "question.warning_signs": "Have you noticed any of these? Answer each one.",
    "question.symptoms": "Are any of these true of your pain? Answer each one.",
    "question.numbness": "Is the skin numb or tingling in any of these places on the painful side? Answer each one.",
    "question.self_checks": "Try each of these on the painful side, and answer each one.",
    "question.tests": "Examine for each of these, and give each result.",
    "why.warning_signs": "Any of these could mean you need care sooner.",
    "why.red_flag": "Your answer could mean you need care sooner: it is a warning sign of {flag}.",
    "why.dangerous_cause": "Your answer could make {condition} likely enough to need a clinician soon.",
    "why.numbness": "Numbness or tingling here points to the {roots} nerve root.",
    "why.self_check": "Weakness here points to the {roots} nerve root.",
    "why.tells_apart": "Your answer helps tell {more} from {less}.",
    "why.safe_advice": "Your answer changes which treatments are safe for you.",
    "why.see_clinician": "If so, a clinician should look at it.",
    "why.leading_cause": "Your answer could make {condition} the likely cause.",
    "why.narrows_down": "Your answer helps narrow down the cause.",
    "answer.yes": "Yes",
    "answer.no": "No",
    "answer.not_sure": "Not sure",
    "answer.numb": "Yes, it is numb",
    "answer.tingling": "Yes, it tingles or has pins and needles",
    "answer.could_not_try": "I could not try",
    "answer.sensory_left": "Yes, on the left",
    "answer.sensory_right": "Yes, on the right",
    "answer.sensory_both": "Yes, on both sides",
    "answer.self_check_both_well": "Yes, with both legs",
    "answer.weak_left": "Not with the left leg",
    "answer.weak_right": "Not with the right leg",
    "answer.weak_both": "Not with either leg",
    "answer.positive": "Positive",
    "answer.negative": "Negative",
    "answer.not_done": "Not done",
    "answer.reflex_normal": "Normal",
    "answer.reflex_reduced": "Reduced",
    "answer.reflex_absent": "Absent",
    "answer.reflex_brisk": "Brisk",
    # Words the sentences are made of.
    "word.now": "now",
    "word.today": "today",
    "word.or": "or",
    "word.women": "women",
    "word.men": "men",
    "item.age": "Age",
    "item.sex": "Sex",
    "item.duration": "How long it has lasted",
    "item.pain_region": "Where the pain is",
    "item.deficit": "Numbness, weakness or reflex changes",
    "item.brisk_reflexes": "Brisk reflexes",
    # The disclaimer.
    "disclaimer": "refpain gives information, not a diagnosis. It cannot examine you and can be wrong. If you are "
    "worried, or your symptoms change or get worse, contact a clinician; in an emergency call {emergency_number} or "
    "go to an emergency department.",
}

TEMPLATES_DIR = Path(__file__).with_name("templates")


@cache
def templates_in(language: str) -> Mapping[str, str]:
    """Every template in a language: English's own, or the language's file (an unknown language: English)."""
    if language == ENGLISH:
        return TEMPLATES
    path = TEMPLATES_DIR / f"{language}.json"
    return {**TEMPLATES, **json.loads(path.read_text())} if path.exists() else TEMPLATES


def languages_with_templates() -> tuple[str, ...]:
    return (ENGLISH, *sorted(path.stem for path in TEMPLATES_DIR.glob("*.json")))


DEFAULT_COUNTRY = "GB"  # where a request names no country


@dataclass(frozen=True)
class Wording:
    """The language an answer is written in, and the place whose emergency number and urgent care it names."""

    language: str = ENGLISH
    place: Mapping[str, str] = field(default_factory=lambda: place_of(DEFAULT_COUNTRY).wording(ENGLISH))

    @classmethod
    def of(cls, language: str, country: str | None) -> "Wording":
        return cls(language, place_of(country or DEFAULT_COUNTRY).wording(language))

    @property
    def templates(self) -> Mapping[str, str]:
        return templates_in(self.language)


ENGLISH_AT_HOME = Wording()  # frozen: safe to share as the default
_wording: ContextVar[Wording] = ContextVar("wording", default=ENGLISH_AT_HOME)


@contextmanager
def worded(wording: Wording) -> Iterator[None]:
    """Write every message in this block in the wording given."""
    token = _wording.set(wording)
    try:
        yield
    finally:
        _wording.reset(token)


def in_sentence(name: str) -> str:
    """A name inside a sentence: lower-case first letter, unless its first word needs its capitals (FAIR, L5)."""
    first = name.split(" ", 1)[0]
    keeps_capitals = len(first) > 1 and (any(c.isupper() for c in first[1:]) or any(c.isdigit() for c in first))
    if keeps_capitals or not name:
        return name
    if _wording.get().language == "tr":  # Turkish has a dotted and a dotless i: I lowers to dotless, İ to i
        return {"I": "ı", "İ": "i"}.get(name[0], name[0].lower()) + name[1:]
    return name[:1].lower() + name[1:]


def word(key: str) -> str:
    """A word a sentence is made of (word.or, item.age), in the answer's language."""
    return _wording.get().templates[key]


def message(key: str, params: Params, shown: Mapping[str, str] | None = None) -> Message:
    """The message for a key: its params as given, and its text with each param shown by name where it has one.

    `shown` maps a param to how the text shows it (a condition's name for its code, say); the params stay
    codes and numbers, for an app to render itself.
    """
    wording = _wording.get()
    values = {**wording.place, **{name: "" if value is None else value for name, value in params.items()}}
    return Message(wording.templates[key].format(**{**values, **(shown or {})}), key, dict(params))
