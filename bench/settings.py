"""Production settings plus the benchmark: its app (the scale-data command) and its baseline URL."""

from refpain.settings import *  # noqa: F403
from refpain.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
