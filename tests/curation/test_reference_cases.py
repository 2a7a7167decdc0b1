"""The reference cases the review page runs are the test suite's vignettes, shipped with the product."""

import json
from pathlib import Path

from curation.reference_cases import CASES_FILE, reference_cases

VIGNETTES = Path(__file__).resolve().parents[1] / "data" / "vignettes"


def test_the_shipped_reference_cases_are_the_vignettes_exactly():
    shipped = json.loads(CASES_FILE.read_text())
    vignettes = {path.stem: json.loads(path.read_text()) for path in sorted(VIGNETTES.glob("*.json"))}
    assert shipped == vignettes, "The reference cases drifted from the vignettes: run bin/reference-cases"


def test_every_reference_case_reads_as_an_assessment_with_a_safe_minimum():
    cases = reference_cases()
    assert len(cases) == sum(len(json.loads(path.read_text())) for path in VIGNETTES.glob("*.json"))
    assert len({case.name for case in cases}) == len(cases)  # a case is named once, across the sets
    assert all(case.findings.age > 0 and case.min_triage for case in cases)


def test_the_product_never_reads_the_tests_directory():
    assert "tests" not in CASES_FILE.relative_to(Path(__file__).resolve().parents[2]).parts
