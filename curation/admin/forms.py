"""Admin form fields and forms: lists edited one item per line, why a change is made, and the provenance rule."""

import re

from django import forms
from django.core.exceptions import ValidationError

from conditions import models as m
from curation.provenance import cited_figures, silent_figure_changes

ICD10_PATTERN = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")


def validate_icd10_code(code: str) -> None:
    """An ICD-10 code: a capital letter, two digits and, optionally, a dot and up to four more characters."""
    if not ICD10_PATTERN.match(code):
        raise ValidationError(
            f"“{code}” is not an ICD-10 code: write a capital letter, two digits and, if needed, a dot and up to "
            "four more letters or digits, for example M54.16."
        )


class LinesField(forms.Field):
    """A list of short texts, edited one per line in a textarea; blank lines are dropped and lines are trimmed."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, line_validators=(), **kwargs):
        self.line_validators = list(line_validators)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        # The stored list is shown one item per line; text a curator has just typed is shown as typed.
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        lines = value if isinstance(value, list | tuple) else str(value).splitlines()
        return [line.strip() for line in lines if str(line).strip()]

    def validate(self, value):
        super().validate(value)
        errors = []
        for line in value:
            for validator in self.line_validators:
                try:
                    validator(line)
                except ValidationError as error:
                    errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)

    def has_changed(self, initial, data):
        return self.to_python(initial) != self.to_python(data)


def field_values(instance) -> dict:
    """A record's stored field values by name; a reference as the primary key it holds."""
    return {field.name: field.value_from_object(instance) for field in instance._meta.concrete_fields}


class CitedFiguresForm(forms.ModelForm):
    """A record's form that refuses a silent change to a figure cited to a study, naming the field that changed."""

    def _post_clean(self):
        super()._post_clean()  # the model's own checks first: a figure out of range is named as that
        model = type(self.instance)
        if self.instance.pk is None or not cited_figures(model):
            return
        # Compared with the stored record, not the form's initial values: going back to an earlier version
        # starts the form from that version.
        stored = model._default_manager.filter(pk=self.instance.pk).first()
        if stored is None:
            return
        refused = silent_figure_changes(model, field_values(stored), field_values(self.instance))
        for name, message in refused.items():
            if name not in self.errors:
                self.add_error(name if name in self.fields else None, message)


class ReviewedForm(CitedFiguresForm):
    """A record's admin form, with why the change is made: every submission for review says why."""

    change_reason = forms.CharField(
        label="Why this change",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text="Required. The reviewer reads it first, and the record's history keeps it: which study reports "
        "the new figure, say, or why an estimate serves better than the study's figure.",
        error_messages={"required": "Say why you make this change: the reviewer reads it first."},
    )


class ConditionForm(ReviewedForm):
    """A condition, with its ICD-10 codes and synonyms as lists one per line."""

    icd10_codes = LinesField(
        label="ICD-10 codes",
        required=False,
        line_validators=[validate_icd10_code],
        help_text="One ICD-10-CM code per line, for example M54.16.",
    )
    synonyms = LinesField(
        required=False, help_text="Other names patients or clinicians use, one per line, for example slipped disc."
    )

    class Meta:
        model = m.Condition
        fields = (
            "code",
            "name",
            "summary",
            "note",
            "category",
            "role",
            "icd10_codes",
            "synonyms",
            "care_level",
            "upper_motor_neurone",
            "prior",
            "prior_provenance",
            "prior_source",
            "prior_rationale",
            "sources",
        )
        widgets = {"prior_rationale": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})}
