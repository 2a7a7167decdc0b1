"""Query parameters: an API view takes the ones it declares; any other is a 400 naming it.

A view's parameters are, in one place, its filter set's filters, `search` and `ordering` when it
searches and orders, its paginator's `page` and `page_size`, and its own short list
(`query_parameters`); every view also takes the few any client may send (EVERYWHERE). A typo such as
`?nerve_roots=L5` is then a 400 that says so, where it used to filter nothing and answer everything.
"""

from difflib import get_close_matches

from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from refpain.http.language import LANGUAGE_PARAMETER

# Any client may send these to any endpoint: DRF's `format` (the API answers JSON whatever it says)
# and the page parameters (they change only the answers that are paginated).
EVERYWHERE = frozenset({"format", "page", "page_size", LANGUAGE_PARAMETER})


class QueryParametersMixin(APIView):
    """Answers a query parameter the view does not take with a 400 naming it and listing the ones it takes."""

    # The view's own parameters, beyond its filters, search, ordering and pagination.
    query_parameters: tuple[str, ...] = ()

    def answering_parameters(self) -> set[str]:
        """The query parameters that can change this view's answer."""
        parameters = set(self.query_parameters) | {LANGUAGE_PARAMETER}  # the answer's language
        if filterset_class := getattr(self, "filterset_class", None):
            parameters |= set(filterset_class.base_filters)
        if getattr(self, "search_fields", None):
            parameters.add(api_settings.SEARCH_PARAM)
        if getattr(self, "ordering_fields", None):
            parameters.add(api_settings.ORDERING_PARAM)
        if (paginator_class := getattr(self, "pagination_class", None)) and self.answers_a_list():
            parameters |= {paginator_class.page_query_param, paginator_class.page_size_query_param}
        return parameters - {None}

    def answers_a_list(self) -> bool:
        # A viewset's detail, create or delete is not paginated, so its page parameters change nothing.
        action_map = getattr(self, "action_map", None)  # a viewset's methods and their actions
        return action_map is None or action_map.get(str(self.request.method).lower()) == "list"

    def accepted_parameters(self) -> set[str]:
        return self.answering_parameters() | EVERYWHERE

    def unknown_parameters(self, query) -> list[str]:
        return sorted(set(query) - self.accepted_parameters())

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # a client not signed in or over its limit hears that first
        if unknown := self.unknown_parameters(request.query_params):
            raise exceptions.ValidationError({name: [self.unknown_parameter_error(name)] for name in unknown})

    def unknown_parameter_error(self, name: str) -> exceptions.ErrorDetail:
        accepted = sorted(self.accepted_parameters())
        close = get_close_matches(name, accepted, n=1)
        guess = f" Did you mean {close[0]}?" if close else ""
        message = f"This endpoint takes no query parameter {name}.{guess} It takes: {', '.join(accepted)}."
        return exceptions.ErrorDetail(message, code="unknown_parameter")
