"""The knowledge's texts that are stored per language (django-modeltranslation).

Each field listed here gets a column per language in settings.LANGUAGES beside the original (`name_en`,
`name_tr`); the original keeps the English, the source. Reading `record.name` gives the active language's
text, or the English where there is none yet. Only what a person or a clinician reads is translated: codes,
figures and curators' notes are not.
"""

from django.conf import settings
from django.db.models import Field, Model
from django.utils.module_loading import import_string
from modeltranslation.translator import TranslationOptions, register

from conditions.models import (
    BodyRegion,
    ClinicalTest,
    Condition,
    ConditionExercise,
    ConditionTreatment,
    Exercise,
    MuscleAction,
    Nerve,
    NerveRoot,
    RedFlag,
    RedFlagTrigger,
    Reflex,
    Symptom,
    Treatment,
)

ENTITY = ("name", "summary")

# Per model, the fields translated: what the API shows a person or a clinician.
TRANSLATED: dict[type[Model], tuple[str, ...]] = {
    Condition: ENTITY,
    Symptom: (*ENTITY, "question"),
    BodyRegion: (*ENTITY, "sensory_question"),
    MuscleAction: (*ENTITY, "how_to_test", "self_check"),
    Reflex: (*ENTITY, "how_to_elicit"),
    ClinicalTest: (*ENTITY, "how_to_perform", "positive_finding"),
    RedFlag: ENTITY,
    RedFlagTrigger: ("description", "action"),
    Exercise: (*ENTITY, "instructions", "frequency", "cautions"),
    Treatment: ENTITY,
    ConditionTreatment: ("evidence_note",),  # why a treatment is suggested for a condition, shown with it
    ConditionExercise: ("reason",),  # why an exercise suits a condition, or why to avoid it
    NerveRoot: (*ENTITY, "key_sensory_point"),
    Nerve: ENTITY,
}

for model, translated in TRANSLATED.items():
    register(model)(type(f"{model.__name__}Translation", (TranslationOptions,), {"fields": translated}))

ENGLISH = "en"


def texts_of(model: type[Model]) -> tuple[str, ...]:
    """The translated texts of a kind of record; empty for a kind that has none."""
    return TRANSLATED.get(model, ())


def mirrors_of(model: type[Model]) -> set[str]:
    """The English columns modeltranslation adds, which mirror the original fields (the fixtures, the versions
    and the tables carry the original, once)."""
    return {f"{field}_{ENGLISH}" for field in texts_of(model)}


def translation_of(record, language: str) -> dict | None:
    """A record's texts in a language: the language, their status, and the texts that fall back to English."""
    texts = texts_of(type(record))
    if not texts:
        return None
    if language == ENGLISH:
        return {"language": ENGLISH, "status": "source", "fallback": []}
    fallback = [
        field
        for field in texts
        if getattr(record, f"{field}_{ENGLISH}", "") and not getattr(record, f"{field}_{language}", "")
    ]
    status = (getattr(record, "translation_status", None) or {}).get(language) or (
        "missing" if len(fallback) == len(texts) else "draft"
    )
    return {"language": language, "status": status, "fallback": fallback}


def give_history_the_translations() -> None:
    """Add each model's translation columns to its history, which simple_history built before they existed.

    modeltranslation adds its fields once the apps are ready, after simple_history has made the historical
    models from the fields declared; without these columns a translation's change would leave no history and
    the knowledge as it was at a version would have no translations.
    """
    for model in TRANSLATED:
        history = model.history.model  # type: ignore[attr-defined]  # added by simple_history
        present = {field.name for field in history._meta.fields}
        for field in model._meta.fields:
            if field.name in present or not hasattr(field, "translated_field"):
                continue
            _, path, args, kwargs = field.deconstruct()
            copy = import_string(path)(*args, **{**kwargs, "unique": False})
            copy.contribute_to_class(history, field.name)


def hide_the_mirrors() -> None:
    """The English columns are written through the original fields: no form edits them apart. Each
    translation's column says which language it holds (its original's help text is about the English)."""
    names = dict(settings.LANGUAGES)
    for model in TRANSLATED:
        for name in mirrors_of(model):
            model._meta.get_field(name).editable = False
        for text in texts_of(model):
            for code, language in names.items():
                field = model._meta.get_field(f"{text}_{code}")
                if code != ENGLISH and isinstance(field, Field):
                    field.help_text = f"The same text in {language} ({code})."


hide_the_mirrors()
give_history_the_translations()
