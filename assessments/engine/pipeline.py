"""assess(): a short pipeline of named stages over one draft, with formatting last."""

from collections.abc import Callable

from .differential import weigh
from .draft import Draft
from .knowledge import Knowledge
from .listing import shortlist
from .localisation import localise
from .messages import Wording, worded
from .presentation import present
from .recommendations import recommend
from .red_flags import select
from .safety import screen
from .triage import decide
from .types import AssessmentInput, AssessmentResult

Stage = Callable[[Draft, Knowledge], Draft]

STAGES: tuple[Stage, ...] = (
    select,  # the red flags that fire, and the causes they point to
    weigh,  # every cause's probability, with the factors that moved it
    shortlist,  # the conditions the answer shows, in order
    decide,  # the triage level and its reasons
    localise,  # the nerve roots and nerves the deficits implicate
    recommend,  # treatments and exercises, and what to avoid
    screen,  # the safety pass: care that fits the person and the triage
)


def assess(data: AssessmentInput, knowledge: Knowledge) -> AssessmentResult:
    """Triage, likely causes with their evidence, the roots and nerves involved, and what helps."""
    with worded(Wording.of(knowledge.language, data.country)):  # the snapshot's language, the person's country
        return present(conclude(data, knowledge), knowledge)


def conclude(data: AssessmentInput, knowledge: Knowledge) -> Draft:
    """Every stage but the last: the draft with exact figures, for the interview to reason on."""
    draft = Draft(data=data)
    for stage in STAGES:
        draft = stage(draft, knowledge)
    return draft
