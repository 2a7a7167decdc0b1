"""Body-map path data: the small subset of SVG path syntax the map uses, read into rings of points.

A region's shape is one or more closed polygons written with absolute commands only: `M x y` starts a
ring, `L x y` (or bare coordinate pairs after it), `H x` and `V y` draw straight edges, `Z` closes the
ring. Apps draw it as SVG; the tests read it as polygons to check that the regions tile each view.
"""

import re

from django.core.exceptions import ValidationError

TOKEN = re.compile(r"[MLHVZ]|-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
ALLOWED = re.compile(r"[MLHVZ0-9.,\s-]*")

Ring = list[tuple[float, float]]


def parse_path(path: str) -> list[Ring]:
    """The closed rings of a path, each a list of (x, y) points; ValueError on anything else."""
    if not ALLOWED.fullmatch(path):
        raise ValueError("Use only the commands M, L, H, V and Z with numbers.")
    tokens = TOKEN.findall(path)
    rings: list[Ring] = []
    ring: Ring | None = None
    command = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in "MLHVZ":
            command, i = token, i + 1
            if command == "M":
                ring = []
                rings.append(ring)
            elif command == "Z":
                if not ring or len(ring) < 3:
                    raise ValueError("A ring needs at least three points before Z.")
                ring = None
            continue
        if ring is None:
            raise ValueError("Start each ring with M, and give numbers only after a command.")
        numbers = 1 if command in "HV" else 2
        operands = tokens[i : i + numbers]
        if len(operands) < numbers or any(operand in "MLHVZ" for operand in operands):
            raise ValueError("A command is missing a coordinate.")
        if command in "HV" and not ring:
            raise ValueError("H and V need a point before them.")
        values = [float(operand) for operand in operands]
        if command == "H":
            point = (values[0], ring[-1][1])
        elif command == "V":
            point = (ring[-1][0], values[0])
        else:
            point = (values[0], values[1])
        ring.append(point)
        i += numbers
    if not rings or ring is not None:
        raise ValueError("Close every ring with Z.")
    return rings


def validate_path(path: str) -> None:
    """A model validator: the path must be closed polygons the body map can draw and test."""
    try:
        parse_path(path)
    except ValueError as error:
        raise ValidationError(f"Not a body-map path: {error}", code="invalid_path") from error
