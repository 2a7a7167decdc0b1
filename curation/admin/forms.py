"""Admin form fields and forms: lists edited one item per line, and compact inline records."""

import re

from django import forms
from django.core.exceptions import ValidationError

from conditions import models as m

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


class ConditionForm(forms.ModelForm):
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


class CompactInlineForm(forms.ModelForm):
    """An inline record whose help texts are tooltips, so a list of many records is not the same help repeated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.help_text:
                field.widget.attrs["title"] = field.help_text
                field.help_text = ""
