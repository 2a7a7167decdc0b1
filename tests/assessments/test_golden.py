"""The engine's exact output on every vignette is pinned in golden files tied to ENGINE_VERSION."""

import json

import pytest

from assessments.engine import ENGINE_VERSION
from tests.assessments.golden import outputs, path_of
from tests.assessments.vignettes import SETS

REGENERATE = "run bin/golden and review the diff of tests/data/golden/"


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_the_golden_file_was_written_by_this_engine_version(set_name):
    stored = json.loads(path_of(set_name).read_text())
    assert stored["engine_version"] == ENGINE_VERSION, f"ENGINE_VERSION moved: {REGENERATE}"


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_every_vignette_gives_exactly_its_golden_output(set_name):
    stored = json.loads(path_of(set_name).read_text())["results"]
    now = outputs(set_name)["results"]
    assert sorted(now) == sorted(stored), f"the vignettes changed: {REGENERATE}"
    changed = [name for name in now if now[name] != stored[name]]
    assert not changed, f"{len(changed)} output(s) changed, first {changed[:3]}: {REGENERATE}"
