"""The owner's rights: download everything stored about them, and erase their account with it."""

from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from privacy.api.serializers import AccountDataSerializer
from privacy.selectors import account_data
from privacy.services import AccountInCuration, account_erase
from refpain.http.openapi import SIGNED_IN_RESPONSES, ErrorSerializer
from refpain.http.parameters import QueryParametersMixin


class AccountDataView(QueryParametersMixin, APIView):
    """The signed-in user's account and all their stored assessments (input and result), as one document."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["account"],
        responses={200: AccountDataSerializer, **SIGNED_IN_RESPONSES},
        description="Everything stored about the signed-in user in one JSON document (not paginated): their "
        "account's fields and every assessment they made, with its input and result.",
    )
    def get(self, request):
        response = Response(account_data(user=request.user))
        add_never_cache_headers(response)  # health data: no shared or browser caching
        return response


class AccountView(QueryParametersMixin, APIView):
    """The signed-in user's account: DELETE erases it with its stored assessments and tokens."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["account"],
        request=None,
        responses={
            204: None,
            **SIGNED_IN_RESPONSES,
            403: OpenApiResponse(
                ErrorSerializer,
                description="A staff or clinician account (code `curator_account`): the curated knowledge's "
                "history names it, so an administrator handles it.",
            ),
        },
        description="Erase the signed-in user's account, their stored assessments and their API tokens.",
    )
    def delete(self, request):
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
