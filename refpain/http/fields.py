"""Strict JSON fields shared by the APIs: a value of the wrong JSON type, or a field not asked for, is a 400."""

from rest_framework import serializers


class StrictIntegerField(serializers.IntegerField):
    """An integer that must be sent as a JSON number, not a string or a boolean."""

    default_error_messages = {"invalid": "A whole number is required."}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(serializers.CharField):
    """Text that must be sent as a JSON string, not a number or a boolean turned into one."""

    default_error_messages = {"invalid": "Text is required: send a JSON string."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """A boolean that must be sent as JSON true or false."""

    default_error_messages = {"invalid": "Must be true or false."}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictSerializer(serializers.Serializer):
    """Rejects fields it does not know, so nothing unexpected (a name, say) is silently taken."""

    def to_internal_value(self, data):
        unexpected = sorted(set(data) - set(self.fields)) if isinstance(data, dict) else []
        errors = {
            key: [serializers.ErrorDetail("This field is not accepted.", code="unexpected_field")] for key in unexpected
        }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            raise serializers.ValidationError({**error.detail, **errors}) from error
        if errors:
            raise serializers.ValidationError(errors)
        return value
