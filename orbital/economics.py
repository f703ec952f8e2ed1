"""Money over a study's life: discounting, capital recovery, and the levelized cost of compute.

Kernels on floats and arrays (rates [-], lives [yr], money [USD], energy [J]) that broadcast over
design points; years run along the last axis.

- :func:`present_value_factors`: discount factors at the middle of each year of the study (a part
  year last), the convention for costs and energy that flow through a year;
- :func:`capital_recovery_factor` and :func:`study_share`: the share of an asset's price a study
  shorter (or longer) than the asset's life bears, as the ratio of the two capital recovery factors
  (an equivalent annuity over the asset's life, paid for the study's years);
- :func:`levelize`: present value of costs over present value of useful energy.
"""

from __future__ import annotations

import math

import numpy as np

from .errors import check_range

__all__ = [
    "capital_recovery_factor",
    "levelize",
    "present_value_factors",
    "study_share",
    "discounted_renewals",
    "renewals",
    "renewed_fraction_by_year",
    "replenishment_present_values",
    "spared_fraction_by_year",
    "unrepaired_fraction_by_year",
]


def present_value_factors(lifetime_years, rate):
    """Discount factors at the middle of each year of the study, the years' weights, and their midpoints.

    A study of 4.5 years has five years, the last weighing 0.5 and centred at 4.25. ``rate`` may be
    an array (design points): the factors then have its shape plus a last axis of years.

    Returns
    -------
    tuple of numpy.ndarray
        (factors (1 + r)^-t_mid, weights [yr], midpoints [yr]).
    """
    n = max(int(math.ceil(lifetime_years - 1e-9)), 1)
    weights = np.ones(n)
    weights[-1] = lifetime_years - (n - 1)
    mid = np.arange(n) + weights / 2.0
    return (1.0 + np.asarray(rate, dtype=float)[..., None]) ** -mid, weights, mid


def capital_recovery_factor(rate, years):
    """CRF = r / (1 − (1 + r)^−n): the annuity per unit of present value over n years [yr⁻¹] (1/n at r = 0).

    References
    ----------
    Short, Packey & Holt, "A Manual for the Economic Evaluation of Energy Efficiency and
    Renewable Energy Technologies", NREL/TP-462-5173 (1995), eq. 4-3.
    """
    r = np.asarray(check_range("discount rate", rate, -0.99, 10.0), dtype=float)
    n = np.asarray(check_range("years", years, 0.0, 1000.0, low_open=True), dtype=float)
    flat = np.abs(r) < 1e-200  # no interest, or too little to matter (subnormal products lose their digits)
    safe = np.where(flat, 1.0, r)
    return np.where(flat, 1.0 / n, safe / -np.expm1(-n * np.log1p(safe)))[()]


def study_share(rate, asset_life, study_life):
    """Share of an asset's price a study bears: CRF(r, asset life) / CRF(r, study life).

    An asset that outlives the study is charged the annuities of the study's years only (the rest
    is its residual value); one that wears out first is charged more than its price, its
    replacements. A 15-year asset in a 5-year study at 8 %: 0.1168 / 0.2505 = 0.466.
    """
    return (capital_recovery_factor(rate, asset_life) / capital_recovery_factor(rate, study_life))[()]


def levelize(cost, energy_per_year, accelerators, pflops, factor, weights):
    """PV of costs and the levelized cost of compute [USD/MWh], per accelerator-hour and per PFLOP-day.

    Parameters
    ----------
    cost : float or array_like
        Present value of all costs per MW of IT [USD].
    energy_per_year : array_like
        Useful IT energy per MW in each year of the study [J] (last axis).
    accelerators : float or array_like
        Accelerators per MW.
    pflops : float or array_like
        Dense BF16 PFLOPS per accelerator.
    factor, weights : numpy.ndarray
        From :func:`present_value_factors`.

    A design with no useful energy costs ∞ per MWh.
    """
    energy = np.sum(np.asarray(energy_per_year) * weights * factor, axis=-1)  # J, discounted
    useful_hours = energy / (1e6 * 3600.0)  # MW-hours of useful IT energy per MW
    cost = np.asarray(cost, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        lcoc = np.where(energy > 0, cost / useful_hours, np.inf)
    return {
        "lifetime_cost": cost[()],
        "lcoc": lcoc[()],
        "accelerator_hour": (lcoc / accelerators)[()],
        "pflop_day": (lcoc * 24.0 / (accelerators * pflops))[()],
    }


def unrepaired_fraction_by_year(failure_rate, end_of_life, weights):
    """Mean working fraction of an unrepaired fleet over each year of the study.

    Hardware fails at a constant rate λ and none is replaced; all of it stops at ``end_of_life``
    (the dose limit, say). Over year [a, b) the mean of e^(−λt) for t < T is
    (e^(−λa) − e^(−λ min(b, T))) / (λ (b − a)), 0 when T ≤ a: continuous in T and λ, with no
    whole-year steps.

    Parameters
    ----------
    failure_rate : float or array_like
        λ [yr⁻¹].
    end_of_life : float or array_like
        T [yr].
    weights : numpy.ndarray
        The years' lengths [yr] (:func:`present_value_factors`).

    Returns
    -------
    numpy.ndarray
        Shape of the broadcast inputs plus a last axis of years.
    """
    lam = np.asarray(check_range("failure rate", failure_rate, 0.0, np.inf, unit="1/yr"), dtype=float)[..., None]
    end = np.asarray(end_of_life, dtype=float)[..., None]
    start = np.cumsum(weights) - weights
    stop = np.minimum(start + weights, np.maximum(end, start))  # the part of each year before the end
    return _integral_exp(lam, start, stop) / weights


def _integral_exp(rate, a, b):
    """∫_a^b e^(−rate t) dt, element-wise, for b ≥ a (rate may be 0)."""
    # e^(−ra) (1 − e^(−r(b−a))) / r through expm1; a rate too small to matter (subnormal products
    # lose their digits) counts as 0.
    tiny = np.asarray(rate) < 1e-200
    r = np.where(tiny, 1.0, rate)
    return np.where(tiny, b - a, np.exp(-r * a) * -np.expm1(-r * (b - a)) / r)


def spared_fraction_by_year(hardware_rate, satellite_rate, spares_share, end_of_life, weights):
    """Mean working fraction over each year of a fleet that carries cold spares and is never repaired.

    Each satellite carries N / (1 − s) accelerators for N it can power, s the spares' share. As
    hardware fails at λ_h the spares come on line, so the satellite keeps full capacity until
    t* = ln(1 / (1 − s)) / λ_h and decays as e^(−λ_h t) / (1 − s) after; whole satellites fail at
    λ_s (taking their spares with them); everything stops at ``end_of_life``. With s = 0 this is
    :func:`unrepaired_fraction_by_year` at λ_h + λ_s.

    Parameters
    ----------
    hardware_rate, satellite_rate : float or array_like
        λ_h, λ_s [yr⁻¹].
    spares_share : float or array_like
        s in [0, 1).
    end_of_life : float or array_like
        [yr].
    weights : numpy.ndarray
        The years' lengths [yr].
    """
    lam_h = np.asarray(check_range("hardware failure rate", hardware_rate, 0.0, np.inf), dtype=float)[..., None]
    lam_s = np.asarray(check_range("satellite failure rate", satellite_rate, 0.0, np.inf), dtype=float)[..., None]
    s = np.asarray(check_range("spares share", spares_share, 0.0, 1.0, high_open=True), dtype=float)[..., None]
    end = np.asarray(end_of_life, dtype=float)[..., None]
    start = np.cumsum(weights) - weights
    stop = np.minimum(start + weights, np.maximum(end, start))
    with np.errstate(divide="ignore", over="ignore"):  # a vanishing rate: the spares never run out
        knee = np.where(lam_h > 0, -np.log1p(-s) / np.where(lam_h > 0, lam_h, 1.0), np.inf)
    full_until = np.clip(knee, start, stop)  # full capacity on [start, full_until), decay on [full_until, stop)
    full = _integral_exp(lam_s, start, full_until)
    decay = _integral_exp(lam_h + lam_s, full_until, stop) / (1.0 - s)
    return (full + decay) / weights


def renewals(period, horizon):
    """How many renewals at t = P, 2P, ... fall strictly before ``horizon`` [-] (0 when P ≥ horizon)."""
    p = np.asarray(check_range("renewal period", period, 0.0, np.inf, unit="yr", low_open=True), dtype=float)
    return np.maximum(np.ceil(np.asarray(horizon, dtype=float) / p - 1e-12) - 1.0, 0.0)[()]


def discounted_renewals(rate, period, count, decay=0.0):
    """Σ_{k=1}^{n} e^(−d k P) (1 + r)^(−k P): the present value of one unit spent at each renewal [-].

    ``decay`` d discounts each renewal by what has been lost for good by then (whole satellites that
    a servicer cannot bring back) [yr⁻¹]. A geometric series, closed form.
    """
    q = np.exp(-np.asarray(decay, dtype=float) * period) * (1.0 + np.asarray(rate, dtype=float)) ** -np.asarray(
        period, dtype=float
    )
    n = np.asarray(count, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        total = np.where(np.isclose(q, 1.0), n, q * -np.expm1(n * np.log(q)) / (1.0 - q))
    return total[()]


def replenishment_present_values(rate, period, dose_life, horizon):
    """Present values of one unit spent at each partial replenishment and at each whole-fleet relaunch [-].

    Partial launches fall at k P within each dose cycle [j T, (j+1) T); the fleet is launched again at
    j T (j ≥ 1) while j T < ``horizon``. With M whole relaunches, d = (1 + r)^(−T) and R(P, n) the
    discounted count of n renewals, the partial ones are R(P, n_T) (1 + R(T, M) − d^M) + d^M R(P, n_last),
    n_T the renewals in a whole cycle and n_last those in the last, cut by the horizon. The last
    relaunch is charged :func:`study_share` (r, T, u) of its price, u the years of it the study uses.
    """
    t = np.asarray(dose_life, dtype=float)
    # No dose limit (or none reached): no whole relaunch, one cycle as long as the study.
    finite = np.isfinite(t) & (t > 0)
    cycle = np.where(finite, t, 1.0)
    whole_count = np.where(finite, renewals(cycle, horizon), 0.0)
    d_m = (1.0 + np.asarray(rate, dtype=float)) ** -(whole_count * cycle)
    # The last relaunched fleet outlives the study: it bears the share of its price the study uses,
    # as the ground's long-lived assets do (an annuity over its life, paid for the years inside).
    used = np.asarray(horizon, dtype=float) - whole_count * cycle
    relaunched = whole_count > 0
    share = np.where(relaunched, study_share(rate, np.where(relaunched, cycle, 1.0), used), 0.0)
    relaunches = discounted_renewals(rate, cycle, whole_count)
    whole = relaunches - d_m * (1.0 - share) * relaunched
    in_cycle = renewals(period, np.where(finite, np.minimum(cycle, horizon), horizon))
    last = renewals(period, horizon - whole_count * cycle)
    partial = discounted_renewals(rate, period, in_cycle) * (1.0 + relaunches - d_m) + d_m * discounted_renewals(
        rate, period, last
    )
    return np.asarray(partial)[()], np.asarray(whole)[()]


def renewed_fraction_by_year(renewed_rate, lasting_rate, period, end_of_life, weights, relaunch=False):
    """Mean working fraction over each year of a fleet whose losses at ``renewed_rate`` are made good every
    ``period`` (replenishment launches, servicing visits) while those at ``lasting_rate`` stay lost.

    The working fraction is e^(−λ_l t) e^(−λ_r (t mod P)) until ``end_of_life`` (the dose limit), 0 after.
    Its integral from 0 is closed form: with n = ⌊t/P⌋ and J(x) = ∫_0^x e^(−(λ_l+λ_r)u) du,
    F(t) = J(P) (1 − qⁿ)/(1 − q) + qⁿ J(t − nP), q = e^(−λ_l P).
    With ``relaunch`` the whole fleet is launched again at each dose limit T and the pattern repeats:
    G(t) = m F(T) + F(t − mT), m = ⌊t/T⌋ (a fleet at its dose limit has fallen below any threshold).

    Parameters
    ----------
    renewed_rate, lasting_rate : float or array_like
        λ_r, λ_l [yr⁻¹].
    period : float or array_like
        P [yr].
    end_of_life : float or array_like
        [yr].
    weights : numpy.ndarray
        The years' lengths [yr].
    """
    lam_r = np.asarray(check_range("renewed failure rate", renewed_rate, 0.0, np.inf), dtype=float)[..., None]
    lam_l = np.asarray(check_range("lasting failure rate", lasting_rate, 0.0, np.inf), dtype=float)[..., None]
    p = np.asarray(check_range("renewal period", period, 0.0, np.inf, unit="yr", low_open=True), dtype=float)
    p = p[..., None]
    end = np.asarray(end_of_life, dtype=float)[..., None]
    start = np.cumsum(weights) - weights
    q = np.exp(-lam_l * p)

    def integral(t):
        n = np.floor(t / p)
        with np.errstate(divide="ignore", invalid="ignore"):
            cycles = np.where(np.isclose(q, 1.0), n, -np.expm1(n * np.log(q)) / (1.0 - q))
        return _integral_exp(lam_r + lam_l, 0.0, p) * cycles + q**n * _integral_exp(lam_r + lam_l, 0.0, t - n * p)

    if not relaunch:
        stop = np.minimum(start + weights, np.maximum(end, start))
        return (integral(stop) - integral(start)) / weights
    # A fleet with no dose limit (T infinite) never relaunches: m = 0 and F(T) is never needed.
    finite = np.isfinite(end) & (end > 0)
    cycle = np.where(finite, end, 1.0)

    def relaunched(t):
        m = np.where(finite, np.floor(t / cycle), 0.0)
        return m * integral(cycle) + integral(t - m * cycle)

    working = (relaunched(start + weights) - relaunched(start)) / weights
    return np.where(end > 0, working, 0.0)
