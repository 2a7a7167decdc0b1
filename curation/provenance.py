"""Provenance that stays true: a figure cited to a study changes only together with a new source that reports
the new figure, or by becoming a curator's estimate with a rationale.

Editing a study's figure in place would leave the citation vouching for a number the paper never reported.
The admin's forms name the field (curation/admin/forms.py) and the submission of a change request checks the
same rule (curation/services.py), so no path around the form publishes a silent edit.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.apps import apps

from conditions.vocabulary import Provenance


@dataclass(frozen=True)
class CitedFigures:
    """Figures of a record that one provenance covers, and the fields that say where they come from."""

    subject: str  # the figures in words: "the prior"
    figures: tuple[str, ...]
    provenance: str = "provenance"
    source: str = "source"
    rationale: str = "rationale"


ACCURACY = CitedFigures(
    "the accuracy figures",
    ("sensitivity", "specificity", "lr_positive", "lr_negative", "sample_size", "confidence_interval"),
)
# By model label: the figures of each kind of record that a study may vouch for. A modifier's band is part
# of its figure: the study reported the ratio for those ages, that sex or that duration.
CITED_FIGURES: dict[str, tuple[CitedFigures, ...]] = {
    "conditions.conditionsymptom": (ACCURACY,),
    "conditions.conditiontest": (ACCURACY,),
    "conditions.conditionmodifier": (
        CitedFigures("the likelihood ratio and its band", ("likelihood_ratio", "minimum", "maximum", "sex")),
    ),
    "conditions.condition": (
        CitedFigures("the prior", ("prior",), "prior_provenance", "prior_source", "prior_rationale"),
        CitedFigures(
            "the escalation threshold",
            ("escalate_at",),
            "escalate_at_provenance",
            "escalate_at_source",
            "escalate_at_rationale",
        ),
    ),
}


def cited_figures(model) -> tuple[CitedFigures, ...]:
    return CITED_FIGURES.get(model._meta.label_lower, ())


def silent_figure_changes(model, before: Mapping, after: Mapping) -> dict[str, str]:
    """Each study figure the change alters without a new source or an estimate, with a message naming it.

    `before` and `after` hold a record's field values by name, the source as any value that identifies it.
    """
    refused = {}
    for cited in cited_figures(model):
        if before.get(cited.provenance) != Provenance.STUDY.value:
            continue
        changed = [name for name in cited.figures if before.get(name) != after.get(name)]
        if not changed:
            continue
        source = after.get(cited.source)
        new_source = after.get(cited.provenance) == Provenance.STUDY.value and source not in (
            None,
            before.get(cited.source),
        )
        estimate = after.get(cited.provenance) == Provenance.CURATOR_ESTIMATE.value and bool(
            str(after.get(cited.rationale) or "").strip()
        )
        if new_source or estimate:
            continue
        for name in changed:
            refused[name] = refusal(model, name, cited)
    return refused


def refusal(model, name: str, cited: CitedFigures) -> str:
    label = model._meta.get_field(name).verbose_name
    label = label[:1].upper() + label[1:]
    return (
        f"{label} is cited to a study: changed on its own, the study would vouch for a figure it does not report. "
        f"Choose as “{model._meta.get_field(cited.source).verbose_name}” the study that reports the new figure, or "
        f"set “{model._meta.get_field(cited.provenance).verbose_name}” to curator estimate and give a rationale."
    )


def silent_changes_in(changes: list[dict]) -> list[str]:
    """The refusals for a change request's captured changes, each naming its record and field."""
    messages = []
    for change in changes:
        if change["action"] != "update":
            continue
        model = apps.get_model(change["model"])
        refused = silent_figure_changes(model, change["before"]["fields"], change["after"]["fields"])
        messages += [f"{change['label']}: {message}" for message in refused.values()]
    return messages
