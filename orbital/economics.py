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
    with np.errstate(divide="ignore", invalid="ignore"):
        crf = np.where(r == 0.0, 1.0 / n, r / -np.expm1(-n * np.log1p(np.where(r == 0.0, 1.0, r))))
    return crf[()]


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
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(
            lam > 0,
            (np.exp(-lam * start) - np.exp(-lam * stop)) / (np.where(lam > 0, lam, 1.0) * weights),
            (stop - start) / weights,
        )
    return mean
