"""Earth view factors, IR and albedo loads."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from orbital import environment
from orbital.constants import R_EARTH


def test_nadir_facing_plate_rickman():
    # Rickman, NASA TFAWS (2014): nadir-facing plate F = (R/(R+h))²; exact formula, so 1e-12.
    for h in (400e3, 650e3, 35786e3):
        assert environment.earth_view_factor(h, 0.0) == pytest.approx((R_EARTH / (R_EARTH + h)) ** 2, rel=1e-12)


def test_plate_perpendicular_to_nadir_rickman():
    # Rickman (2014): F = [π - 2 asin x - sin(2 asin x)] / (2π), x = sqrt(1 - (R/(R+h))²).
    for h in (400e3, 650e3, 2000e3):
        x = np.sqrt(1 - (R_EARTH / (R_EARTH + h)) ** 2)
        rickman = (np.pi - 2 * np.arcsin(x) - np.sin(2 * np.arcsin(x))) / (2 * np.pi)
        assert environment.earth_view_factor(h, 90.0) == pytest.approx(rickman, rel=1e-12)


def _monte_carlo_view_factor(h, nadir_angle, n=400_000, seed=1):
    """Cosine-weighted rays from the plate; the view factor is the fraction that hits the Earth."""
    rng = np.random.default_rng(seed)
    u1, u2 = rng.random(n), rng.random(n)
    r, phi = np.sqrt(u1), 2 * np.pi * u2
    local = np.stack([r * np.cos(phi), r * np.sin(phi), np.sqrt(1 - u1)], axis=1)
    psi = np.radians(nadir_angle)
    normal = np.array([np.sin(psi), 0.0, -np.cos(psi)])  # nadir is -z
    t1 = np.array([np.cos(psi), 0.0, np.sin(psi)])
    rays = local[:, :1] * t1 + local[:, 1:2] * np.array([0.0, 1.0, 0.0]) + local[:, 2:] * normal
    p = np.array([0.0, 0.0, R_EARTH + h])
    b = rays @ p
    return np.mean((b < 0) & (b**2 - (p @ p - R_EARTH**2) > 0))


@pytest.mark.parametrize("nadir_angle", [20.0, 60.0, 85.0, 100.0, 130.0])
def test_tilted_plate_against_monte_carlo(nadir_angle):
    # Independent check of the tilted-plate closed form (Howell's catalog) by ray counting:
    # 400,000 rays give a binomial standard error ≤ 0.0008, so 0.003 is ~4 sigma.
    h = 650e3
    assert environment.earth_view_factor(h, nadir_angle) == pytest.approx(
        _monte_carlo_view_factor(h, nadir_angle), abs=0.003
    )


@given(
    st.floats(min_value=100e3, max_value=1e8),
    st.floats(min_value=0.0, max_value=179.0),
    st.floats(min_value=0.1, max_value=1.0),
)
def test_view_factor_is_bounded_and_falls_with_tilt(h, angle, delta):
    f = environment.earth_view_factor(h, angle)
    assert 0.0 <= f <= 1.0
    assert environment.earth_view_factor(h, min(angle + delta, 180.0)) <= f + 1e-12


def test_two_faces_of_a_plate_see_no_more_than_a_nadir_face():
    # The two faces of a thin plate split the Earth's disc between them: together they
    # can see no more of it than a face pointed straight at it.
    total = environment.earth_view_factor(650e3, 30.0) + environment.earth_view_factor(650e3, 150.0)
    assert total <= environment.earth_view_factor(650e3, 0.0) + 1e-12


def test_albedo_vanishes_on_the_night_side():
    q = environment.albedo_irradiance(1361.0, 0.8, np.array([-0.5, 0.0, 0.5, 1.0]))
    np.testing.assert_allclose(q, [0.0, 0.0, 0.3 * 1361 * 0.8 * 0.5, 0.3 * 1361 * 0.8])


def test_bad_environment_input():
    with pytest.raises(ValueError, match="nadir angle = 190 deg"):
        environment.earth_view_factor(650e3, 190.0)
    with pytest.raises(ValueError, match="albedo = 1.2"):
        environment.albedo_irradiance(1361.0, 0.5, 1.0, albedo=1.2)
