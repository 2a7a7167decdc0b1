"""Every admin page is a plain class one can grep for: `class DermatomeAdmin` is written out in its module."""

import inspect
import sys

from django.contrib import admin

from conditions import models as m


def test_every_registered_admin_is_a_class_written_out_in_its_module():
    for model, model_admin in admin.site._registry.items():
        admin_class = type(model_admin)
        source = inspect.getsource(sys.modules[admin_class.__module__])
        assert f"class {admin_class.__name__}(" in source, model._meta.label


def test_a_link_admin_lists_the_two_ends_of_the_link_then_its_own_columns(rf):
    request = rf.get("/")
    columns = {model: admin.site._registry[model].get_list_display(request) for model in (m.Dermatome, m.ConditionTest)}
    assert columns[m.Dermatome] == ("root", "region", "typicality")
    assert columns[m.ConditionTest] == ("condition", "test", "sensitivity", "specificity", "provenance")
    assert admin.site._registry[m.NerveMotorAction].get_list_display(request) == ("nerve", "action")
