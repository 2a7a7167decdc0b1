"""Pictures of the body map as SVG: the front and back views side by side, regions marked in layers, a legend.

Pure drawing: it takes the body map's views (with their region shapes) and what to mark, and returns the
SVG text. Everything is drawn with presentation attributes (no <style> block), so a picture opened on its
own still obeys the site's Content-Security-Policy; every text that comes from the knowledge is escaped.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

SKIN = "#f5ede4"
BORDER = "#cbb8a6"
OUTLINE = "#7d6b5b"
INK = "#2d2a26"
MUTED = "#6b6259"

MARGIN = 24
GAP = 40
HEADING = 64  # room above the figures for the heading and the side labels
CAPTION = 34  # room below each figure for its caption
LEGEND_ROW = 26
FONT = "Helvetica, Arial, sans-serif"


class Shape(Protocol):
    """A region's shape on one view and side, as the body map stores it."""

    side: str
    path: str

    @property
    def region(self): ...


class View(Protocol):
    """A view of the body map, as the body map stores it."""

    code: str
    name: str
    width: int
    height: int
    outline: str

    @property
    def shapes(self): ...


@dataclass(frozen=True)
class Layer:
    """One kind of marking: its legend label, how it is drawn, and the (region code, side) pairs it covers.

    `style` is "solid" (a fill), "hatched" (diagonal lines), "dotted" (a dot pattern), "crossed" (cross
    hatching) or "tint" (a light fill under the others).
    """

    label: str
    style: str
    colour: str
    regions: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Marker:
    """A point marked on a view (a key sensory point), with its legend label."""

    view: str
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Picture:
    """What to draw: the heading, the screen-reader title and description, the layers and the markers."""

    heading: str
    title: str
    description: str
    layers: Sequence[Layer]
    markers: Sequence[Marker] = field(default_factory=tuple)
    id_prefix: str = "map"


def on_both_sides(codes: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Region codes marked on the left and the right side alike."""
    return frozenset((code, side) for code in codes for side in ("left", "right"))


def pattern(pattern_id: str, style: str, colour: str) -> str:
    if style == "hatched":
        body = f'<line x1="0" y1="0" x2="0" y2="7" stroke="{colour}" stroke-width="2.6"/>'
        return (
            f'<pattern id="{pattern_id}" width="7" height="7" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)">{body}</pattern>'
        )
    if style == "crossed":
        body = (
            f'<line x1="0" y1="0" x2="0" y2="8" stroke="{colour}" stroke-width="1.8"/>'
            f'<line x1="0" y1="0" x2="8" y2="0" stroke="{colour}" stroke-width="1.8"/>'
        )
        return (
            f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)">{body}</pattern>'
        )
    if style == "dotted":
        return (
            f'<pattern id="{pattern_id}" width="7" height="7" patternUnits="userSpaceOnUse">'
            f'<circle cx="3.5" cy="3.5" r="1.7" fill="{colour}"/></pattern>'
        )
    return ""


def paint(layer: Layer, pattern_id: str) -> str:
    """The fill attributes of a layer's shapes."""
    if layer.style == "solid":
        return f'fill="{layer.colour}" fill-opacity="0.82"'
    if layer.style == "tint":
        return f'fill="{layer.colour}" fill-opacity="0.5"'
    return f'fill="url(#{pattern_id})"'


def swatch(layer: Layer, pattern_id: str, x: float, y: float) -> str:
    base = f'<rect x="{x}" y="{y}" width="26" height="16" rx="2" fill="{SKIN}" stroke="{OUTLINE}" stroke-width="1"/>'
    mark = f'<rect x="{x}" y="{y}" width="26" height="16" rx="2" {paint(layer, pattern_id)}/>'
    return base + mark


def draw_map(views: Sequence[View], picture: Picture) -> str:
    """The picture as SVG text."""
    panel_width = max(view.width for view in views)
    panel_height = max(view.height for view in views)
    width = 2 * MARGIN + len(views) * panel_width + (len(views) - 1) * GAP
    legend_rows = len([layer for layer in picture.layers if layer.regions]) + len(picture.markers[:1])
    legend_rows = max(legend_rows, 1)
    legend_top = HEADING + panel_height + CAPTION + 10
    height = legend_top + legend_rows * LEGEND_ROW + MARGIN
    prefix = picture.id_prefix
    layers = [(layer, f"{prefix}-p{index}") for index, layer in enumerate(picture.layers)]

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}">',
        f'<title id="{prefix}-title">{escape(picture.title)}</title>',
        f'<desc id="{prefix}-desc">{escape(picture.description)}</desc>',
        "<defs>" + "".join(pattern(pid, layer.style, layer.colour) for layer, pid in layers) + "</defs>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="{MARGIN + 14}" font-size="20" font-weight="bold" fill="{INK}">'
        f"{escape(picture.heading)}</text>",
    ]
    for index, view in enumerate(views):
        left = MARGIN + index * (panel_width + GAP) + (panel_width - view.width) / 2
        parts.append(draw_view(view, left, layers, [m for m in picture.markers if m.view == view.code]))
    parts.append(draw_legend(picture, layers, legend_top))
    parts.append("</svg>")
    return "\n".join(parts)


def draw_view(view: View, left: float, layers, markers: Sequence[Marker]) -> str:
    shapes = list(view.shapes.all())
    parts = [f'<g transform="translate({left} {HEADING})">']
    parts.append(f'<path d={quoteattr(view.outline)} fill="{SKIN}"/>')
    for layer, pattern_id in layers:
        marked = [s for s in shapes if (s.region.code, s.side) in layer.regions]
        if marked:
            attributes = paint(layer, pattern_id)
            parts += [f"<path d={quoteattr(s.path)} {attributes}/>" for s in marked]
    for shape in shapes:  # the borders, over every layer, each with its name for hover and tap
        name = f"{shape.region.name} ({shape.side})"
        parts.append(
            f'<path d={quoteattr(shape.path)} fill="none" stroke="{BORDER}" stroke-width="0.8" '
            f'stroke-linejoin="round"><title>{escape(name)}</title></path>'
        )
    parts.append(
        f'<path d={quoteattr(view.outline)} fill="none" stroke="{OUTLINE}" stroke-width="1.6" stroke-linejoin="round"/>'
    )
    for marker in markers:
        parts.append(key_point(marker.x, marker.y))
        parts.append(key_point(view.width - marker.x, marker.y))
    right_x, left_x = (
        (view.width * 0.22, view.width * 0.78) if view.code == "front" else (view.width * 0.78, view.width * 0.22)
    )
    parts += [
        side_label("Right", right_x),
        side_label("Left", left_x),
        f'<text x="{view.width / 2}" y="{view.height + 24}" font-size="16" font-weight="bold" fill="{INK}" '
        f'text-anchor="middle">{escape(view.name)}</text>',
        "</g>",
    ]
    return "\n".join(parts)


def side_label(text: str, x: float) -> str:
    return f'<text x="{x}" y="8" font-size="13" fill="{MUTED}" text-anchor="middle">{text}</text>'


def key_point(x: float, y: float) -> str:
    return (
        f'<circle cx="{x:g}" cy="{y:g}" r="5.5" fill="#ffffff" stroke="{INK}" stroke-width="2"/>'
        f'<circle cx="{x:g}" cy="{y:g}" r="2" fill="{INK}"/>'
    )


def draw_legend(picture: Picture, layers, top: float) -> str:
    parts = []
    y = top
    for layer, pattern_id in layers:
        if not layer.regions:
            continue
        parts.append(swatch(layer, pattern_id, MARGIN, y))
        parts.append(f'<text x="{MARGIN + 36}" y="{y + 13}" font-size="14" fill="{INK}">{escape(layer.label)}</text>')
        y += LEGEND_ROW
    for marker in picture.markers[:1]:
        parts.append(key_point(MARGIN + 13, y + 8))
        parts.append(f'<text x="{MARGIN + 36}" y="{y + 13}" font-size="14" fill="{INK}">{escape(marker.label)}</text>')
        y += LEGEND_ROW
    if y == top:
        parts.append(f'<text x="{MARGIN}" y="{y + 13}" font-size="14" fill="{MUTED}">Nothing to mark.</text>')
    return "\n".join(parts)


DERMATOME = "#2b6cb0"
TERRITORY = "#2f855a"


def names(links) -> str:
    return ", ".join(link.region.name for link in links) or "none"


def dermatome_picture(root) -> Picture:
    """A nerve root's dermatome: typical regions solid, variable ones hatched, the key sensory point marked."""
    links = list(root.dermatome_links.all())
    typical = [link for link in links if link.typicality == "typical"]
    variable = [link for link in links if link.typicality != "typical"]
    markers = []
    point = ""
    if root.key_point_view is not None:
        label = f"Key sensory point: {root.key_sensory_point}" if root.key_sensory_point else "Key sensory point"
        markers.append(Marker(root.key_point_view.code, root.key_point_x, root.key_point_y, label))
        point = f" The key sensory point ({root.key_sensory_point or 'unnamed'}) is marked with a ringed dot."
    return Picture(
        heading=f"{root.code} dermatome",
        title=f"The {root.code} dermatome: the skin the {root.code} nerve root supplies",
        description=(
            f"Front and back views of the lower body, both sides. Solid: regions typically in the {root.code} "
            f"dermatome: {names(typical)}. Hatched: regions only some dermatome maps include: "
            f"{names(variable)}.{point}"
        ),
        layers=(
            Layer(
                f"Typically in the {root.code} dermatome",
                "solid",
                DERMATOME,
                on_both_sides(link.region.code for link in typical),
            ),
            Layer(
                "Only on some dermatome maps",
                "hatched",
                DERMATOME,
                on_both_sides(link.region.code for link in variable),
            ),
        ),
        markers=markers,
        id_prefix=f"dermatome-{root.code}",
    )


def territory_picture(nerve) -> Picture:
    """A peripheral nerve's sensory territory: the regions whose skin it supplies."""
    links = list(nerve.sensory_links.all())
    details = "; ".join(f"{link.region.name}" + (f" ({link.note})" if link.note else "") for link in links)
    return Picture(
        heading=f"{nerve.name}: sensory territory",
        title=f"The skin the {nerve.name.lower()} supplies",
        description=(
            f"Front and back views of the lower body, both sides. Shaded: the regions whose skin the "
            f"{nerve.name.lower()} supplies: {details or 'none'}."
        ),
        layers=(
            Layer(
                f"Skin the {nerve.name.lower()} supplies",
                "solid",
                TERRITORY,
                on_both_sides(link.region.code for link in links),
            ),
        ),
        id_prefix=f"territory-{nerve.code}",
    )
