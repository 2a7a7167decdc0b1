"""The body map as data and as pictures: GET body-map/, a root's dermatome and a nerve's territory as SVG."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from conditions import models as m
from conditions import selectors
from conditions.api.caching import KnowledgeCacheMixin
from conditions.api.serializers import BodyMapSerializer
from conditions.pictures import dermatome_picture, draw_map, territory_picture
from refpain.http.openapi import ERROR_RESPONSES

SVG = "image/svg+xml"
SVG_RESPONSES: dict = {(200, SVG): OpenApiTypes.STR, **ERROR_RESPONSES}


class SVGRenderer(BaseRenderer):
    """Lets a client ask for image/svg+xml; the pictures are rendered before they reach it."""

    media_type = SVG
    format = "svg"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data.encode() if isinstance(data, str) else data


def svg_response(svg: str, **kwargs) -> HttpResponse:
    return HttpResponse(svg.encode(), content_type=f"{SVG}; charset=utf-8", **kwargs)


def errors_as_json(request, response) -> None:
    """An error answers in the usual JSON shape even to a client that asked for a picture."""
    if isinstance(response, Response) and response.status_code >= 400:
        request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type


class PictureResponses(APIView):
    """A picture on success; an error in the usual JSON shape, whatever the client asked for."""

    renderer_classes = [JSONRenderer, SVGRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        errors_as_json(request, response)
        return super().finalize_response(request, response, *args, **kwargs)


class BodyMapAPIView(KnowledgeCacheMixin, APIView):
    """The body map for apps to draw and tap: each view's outline and every region's shape on each side."""

    permission_classes = [AllowAny]

    @extend_schema(tags=["body map"], responses={200: BodyMapSerializer, **ERROR_RESPONSES})
    def get(self, request):
        if self.not_modified:
            return self.not_modified
        return self.cached_response(request, lambda: Response(BodyMapSerializer({"views": body_map()}).data))


def body_map() -> list[m.BodyMapView]:
    return list(selectors.body_map_views())


class KnowledgePictureView(KnowledgeCacheMixin, PictureResponses):
    """A picture of one knowledge record, cached and tagged like the record itself."""

    permission_classes = [AllowAny]
    model: type[m.NerveRoot] | type[m.Nerve]

    def get(self, request, code):
        if self.not_modified:
            if not self.is_cached(request) and not self.model.objects.filter(code=code).exists():
                raise NotFound()
            return self.not_modified
        return self.cached_response(request, lambda: svg_response(self.draw(code)))

    def draw(self, code: str) -> str:
        raise NotImplementedError


class DermatomePictureView(KnowledgePictureView):
    """A nerve root's dermatome on the body map: typical regions solid, variable ones hatched, the key point."""

    model = m.NerveRoot

    @extend_schema(
        tags=["pictures"],
        responses=SVG_RESPONSES,
        description="The root's dermatome on the front and back of the lower body, as SVG with a legend.",
    )
    def get(self, request, code):
        return super().get(request, code)

    def draw(self, code: str) -> str:
        root = selectors.nerve_root_picture().filter(code=code).first()
        if root is None:
            raise NotFound()
        return draw_map(body_map(), dermatome_picture(root))


class TerritoryPictureView(KnowledgePictureView):
    """A peripheral nerve's sensory territory on the body map."""

    model = m.Nerve

    @extend_schema(
        tags=["pictures"],
        responses=SVG_RESPONSES,
        description="The skin the nerve supplies, on the front and back of the lower body, as SVG with a legend.",
    )
    def get(self, request, code):
        return super().get(request, code)

    def draw(self, code: str) -> str:
        nerve = selectors.nerve_picture().filter(code=code).first()
        if nerve is None:
            raise NotFound()
        return draw_map(body_map(), territory_picture(nerve))
