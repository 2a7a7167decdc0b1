"""Ordering of lists: by the fields a view names, and a field it does not name is a 400, not ignored."""

from rest_framework import exceptions
from rest_framework.filters import OrderingFilter


class StrictOrderingFilter(OrderingFilter):
    """DRF's ordering (`?ordering=name`, `-prior`, a comma list), refusing a field the view does not order by."""

    def remove_invalid_fields(self, queryset, fields, view, request):
        fields = [term for term in fields if term]
        valid = self.allowed_fields(view)
        unknown = [term for term in fields if term.removeprefix("-") not in valid]
        if unknown:
            message = (
                f"Order by {', '.join(valid)}, or one of them with a leading - to reverse it; not {', '.join(unknown)}."
            )
            raise exceptions.ValidationError({self.ordering_param: [message]}, code="invalid_choice")
        return fields

    @staticmethod
    def allowed_fields(view) -> list[str]:
        return [field if isinstance(field, str) else field[0] for field in view.ordering_fields]

    def get_schema_operation_parameters(self, view):
        fields = self.allowed_fields(view)
        term = rf"\s*(-?({'|'.join(fields)}))?\s*"  # DRF trims each term and skips empty ones
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": f"Order by {', '.join(fields)}; a leading - reverses a field, and a comma list "
                "orders by several in turn (e.g. -prior,name).",
                "schema": {"type": "string", "pattern": f"^{term}(,{term})*$"},
            }
        ]
