"""The body map: a front and a back view of the lower body, and where each body region is drawn on them."""

from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from conditions.geometry import validate_path
from conditions.vocabulary import BodySide

from .anatomy import BodyRegion
from .base import CodedEntity, Link, choice_constraint

PATH_HELP = (
    "SVG path data in the view's coordinates: closed polygons written with M, L, H, V and Z only, "
    "for example 'M10 20 L40 20 L40 60 Z'."
)


class BodyMapView(CodedEntity):
    """One view of the body map, front or back: its drawing's size and the outline of the lower body."""

    position = models.PositiveSmallIntegerField(default=0, help_text="Order of the views, left to right.")
    width = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)], help_text="Width of the drawing.")
    height = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)], help_text="Height of the drawing.")
    outline = models.TextField(
        validators=[validate_path], help_text=f"The outline of the lower body; the regions tile it. {PATH_HELP}"
    )

    history = HistoricalRecords()

    class Meta(CodedEntity.Meta):
        ordering = ["position", "code"]

    def mirror_x(self, x: float) -> float:
        """Where a point on one side of the body is drawn on the other: the drawing is symmetric."""
        return self.width - x


class RegionShapeManager(models.Manager):
    """Finds a region's shape by the region's code, the view's code and the side."""

    def get_by_natural_key(self, region_code, view_code, side):
        return self.get(region__code=region_code, view__code=view_code, side=side)


class RegionShape(Link):
    """Where a body region is drawn on one view of the body map, on one side of the body."""

    natural_key_fields = ("region", "view")

    region = models.ForeignKey(BodyRegion, on_delete=models.CASCADE, related_name="shapes")
    view = models.ForeignKey(BodyMapView, on_delete=models.CASCADE, related_name="shapes")
    side = models.CharField(
        max_length=5,
        choices=BodySide.choices(),
        help_text="The person's side: on the front view their right side is on the viewer's left.",
    )
    path = models.TextField(validators=[validate_path], help_text=PATH_HELP)

    objects: ClassVar[RegionShapeManager] = RegionShapeManager()

    class Meta:
        ordering = ["view__position", "region__position", "side"]
        constraints = [
            models.UniqueConstraint(fields=["region", "view", "side"], name="regionshape_unique"),
            choice_constraint("side", BodySide, "regionshape_side_valid"),
        ]

    def __str__(self):
        return f"{self.region.name} ({self.side}, {self.view.name})"

    def natural_key(self):
        return (self.region.code, self.view.code, self.side)
