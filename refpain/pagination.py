"""Page-number pagination with a default and a maximum page size."""

from rest_framework.pagination import PageNumberPagination


class KnowledgePagination(PageNumberPagination):
    """Fifty records a page by default; clients may ask for up to two hundred."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
