"""The benchmark: an opt-in app (bench.settings) that production settings never import."""
