"""Page-number pagination with a default and a maximum page size; links in cached pages name no host."""

import re

from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

# ASCII digits only: str.isdigit() also takes '²' and other digits int() cannot read.
WHOLE_NUMBER = re.compile(r"[0-9]{1,4}")

# Where a cached page's links start, in place of the scheme and host of the request that built it
# ('.invalid' is reserved: never a real host). One cached page then serves every host name a client
# may send, and each answer gets its own request's origin back (with_request_origin).
PLACEHOLDER_ORIGIN = "http://origin.invalid"


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


class CachedPagePagination(KnowledgePagination):
    """KnowledgePagination whose links start at PLACEHOLDER_ORIGIN, for pages kept in a cache shared by all hosts."""

    def get_next_link(self):
        return self.placeholder_origin(super().get_next_link())

    def get_previous_link(self):
        return self.placeholder_origin(super().get_previous_link())

    def placeholder_origin(self, link: str | None) -> str | None:
        origin = request_origin(self.request)
        if link is None or not link.startswith(origin):
            return link
        return PLACEHOLDER_ORIGIN + link[len(origin) :]


def request_origin(request) -> str:
    """The scheme and host the request was sent to (its host already checked against ALLOWED_HOSTS)."""
    return request.build_absolute_uri("/")[:-1]


def with_request_origin(body: bytes, request) -> bytes:
    """A cached body with its links completed for this request's own scheme and host."""
    # Only a JSON string can start with an unescaped quote, so only links are touched.
    return body.replace(f'"{PLACEHOLDER_ORIGIN}/'.encode(), f'"{request_origin(request)}/'.encode())
