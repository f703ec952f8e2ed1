"""The documentation site builds with warnings as errors, its gallery executed (issue 21)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_docs_build_without_a_warning(tmp_path):
    # A copy of docs/ beside a copy of examples/gallery (the gallery's source), as in the repository.
    source = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", source, ignore=shutil.ignore_patterns("_build", "auto_examples"))
    shutil.copytree(ROOT / "examples" / "gallery", tmp_path / "examples" / "gallery")
    import os

    env = dict(os.environ, ORBITAL_TESTS=str(ROOT / "tests"))  # the validation page is written from the tests
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-E",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(source),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    html = tmp_path / "html"
    for page in ("index.html", "api.html", "physics/heavy_ions.html", "auto_examples/plot_trade_space.html"):
        assert (html / page).is_file(), page
    # The validation page lists the physics tests with what they check.
    validation = (html / "validation.html").read_text()
    assert validation.count("test_") > 100 and "CREME96" in validation and "Cauchy" in validation
    # Every gallery example ran and drew its figure.
    images = list((html / "_images").glob("sphx_glr_plot_*_001.png"))
    assert len(images) == len(list((ROOT / "examples" / "gallery").glob("plot_*.py")))
