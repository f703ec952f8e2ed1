#!/usr/bin/env bash
# Install the lowest versions pyproject.toml declares (every dependency and extra pinned to its lower
# bound) in a fresh virtual environment, then run the tests: the bounds are only true if this passes.
# Usage: bash scripts/min_versions.sh [venv directory, default .venv-min]
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-.venv-min}"
rm -rf "$venv"
python3 -m venv "$venv"
. "$venv/bin/activate"
python -m pip install --quiet --upgrade pip
pins=$(python - <<'PY'
import re, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
requirements = list(project["dependencies"])
for extra, items in project["optional-dependencies"].items():
    requirements += [r for r in items if not r.startswith("orbital-dc")]
pins = {}
for requirement in requirements:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)", requirement)
    if match:
        name, extras, version = match.groups()
        pins[name.lower()] = f"{name}{extras or ''}=={version}"
print(" ".join(sorted(pins.values())))
PY
)
echo "installing: $pins"
pip install --quiet $pins
pip install --quiet --no-deps .
pip list 2>/dev/null | grep -iE "^(numpy|scipy|astropy|matplotlib|sgp4|pymsis|pyerfa|pvlib|spacepy|pandas|pyarrow|dask|salib|itur|xarray|pytest|hypothesis) "
python -m pytest -q -p no:cacheprovider
