"""A stored assessment on the body map: where it hurts, numbness and tingling by side, and the root's dermatome."""

from conditions.pictures import Layer, Picture, on_both_sides

PAIN = "#d03b3b"
NUMBNESS = "#1f3a93"
TINGLING = "#7b3fb5"
DERMATOME = "#e8a33d"


def found_root_code(result: dict) -> str | None:
    """The nerve root the engine found: the first it lists, read from the stored result as it was stored."""
    roots = result.get("nerve_roots") or []
    return roots[0].get("code") if roots and isinstance(roots[0], dict) else None


def on_sides(findings) -> frozenset[tuple[str, str]]:
    """(region, side) pairs of findings on the left, the right or both sides."""
    pairs = set()
    for finding in findings:
        sides = ("left", "right") if finding.get("side") == "both" else (finding.get("side"),)
        pairs |= {(finding.get("region"), side) for side in sides}
    return frozenset(pairs)


def described(pairs: frozenset[tuple[str, str]], names: dict[str, str]) -> str:
    by_region: dict[str, list[str]] = {}
    for region, side in sorted(pairs):
        by_region.setdefault(region, []).append(side)
    parts = [
        f"{names.get(region, region)} ({'both sides' if len(sides) == 2 else sides[0]})"
        for region, sides in by_region.items()
    ]
    return ", ".join(parts) or "none"


def assessment_picture(assessment, root, names: dict[str, str]) -> Picture:
    """The picture of one assessment; `root` is the found root with its dermatome links, or None."""
    data = assessment.input
    sensory = data.get("sensory_changes") or []
    pain = on_sides(data.get("pain_regions") or [])
    numbness = on_sides(change for change in sensory if change.get("kind") == "numbness")
    tingling = on_sides(change for change in sensory if change.get("kind") == "tingling")
    layers = []
    dermatome_text = "The findings point to no nerve root."
    if root is not None:
        typical = [link.region.code for link in root.dermatome_links.all() if link.typicality == "typical"]
        layers.append(
            Layer(f"Usual {root.code} dermatome (the nerve root the findings point to)", "tint", DERMATOME,
                  on_both_sides(typical))
        )  # fmt: skip
        dermatome_text = (
            f"Tinted: the usual {root.code} dermatome, the nerve root the findings point to: "
            f"{', '.join(names.get(code, code) for code in typical) or 'none'}."
        )
    layers += [
        Layer("Pain", "solid", PAIN, pain),
        Layer("Numbness", "crossed", NUMBNESS, numbness),
        Layer("Tingling", "dotted", TINGLING, tingling),
    ]
    return Picture(
        heading="Where it hurts",
        title="Body map of this assessment: pain, numbness and tingling",
        description=(
            f"Front and back views of the lower body. Solid red: pain: {described(pain, names)}. "
            f"Cross-hatched: numbness: {described(numbness, names)}. "
            f"Dotted: tingling: {described(tingling, names)}. {dermatome_text}"
        ),
        layers=layers,
        id_prefix="assessment",
    )
