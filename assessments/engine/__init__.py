"""The assessment engine: a pure function from findings and a knowledge snapshot to a result.

No ORM and no requests here: the caller parses the input and supplies the snapshot. `assess()` (pipeline.py)
runs the stages in order; each is a module of its own.
"""

from .build import build_knowledge
from .knowledge import Knowledge
from .pipeline import assess
from .presentation import ENGINE_VERSION
from .types import AssessmentInput, AssessmentResult

__all__ = [
    "ENGINE_VERSION",
    "AssessmentInput",
    "AssessmentResult",
    "Knowledge",
    "assess",
    "build_knowledge",
]
