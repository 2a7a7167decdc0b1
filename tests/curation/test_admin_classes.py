"""Every admin page is a plain class one can grep for: `class DermatomeAdmin` is written out in its module."""

import inspect
import sys

from django.contrib import admin


def test_every_registered_admin_is_a_class_written_out_in_its_module():
    for model, model_admin in admin.site._registry.items():
        admin_class = type(model_admin)
        source = inspect.getsource(sys.modules[admin_class.__module__])
        assert f"class {admin_class.__name__}(" in source, model._meta.label
