"""GET /api/v1/messages/: the templates every sentence of an answer is written from, in the answer's language."""

from django.conf import settings
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.engine.messages import templates_in
from refpain.http.language import active_language
from refpain.http.openapi import ERROR_RESPONSES
from refpain.http.parameters import QueryParametersMixin


class MessagesSerializer(serializers.Serializer):
    """Every message key with its template in one language."""

    language = serializers.CharField()
    templates = serializers.DictField(
        child=serializers.CharField(),
        help_text="Message key to template; each {name} is a param of the message (or the place's "
        "emergency_number and urgent_route).",
    )


class MessagesView(QueryParametersMixin, APIView):
    """The message templates, so that an app can write or translate an answer's sentences itself."""

    permission_classes = [AllowAny]

    @extend_schema(
        tags=["assessments"],
        responses={200: MessagesSerializer, **ERROR_RESPONSES},
        description="Every `message` key an answer may carry (evidence, triage reasons, advice, interview "
        "questions and answers, the disclaimer) with its template in the language asked for (Accept-Language or "
        "?lang=): an app fills the `{name}` slots from the message's `params`.",
    )
    def get(self, request):
        language = active_language()
        response = Response(MessagesSerializer({"language": language, "templates": templates_in(language)}).data)
        patch_cache_control(response, public=True, max_age=settings.KNOWLEDGE_CACHE_MAX_AGE)
        return response
