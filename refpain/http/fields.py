"""Strict JSON fields shared by the APIs: a value of the wrong JSON type is a 400, never coerced."""

from rest_framework import serializers


class StrictIntegerField(serializers.IntegerField):
    """An integer that must be sent as a JSON number, not a string or a boolean."""

    default_error_messages = {"invalid": "A whole number is required."}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """A boolean that must be sent as JSON true or false."""

    default_error_messages = {"invalid": "Must be true or false."}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data
