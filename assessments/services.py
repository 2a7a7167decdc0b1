"""Writes of stored assessments."""

from assessments.engine import AssessmentInput, Knowledge, assess
from assessments.models import Assessment


def assessment_create(*, data: dict, knowledge: Knowledge, owner=None) -> Assessment:
    """Run the engine on validated findings and store the input with its result."""
    result = assess(AssessmentInput.from_dict(data), knowledge).to_dict()
    return Assessment.objects.create(
        input=data,
        result=result,
        engine_version=result["engine_version"],
        knowledge_version=result["knowledge_version"],
        owner=owner,
    )
