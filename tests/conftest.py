"""Shared fixtures: orbits and a year of sunlight computed once per test session."""

import pytest

from orbital import Orbit


@pytest.fixture(scope="session")
def dawn_dusk_650():
    """Suncatcher's orbit: 650 km dawn-dusk SSO (arXiv:2511.19468 §2)."""
    return Orbit.sun_synchronous("650 km", ltan="18:00", epoch="2026-01-01")


@pytest.fixture(scope="session")
def dawn_dusk_650_year(dawn_dusk_650):
    return dawn_dusk_650.sunlight(days=365, step=30, shadow="cylindrical").summary()


@pytest.fixture(scope="session")
def dawn_dusk_650_year_conical(dawn_dusk_650):
    return dawn_dusk_650.sunlight(days=365, step=30, shadow="conical").summary()


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Keep the radiation disk cache of a test session in a temporary directory."""
    import os

    path = tmp_path_factory.mktemp("orbital-cache")
    saved = os.environ.get("ORBITAL_CACHE_DIR")
    os.environ["ORBITAL_CACHE_DIR"] = str(path)
    yield path
    if saved is None:
        os.environ.pop("ORBITAL_CACHE_DIR", None)
    else:
        os.environ["ORBITAL_CACHE_DIR"] = saved
