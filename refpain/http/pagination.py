"""Page-number pagination with a default and a maximum page size."""

import re

from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

# ASCII digits only: str.isdigit() also takes '²' and other digits int() cannot read.
WHOLE_NUMBER = re.compile(r"[0-9]{1,4}")


class KnowledgePagination(PageNumberPagination):
    """Fifty records a page by default; clients may ask for one up to two hundred."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        # A page size that is not a whole number from 1 to the maximum is a 400, not silently another size.
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (WHOLE_NUMBER.fullmatch(raw) and 1 <= int(raw) <= self.max_page_size):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_query_param:
                parameter["description"] = "The page to answer, from 1; a page past the last is a 404."
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(maximum=self.max_page_size, default=self.page_size)
                parameter["description"] = (
                    f"Records per page, from 1 to {self.max_page_size} ({self.page_size} if left out); "
                    "any other value is a 400."
                )
        return parameters
