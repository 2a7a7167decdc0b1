"""The benchmark's baseline: one row by primary key as JSON (TechEmpower's "single query" test)."""

from django.http import JsonResponse

from conditions.models import BodyRegion
from refpain.http.errors import error_body


def baseline(request, pk: int):
    """The least a database-backed JSON endpoint can do, through the same middleware as the API."""
    row = BodyRegion.objects.filter(pk=pk).values("id", "code", "name").first()
    if row is None:
        return JsonResponse(error_body(404, "not_found", "Not found."), status=404)
    return JsonResponse(row)
