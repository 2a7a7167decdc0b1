"""The API's viewsets and the export serializer are plain classes, written out where a reader can find them."""

import inspect

import pytest

from conditions.api.urls import KNOWLEDGE_ROUTES
from conditions.api.views import EXPORT_SECTIONS, ExportSerializer


@pytest.mark.parametrize(("path", "viewset", "basename"), KNOWLEDGE_ROUTES, ids=[r[0] for r in KNOWLEDGE_ROUTES])
def test_every_route_is_served_by_a_class_written_out_in_the_source(path, viewset, basename):
    source = inspect.getsource(viewset)
    assert source.lstrip().startswith(("class ", "@")) and f"class {viewset.__name__}(" in source
    assert viewset.__doc__ and viewset.__doc__.count("\n") == 0


def test_the_export_serializer_is_written_out_with_one_field_per_section():
    assert f"class {ExportSerializer.__name__}(" in inspect.getsource(ExportSerializer)
    fields = ExportSerializer().fields
    assert list(fields) == ["knowledge_version", "generated_at", *EXPORT_SECTIONS]
    for name, (_, serializer) in EXPORT_SECTIONS.items():
        assert type(fields[name].child) is serializer, name
