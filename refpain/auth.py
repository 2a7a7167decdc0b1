"""Token sign-in for mobile apps: hashed tokens with an expiry (django-rest-knox), revocable by their owner."""

from django.contrib.auth import authenticate, get_user_model, user_logged_in, user_logged_out
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from knox.models import get_token_model
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from refpain.http.authentication import TokenAuthentication
from refpain.http.fields import StrictCharField
from refpain.http.openapi import ERROR_RESPONSES, ErrorSerializer
from refpain.http.parameters import QueryParametersMixin
from refpain.http.throttling import SignInRateThrottle, SignOutRateThrottle

User = get_user_model()
USERNAME_MAX_LENGTH: int = getattr(User._meta.get_field(User.USERNAME_FIELD), "max_length", 150)
# Far longer than any real password, short enough that hashing one costs nothing unusual.
PASSWORD_MAX_LENGTH = 4096


class SignInSerializer(serializers.Serializer):
    """A username and password, checked through Django's backends (and so counted by django-axes)."""

    username = StrictCharField(max_length=USERNAME_MAX_LENGTH)
    password = StrictCharField(
        max_length=PASSWORD_MAX_LENGTH, trim_whitespace=False, write_only=True, style={"input_type": "password"}
    )

    def validate(self, attrs):
        user = authenticate(request=self.context["request"], username=attrs["username"], password=attrs["password"])
        if user is None:
            raise serializers.ValidationError("Unable to sign in with these credentials.", code="authorization")
        return {"user": user}


class TokenView(QueryParametersMixin, APIView):
    """POST a username and password for a token that expires; DELETE with that token to revoke it."""

    def get_authenticators(self):
        # Signing in takes a password: a stale token an app still sends must not stop it signing in again.
        # The schema generator asks before it has a request; the token is what it should document.
        if self.request is not None and self.request.method == "POST":
            return []
        return [TokenAuthentication()]

    def get_permissions(self):
        return [IsAuthenticated()] if self.request.method == "DELETE" else [AllowAny()]

    def get_throttles(self):
        # Signing out must never fail for want of sign-in attempts: it has a budget of its own.
        return [SignOutRateThrottle()] if self.request.method == "DELETE" else [SignInRateThrottle()]

    @extend_schema(
        tags=["auth"],
        description="Sign in: a username and password for a token to send as 'Authorization: Token <token>' "
        "until its expiry.",
        request=SignInSerializer,
        examples=[
            OpenApiExample(
                "The account registered",
                value={"username": "app-user", "password": "correct horse battery"},
                request_only=True,
            ),
        ],
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField(), "expiry": serializers.DateTimeField()}),
            400: ERROR_RESPONSES[400],
            429: ERROR_RESPONSES[429],
        },
    )
    def post(self, request, *args, **kwargs):
        serializer = SignInSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        instance, token = get_token_model().objects.create(user=user)
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        response = Response({"token": token, "expiry": serializers.DateTimeField().to_representation(instance.expiry)})
        # The token is a credential: no cache, shared or private, may keep it.
        add_never_cache_headers(response)
        return response

    @extend_schema(
        tags=["auth"],
        description="Sign out: revoke the token this request is signed with.",
        request=None,
        responses={
            204: OpenApiResponse(description="The token is revoked."),
            401: OpenApiResponse(ErrorSerializer, description="No valid token sent."),
            429: ERROR_RESPONSES[429],
        },
    )
    def delete(self, request, *args, **kwargs):
        request.auth.delete()
        user_logged_out.send(sender=request.user.__class__, request=request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
