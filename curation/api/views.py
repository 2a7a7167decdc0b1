"""GET /api/v1/versions/: every published knowledge version, newest first, with who approved it and what changed."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny

from conditions.api.caching import KnowledgeCacheMixin
from conditions.changes import published_versions
from curation.api.serializers import KnowledgeVersionSerializer
from curation.selectors import versions_with_changes
from refpain.http.openapi import ERROR_RESPONSES


class VersionListView(KnowledgeCacheMixin, generics.ListAPIView):
    """The knowledge versions, newest first: each with its time, approvals and the records it changed."""

    permission_classes = [AllowAny]
    serializer_class = KnowledgeVersionSerializer

    def get_queryset(self):
        return published_versions()

    @extend_schema(tags=["versions"], responses={200: KnowledgeVersionSerializer(many=True), **ERROR_RESPONSES})
    def get(self, request, *args, **kwargs):
        if self.not_modified:
            return self.not_modified
        return self.cached_response(request, lambda: self.list(request, *args, **kwargs))

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(versions_with_changes(page), many=True).data)
