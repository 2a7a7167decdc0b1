"""The knowledge store's own admin page: the knowledge version (the curated records' pages are curation's)."""

from django.contrib import admin

from conditions.models import KnowledgeVersion


@admin.register(KnowledgeVersion)
class KnowledgeVersionAdmin(admin.ModelAdmin):
    """The current knowledge version (read-only)."""

    list_display = ("number", "changed_at")
    readonly_fields = ("number", "changed_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
