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
exclude_patterns = ["_build", "architecture.md"]
html_theme = "alabaster"
html_title = f"orbital {release}"

sphinx_gallery_conf = {
    "examples_dirs": "../examples/gallery",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/plot_",
    "download_all_examples": False,
    "remove_config_comments": True,
    "within_subsection_order": "FileNameSortKey",
}


# --------------------------------------------------------------------------------------
# The validation page, written from the tests: each physics test names the published value it checks
# and why its tolerance is what it is (its docstring or its first comments), so the page cannot drift
# from what is checked.
# --------------------------------------------------------------------------------------

VALIDATED = {
    "test_sun_and_time.py": "Sun, time and frames",
    "test_orbit_geometry.py": "Orbit geometry",
    "test_propagation.py": "Propagation",
    "test_sunlight.py": "Sunlight and eclipses",
    "test_drag.py": "Drag and the atmosphere",
    "test_environment.py": "Earth infrared and albedo",
    "test_solar.py": "Solar arrays and batteries",
    "test_thermal.py": "Radiators",
    "test_radiation.py": "Radiation: trapped belts, dose, events",
    "test_heavy_ions.py": "Heavy ions, solar events, ground neutrons",
    "test_launch.py": "Launch",
    "test_downlink.py": "Links",
    "test_economics.py": "Economics",
    "test_published.py": "Published analyses reproduced",
}


def _test_notes(path):
    """(test name, what it checks) for each test function: its docstring, else its leading comments."""
    import ast

    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    notes = []
    for node in ast.parse(text).body:
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
            continue
        doc = ast.get_docstring(node)
        if not doc:
            comments = []
            k = node.lineno - 1
            while not lines[k].split("#")[0].rstrip().endswith(":"):  # to the end of the signature
                k += 1
            k += 1
            while k < len(lines) and lines[k].strip().startswith("#"):
                comments.append(lines[k].strip().lstrip("#").strip())
                k += 1
            doc = " ".join(comments)
        if doc:
            notes.append((node.name, " ".join(doc.split())))
    return notes


def _write_validation_page(app):
    from pathlib import Path

    tests = Path(os.environ.get("ORBITAL_TESTS", Path(__file__).resolve().parents[1] / "tests"))
    out = ["Validation", "==========", "",
           "Every physics test, with the published value it checks and its tolerance, as the test itself "
           "states it (this page is written from the test suite when the documentation is built).", ""]
    for name, title in VALIDATED.items():
        path = tests / name
        if not path.is_file():
            continue
        out += [title, "-" * len(title), ""]
        for test, note in _test_notes(path):
            out += [f"``{test}``", f"   {note.replace('*', chr(92) + '*').replace('|', chr(92) + '|').replace('`', '')}", ""]
    (Path(app.srcdir) / "validation.rst").write_text("\n".join(out) + "\n", encoding="utf-8")


def setup(app):
    app.connect("builder-inited", _write_validation_page)
