"""The production URLs plus the benchmark's baseline, /bench/baseline/<pk>/."""

from django.urls import path

from bench.views import baseline
from refpain.urls import handler400, handler403, handler404, handler500
from refpain.urls import urlpatterns as production_urlpatterns

urlpatterns = [
    *production_urlpatterns,
    path("bench/baseline/<int:pk>/", baseline, name="bench-baseline"),
]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
