"""Sphinx configuration of the orbital documentation (build: python -m sphinx -W -b html docs docs/_build)."""

import os
import sys

sys.path.insert(0, os.path.abspath(".."))
os.environ.setdefault("MPLBACKEND", "Agg")

import orbital  # noqa: E402

project = "orbital"
author = "the orbital developers"
copyright = "2026, the orbital developers"
release = version = orbital.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
]
numpydoc_show_class_members = False
numpydoc_validation_checks = set()
autodoc_member_order = "bysource"
autodoc_typehints = "none"
suppress_warnings = ["autodoc.import_object"]
exclude_patterns = ["_build", "architecture.md", "gallery/README.txt"]
html_theme = "alabaster"
html_title = f"orbital {release}"

sphinx_gallery_conf = {
    "examples_dirs": "gallery",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/plot_",
    "download_all_examples": False,
    "remove_config_comments": True,
    "within_subsection_order": "FileNameSortKey",
}
