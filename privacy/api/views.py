"""The owner's rights: download everything stored about them, and erase their account with it."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.models import AuthToken
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, Throttled, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from privacy.api.serializers import AccountDataSerializer, AccountEraseSerializer
from privacy.download import json_with_streamed_list
from privacy.selectors import account_assessments, account_data
from privacy.services import AccountInCuration, account_erase
from refpain.http.openapi import SIGNED_IN_RESPONSES, ErrorSerializer
from refpain.http.parameters import QueryParametersMixin
from refpain.http.throttling import SignInRateThrottle


class AccountDataView(QueryParametersMixin, APIView):
    """The signed-in user's account, tokens, sign-in records and all their stored assessments, as one document."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["account"],
        responses={200: AccountDataSerializer, **SIGNED_IN_RESPONSES},
        description="Everything stored about the signed-in user in one JSON document (not paginated, streamed "
        "as it is read): their account's fields, their API tokens, the sign-in records kept under their "
        "username, and every assessment they made, with its input and result.",
    )
    def get(self, request):
        # Streamed: a user with thousands of assessments gets tens of megabytes, which a worker must never hold.
        document = json_with_streamed_list(
            account_data(user=request.user), "assessments", account_assessments(user=request.user)
        )
        response = StreamingHttpResponse(document, content_type="application/json")
        add_never_cache_headers(response)  # health data: no shared or browser caching
        return response


class AccountView(QueryParametersMixin, APIView):
    """The signed-in user's account: DELETE erases it with its stored assessments and tokens."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["account"],
        request=AccountEraseSerializer,
        responses={
            204: None,
            **SIGNED_IN_RESPONSES,
            400: OpenApiResponse(
                ErrorSerializer,
                description="No `password` (code `required`) when the token was not issued in the last few "
                "minutes, or the wrong one (code `incorrect`).",
            ),
            403: OpenApiResponse(
                ErrorSerializer,
                description="A staff or clinician account (code `curator_account`): the curated knowledge's "
                "history names it, so an administrator handles it.",
            ),
        },
        description="Erase the signed-in user's account, their stored assessments and their API tokens. Send "
        "the account's `password`, unless the token was issued in the last few minutes (a fresh sign-in).",
    )
    def delete(self, request):
        self.check_reauthenticated(request)
        try:
            account_erase(user=request.user)
        except AccountInCuration as error:
            raise PermissionDenied(
                "A staff or clinician account cannot be erased here: the curated knowledge's history names it. "
                "Ask an administrator.",
                code="curator_account",
            ) from error
        request.session.flush()  # a browser session ends with the account
        return Response(status=status.HTTP_204_NO_CONTENT)

    def check_reauthenticated(self, request) -> None:
        """Erasure cannot be undone: a token someone else got hold of must not be enough for it."""
        serializer = AccountEraseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        password = serializer.validated_data.get("password")
        if password is None:
            if not recently_signed_in(request.auth):
                minutes = settings.ERASURE_SIGN_IN_MINUTES
                message = f"Give your password, or sign in again: a token from the last {minutes} minutes is enough."
                raise ValidationError({"password": [serializers.ErrorDetail(message, code="required")]})
            return
        throttle = SignInRateThrottle()  # a password check: the sign-in budget of the address pays for it
        if not throttle.allow_request(request, self):
            raise Throttled(throttle.wait())
        if authenticate(request, username=request.user.get_username(), password=password) != request.user:
            message = "That is not this account's password."
            raise ValidationError({"password": [serializers.ErrorDetail(message, code="incorrect")]})


def recently_signed_in(auth) -> bool:
    """Whether the request's token was issued in the last ERASURE_SIGN_IN_MINUTES (a session never counts)."""
    if not isinstance(auth, AuthToken):
        return False
    return auth.created >= timezone.now() - timedelta(minutes=settings.ERASURE_SIGN_IN_MINUTES)
