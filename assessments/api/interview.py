"""POST /api/v1/interview/: the next question for what an app has gathered so far. Stateless; nothing is stored."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.examples import INTERVIEW_START
from assessments.api.reading import ASKED_KINDS, MAX_ASKED, plain_interview, validated_request
from assessments.api.serializers import (
    AssessmentRequestSerializer,
    ConditionResultSerializer,
    MessageSerializer,
    TriageSerializer,
)
from assessments.engine import AssessmentInput
from assessments.engine.interview import interview
from assessments.engine.items import Item
from assessments.snapshot import published_knowledge
from refpain.http.fields import StrictBooleanField, StrictCharField
from refpain.http.language import active_language
from refpain.http.openapi import ERROR_RESPONSES
from refpain.http.parameters import QueryParametersMixin
from refpain.http.throttling import ScopedThrottle


class InterviewItemField(StrictCharField):
    """An item an interview asks about, as its questions name it: symptoms.<code>, sensory_changes.<region>,
    weakness.<action>, tests.<code> or reflexes.<code>, with a code of the published knowledge."""

    default_error_messages = {
        **StrictCharField.default_error_messages,
        "not_an_item": "Name an item as a question does: symptoms.<code>, sensory_changes.<region>, "
        "weakness.<action>, tests.<code> or reflexes.<code>.",
        "unknown_code": "Unknown code in {item}.",
    }

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        try:
            item = Item.parse(text)
        except ValueError:
            self.fail("not_an_item")
        if item.kind not in ASKED_KINDS or not item.code:
            self.fail("not_an_item")
        if item.code not in self.context["knowledge"].codes[ASKED_KINDS[item.kind]]:
            self.fail("unknown_code", item=text[:80])
        return item


class InterviewRequestSerializer(AssessmentRequestSerializer):
    """An assessment request as gathered so far, with the items already asked and those the person skipped."""

    asked = serializers.ListField(
        child=InterviewItemField(),
        required=False,
        max_length=MAX_ASKED,
        help_text="Every item asked so far, answered yes or no (as each answer's `then` says), so that a no left "
        "out of the findings (no numbness there, a self-check done well) is remembered.",
    )
    skipped = serializers.ListField(
        child=InterviewItemField(),
        required=False,
        max_length=MAX_ASKED,
        help_text="The items the person could not answer (not sure, could not try, not done): never asked again.",
    )
    examiner = StrictBooleanField(
        required=False,
        default=False,
        help_text="true when a clinician examines the person: examination tests and reflexes are asked too.",
    )


class AnswerSerializer(serializers.Serializer):
    """One possible answer: what to show, and what to add to the next request when it is chosen."""

    value = serializers.JSONField(help_text="true, false, a kind or a result, or null for not sure.")
    text = serializers.CharField()
    message = serializers.CharField(help_text="The answer's message key, for an app that writes its own words.")
    record = serializers.DictField(
        allow_null=True,
        help_text="Merge into the request: a symptom's or test's entry, or a finding to append to its list; null "
        "when nothing is added.",
    )
    then = serializers.ChoiceField(
        ["asked", "skipped"], help_text="The list the question's item joins: `asked` or `skipped`."
    )


class QuestionItemSerializer(serializers.Serializer):
    """A question about one item, on its own or on a checklist."""

    item = serializers.CharField(allow_null=True, help_text="What it asks about, e.g. symptoms.fever.")
    kind = serializers.ChoiceField(["symptom", "sensory", "self_check", "test", "checklist"])
    code = serializers.CharField(allow_null=True)
    side = serializers.ChoiceField(
        ["left", "right", "both"], allow_null=True, help_text="For numbness and self-checks: the painful side."
    )
    text = serializers.CharField(help_text="The question in plain English, or an examiner's instruction.")
    answers = AnswerSerializer(many=True)
    why = MessageSerializer(help_text="What the answer helps to tell apart, in one sentence.")


class QuestionSerializer(QuestionItemSerializer):
    """The next question: one item, or a checklist of several (kind checklist) each answered on its own."""

    items = QuestionItemSerializer(many=True, help_text="A checklist's questions; empty for a single question.")


class InterviewResultSerializer(serializers.Serializer):
    """The next question (or none), whether to stop, and the assessment so far."""

    engine_version = serializers.CharField()
    knowledge_version = serializers.CharField()
    question = QuestionSerializer(allow_null=True)
    should_stop = serializers.BooleanField(
        help_text="true when no question is left worth asking, or at once when the answer so far is an emergency: "
        "post the findings to /api/v1/assessments/."
    )
    triage = TriageSerializer()
    conditions = ConditionResultSerializer(many=True, help_text="The first five conditions, as an assessment has them.")
    asked_for_safety = serializers.ListField(
        child=serializers.CharField(),
        help_text="The warning signs still unanswered that could raise the triage: they are asked first.",
    )


class InterviewView(QueryParametersMixin, APIView):
    """The next best question, safety first, for an app that asks one thing at a time."""

    permission_classes = [AllowAny]
    throttle_scope = "interview"
    # It stores nothing, so with the rate-limit store down it is served like a read: a person part-way
    # through an interview (perhaps about a warning sign) is not turned away.
    served_without_limiter = True

    def get_throttles(self):
        return [*super().get_throttles(), ScopedThrottle()]

    @extend_schema(
        tags=["assessments"],
        request=InterviewRequestSerializer,
        responses={200: InterviewResultSerializer, **ERROR_RESPONSES},
        description="Send what has been gathered so far (an assessment request, with `asked`, `skipped` and "
        "`examiner`); get the next question, with its answers and what each adds to the request, or "
        "`should_stop`. The warning signs that could raise the triage are asked first. Nothing is stored: when "
        "the interview stops, post the findings (without `asked`, `skipped` and `examiner`) to "
        "/api/v1/assessments/.",
        examples=[OpenApiExample("Where the interview starts", value=INTERVIEW_START, request_only=True)],
    )
    def post(self, request):
        knowledge = published_knowledge(active_language())
        gathered = validated_request(request.data, knowledge, plain_interview, InterviewRequestSerializer)
        skipped, examiner = gathered.pop("skipped", []), gathered.pop("examiner")
        gathered["asked"] = [str(item) for item in gathered.get("asked", [])]
        gathered.setdefault("country", settings.DEFAULT_COUNTRY)
        result = interview(AssessmentInput.from_dict(gathered), knowledge, skipped=skipped, examiner=examiner)
        # Plain JSON already, in the shape InterviewResultSerializer documents (a test holds them to it).
        return Response(result.to_dict())

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)  # what a person reports: never kept by a cache
        return response
