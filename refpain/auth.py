"""Token sign-in for mobile apps, documented like every other endpoint."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken

from refpain.openapi import ERROR_RESPONSES
from refpain.throttling import SignInRateThrottle


class TokenView(ObtainAuthToken):
    """Exchange a username and password for an API token (send it as 'Authorization: Token <token>')."""

    throttle_classes = [SignInRateThrottle]

    @extend_schema(
        tags=["auth"],
        responses={200: inline_serializer("Token", {"token": serializers.CharField()}), **ERROR_RESPONSES},
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
