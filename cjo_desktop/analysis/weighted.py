"""Journey-wide CSAT and CES: per-touchpoint values combined with importance weights.

Weighted CES/CSAT weigh each touchpoint by how much its task matters (checkout more than a
newsletter sign-up); the weights are the user's. The combined value is
sum(w_i * v_i) / sum(w_i), and since touchpoints are independent samples its standard error is
se_w = sqrt(sum(w_i^2 * se_i^2)) / sum(w_i); the interval is value +- 1.96 * se_w (normal:
the combined n is large whenever an interval is worth reading).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from cjo_desktop.analysis.stats import Z95, Z95_ROUNDED, t_quantile
from cjo_desktop.domain.metrics import MetricValue

K = TypeVar("K", bound=Hashable)


def _mean_se(mv: MetricValue, n: int) -> float | None:
    """sd / sqrt(n), from the sd in ``detail`` or else back from a t interval."""
    sd = mv.detail.get("sd")
    if sd is not None:
        return sd / math.sqrt(n)
    if mv.ci_low is not None and mv.ci_high is not None and n >= 2:
        return (mv.ci_high - mv.ci_low) / (2.0 * t_quantile(0.975, n - 1))
    return None


def _share_se(mv: MetricValue, n: int) -> float | None:
    """Half the width of the share's (Wilson) interval / 1.95996, else sqrt(p(1 - p) / n), in
    percent points for a value given in percent."""
    if mv.ci_low is not None and mv.ci_high is not None:
        return (mv.ci_high - mv.ci_low) / (2.0 * Z95)
    assert mv.value is not None
    p = min(max(mv.value / 100.0, 0.0), 1.0)
    return 100.0 * math.sqrt(p * (1.0 - p) / n)


def _weighted(
    values: Mapping[K, MetricValue],
    weights: Mapping[K, float],
    se_of: Callable[[MetricValue, int], float | None],
    z: float,
    bounds: tuple[float, float] | None,
) -> MetricValue:
    total_w = total_wv = var_sum = 0.0
    n_total, used = 0, 0
    se_known = True
    for key, mv in values.items():
        w = float(weights.get(key, 1.0))
        if not math.isfinite(w) or w < 0:
            raise ValueError(f"weights must be finite and non-negative, got {w} for {key!r}")
        if mv.value is None or mv.n is None or mv.n <= 0 or w == 0:
            continue
        total_w += w
        total_wv += w * mv.value
        n_total += mv.n
        used += 1
        se = se_of(mv, mv.n)
        if se is None:
            se_known = False
        else:
            var_sum += w * w * se * se
    if used == 0:
        return MetricValue(None, 0)
    value = total_wv / total_w
    detail = {"weight_total": total_w, "touchpoints": float(used)}
    if not se_known:
        return MetricValue(value, n_total, None, None, detail)
    se_w = math.sqrt(var_sum) / total_w
    detail["se"] = se_w
    low, high = value - z * se_w, value + z * se_w
    if bounds is not None:
        low, high = max(bounds[0], low), min(bounds[1], high)
    return MetricValue(value, n_total, low, high, detail)


def weighted_mean(
    values: Mapping[K, MetricValue], weights: Mapping[K, float], z: float = Z95_ROUNDED
) -> MetricValue:
    """The weighted mean of per-touchpoint means (``csat_mean`` or ``ces_mean``).

    Keys without a weight weigh 1; a weight of 0 leaves a touchpoint out; values without a
    number (n == 0) are skipped. n is the total number of responses behind the included values.
    Each se_i = sd_i / sqrt(n_i) (sd from ``detail``, else recovered from the t interval); if
    any included touchpoint has no standard error (a single response) the interval is None,
    since its uncertainty is unknown rather than zero. ``detail`` holds the weight total, the
    number of touchpoints and se_w.
    """
    return _weighted(values, weights, _mean_se, z, None)


def weighted_share(
    values: Mapping[K, MetricValue], weights: Mapping[K, float], z: float = Z95_ROUNDED
) -> MetricValue:
    """The weighted share of per-touchpoint shares in percent (``csat_top2``).

    As :func:`weighted_mean`, with the interval clipped to [0, 100]. Each se_i is taken from
    the touchpoint's 95% Wilson interval as half its width / 1.95996; for large n that is the
    familiar sqrt(p(1 - p) / n), and unlike it, it is not 0 for a touchpoint at 0% or 100% of a
    small sample. Values without an interval fall back to 100 * sqrt(p(1 - p) / n).
    """
    return _weighted(values, weights, _share_se, z, (0.0, 100.0))
