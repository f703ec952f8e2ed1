"""The package version, the single source read by pyproject.toml (and cheap to import)."""

__version__ = "0.1.0"
