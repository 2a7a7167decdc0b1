"""Small helpers the test modules share (test modules never import each other)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.servers import free_port
from conditions import models as m

# The vocabulary's sections (tests/data/vocabulary.json) and the models that hold their codes.
VOCABULARY_MODELS = {
    "nerve_roots": m.NerveRoot,
    "body_regions": m.BodyRegion,
    "muscle_actions": m.MuscleAction,
    "reflexes": m.Reflex,
    "nerves": m.Nerve,
    "symptoms": m.Symptom,
    "clinical_tests": m.ClinicalTest,
    "conditions": m.Condition,
    "red_flags": m.RedFlag,
    "treatments": m.Treatment,
    "exercises": m.Exercise,
}


def codes(items: list[dict]) -> set[str]:
    """The codes of a list of API records."""
    return {item["code"] for item in items}


ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# The README and the guides in docs/: the documents whose examples are tested.
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]


def shell_blocks(text: str) -> list[str]:
    """A document's shell examples: fenced `sh` blocks and indented code blocks, as written."""
    lines = text.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].startswith("```sh"):
            end = lines.index("```", i + 1)
            blocks.append("\n".join(lines[i + 1 : end]))
            i = end + 1
        elif lines[i].startswith("    ") and (i == 0 or not lines[i - 1].strip()):
            end = i
            while end < len(lines) and lines[end].startswith("    "):
                end += 1
            blocks.append("\n".join(line[4:] for line in lines[i:end]))
            i = end
        else:
            i += 1
    return blocks


def documented_shell_blocks() -> list[str]:
    """The shell examples of the README and of every guide in docs/."""
    return [block for document in DOCUMENTS for block in shell_blocks(document.read_text())]


def gunicorn_start_up_log(settle: float = 0, **env: str) -> str:
    """gunicorn's log up to its first worker's boot (the app is loaded later, in the workers), and whatever
    the master logs in the next `settle` seconds and as it shuts down."""
    inherited = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    environment = {**inherited, "SECRET_KEY": "x", "BIND": f"127.0.0.1:{free_port()}", **env}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-c", "gunicorn.conf.py", "refpain.wsgi"]
    process = subprocess.Popen(command, cwd=README.parent, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert process.stderr is not None
    lines = []
    try:
        for line in process.stderr:
            lines.append(line)
            if "Booting worker" in line:
                break
        time.sleep(settle)
    finally:
        process.terminate()
        lines.extend(process.stderr)
        process.wait(timeout=30)
    return "".join(lines)


def posted_value(value):
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return "" if value is None else str(value)


def page_data(response) -> dict:
    """The change page's form as a browser would post it back unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            else:
                data[bound.html_name] = posted_value(value)
    return data
