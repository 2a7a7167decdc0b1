"""Search over names and codes, with a bound on how many words one query may have."""

from rest_framework import exceptions
from rest_framework.filters import SearchFilter

MAX_SEARCH_TERMS = 10


class BoundedSearchFilter(SearchFilter):
    """DRF's search; more than ten words is a 400, as every word adds a clause to the SQL."""

    def get_search_terms(self, request):
        terms = super().get_search_terms(request)
        if len(terms) > MAX_SEARCH_TERMS:
            raise exceptions.ValidationError(
                {self.search_param: [f"Search with at most {MAX_SEARCH_TERMS} words."]}, code="too_many_terms"
            )
        return terms

    def get_schema_operation_parameters(self, view):
        fields = ", ".join(field.lstrip("^=@$") for field in view.search_fields)
        return [
            {
                "name": self.search_param,
                "required": False,
                "in": "query",
                "description": f"Words to look for, at most {MAX_SEARCH_TERMS}, separated by spaces or commas: a "
                f"record matches when each word is found (ignoring case) in one of its {fields}.",
                "schema": {"type": "string"},
            }
        ]
