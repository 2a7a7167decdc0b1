"""The project's OpenAPI schema class (DEFAULT_SCHEMA_CLASS): drf-spectacular's, with component names fixed.

A module of its own: DRF imports it while drf-spectacular's views are still loading.
"""

from drf_spectacular.openapi import AutoSchema


class ProjectAutoSchema(AutoSchema):
    """drf-spectacular's schema, naming components without a doubled suffix (for generated client classes)."""

    def get_serializer_name(self, serializer, direction):
        name = super().get_serializer_name(serializer, direction).removesuffix("Serializer")
        if name.endswith("Request"):
            # A serializer named for a request body: drf-spectacular appends "Request" to request bodies, so its
            # body is AssessmentRequest (not AssessmentRequestRequest), and echoed in a response it is the
            # AssessmentInput.
            stem = name.removesuffix("Request")
            return stem if direction == "request" else f"{stem}Input"
        return name

    def get_paginated_name(self, serializer_name):
        # A page of ConditionList records is a PaginatedConditionList, not a PaginatedConditionListList.
        return f"Paginated{serializer_name.removesuffix('List')}List"
