"""Page-number pagination with a default and a maximum page size."""

from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination


class KnowledgePagination(PageNumberPagination):
    """Fifty records a page by default; clients may ask for up to two hundred."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        # A page size that is not a whole number from 1 up is a 400, not silently the default.
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isdigit() and int(raw) > 0):
            raise exceptions.ValidationError({self.page_size_query_param: ["Give a whole number from 1 to 200."]})
        return super().get_page_size(request)
