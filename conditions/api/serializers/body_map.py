"""The body map: its views, the outline of each, and each region's shape on each side."""

from rest_framework import serializers

from conditions import models as m
from conditions.vocabulary import BodySide


class RegionShapeSerializer(serializers.Serializer):
    """One region drawn on one side of the body, on one view."""

    code = serializers.CharField(source="region.code", help_text="The body region's code.")
    name = serializers.CharField(source="region.name")
    side = serializers.ChoiceField(
        choices=BodySide.choices(),
        help_text="The person's side: on the front view their right side is drawn on the viewer's left.",
    )
    path = serializers.CharField(help_text="SVG path data (M, L, H, V and Z only) in the view's coordinates.")


class BodyMapViewSerializer(serializers.ModelSerializer):
    """A view of the lower body (front or back): its size, outline and the shapes that tile it."""

    outline = serializers.CharField(help_text="SVG path data of the outline of the lower body on this view.")
    regions = RegionShapeSerializer(source="shapes", many=True)

    class Meta:
        model = m.BodyMapView
        fields = ("code", "name", "summary", "width", "height", "outline", "regions")


class BodyMapSerializer(serializers.Serializer):
    """The whole body map: every view, each region's shape on each side."""

    views = BodyMapViewSerializer(many=True)
