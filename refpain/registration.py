"""Sign-up for app users: an end-user account with a username and a password, never with staff rights."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from refpain.auth import PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH
from refpain.http.fields import StrictCharField, StrictSerializer
from refpain.http.openapi import ERROR_RESPONSES
from refpain.http.parameters import QueryParametersMixin
from refpain.http.throttling import SignInRateThrottle

User = get_user_model()


class UsernameTaken(Exception):
    """Another account already has the username."""


def account_register(*, username: str, password: str):
    """Create an app user's account: no staff or superuser rights, no clinician role."""
    try:
        with transaction.atomic():
            return User.objects.create_user(username=username, password=password)
    except IntegrityError as error:  # the same username registered a moment earlier
        raise UsernameTaken from error


class RegistrationSerializer(StrictSerializer):
    """A new app user's username and password: Django's username rules and password validators, nothing else."""

    username = StrictCharField(
        max_length=USERNAME_MAX_LENGTH,
        validators=[User.username_validator],
        help_text="Letters, digits and @ . + - _ only, up to 150 characters; unique.",
    )
    password = StrictCharField(
        max_length=PASSWORD_MAX_LENGTH,
        trim_whitespace=False,
        write_only=True,
        style={"input_type": "password"},
        help_text="At least 8 characters, not a common password, not all digits, not like the username.",
    )

    def validate_username(self, username: str) -> str:
        if User.objects.filter(username__iexact=username).exists():
            raise serializers.ValidationError("An account with this username already exists.", code="unique")
        return username

    def validate(self, attrs):
        try:
            validate_password(attrs["password"], User(username=attrs["username"]))
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                {"password": [serializers.ErrorDetail(e.messages[0], code=e.code) for e in error.error_list]}
            ) from error
        return attrs


class RegistrationView(QueryParametersMixin, APIView):
    """POST a username and password to create an app user's account; then sign in at auth/token/."""

    authentication_classes: list = []  # a stale token an app still sends must not stop it registering
    permission_classes = [AllowAny]
    # Counted with the sign-ins, per client address (SIGN_IN_RATE): one budget for password-bearing requests.
    throttle_classes = [SignInRateThrottle]

    @extend_schema(
        tags=["auth"],
        description="Create an app user's account (no staff rights), then sign in with it at "
        "POST /api/v1/auth/token/. The password must pass Django's validators: each failing one is listed "
        "under `password` with its code (`password_too_short`, `password_too_common`, "
        "`password_entirely_numeric`, `password_too_similar`). Counted with the sign-ins against SIGN_IN_RATE.",
        request=RegistrationSerializer,
        responses={201: RegistrationSerializer, 400: ERROR_RESPONSES[400], 429: ERROR_RESPONSES[429]},
        examples=[
            OpenApiExample(
                "A new account", value={"username": "app-user", "password": "correct horse battery"}, request_only=True
            ),
        ],
    )
    def post(self, request, *args, **kwargs):
        serializer = RegistrationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            user = account_register(**serializer.validated_data)
        except UsernameTaken as error:
            raise serializers.ValidationError(
                {"username": [serializers.ErrorDetail("An account with this username already exists.", "unique")]}
            ) from error
        return Response({"username": user.get_username()}, status=status.HTTP_201_CREATED)
