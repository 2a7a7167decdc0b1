from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's baseline view and its scale-data command, installed only by bench.settings."""

    name = "bench"
    verbose_name = "Benchmark"
