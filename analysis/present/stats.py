"""Small, seeded statistics for comparing groups of articles (outlets, months).

``bootstrap_ci`` resamples articles with replacement and reads the percentile interval
of the resampled means; with a fixed ``seed`` the result is the same on every run. With
few articles per group (the shipped corpus has a handful per outlet) the intervals are
wide, and they should be: they say how much the mean could move with other articles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

CI_COLUMNS = ["group", "measure", "n", "mean", "ci_low", "ci_high"]
# Fewest articles for a bootstrap interval (see ``group_means``).
MIN_N = 10


def bootstrap_ci(values: Iterable[float], *, n_boot: int = 2000, level: float = 0.95,
                 seed: int | Sequence[int] = 0) -> tuple[float, float, float]:
    """``(mean, low, high)``: the mean of ``values`` and its percentile bootstrap interval.

    Missing values are dropped. With no values all three are NaN; with one value the
    interval is NaN (one article says nothing about spread).

    >>> bootstrap_ci([1.0, 2.0, 3.0, 4.0], seed=1)[0]
    2.5
    """
    data = np.asarray([v for v in values if v is not None and not _isnan(v)], dtype=float)
    if data.size == 0:
        return (math.nan, math.nan, math.nan)
    mean = float(data.mean())
    if data.size == 1:
        return (mean, math.nan, math.nan)
    rng = np.random.default_rng(seed)
    samples = rng.choice(data, size=(n_boot, data.size), replace=True).mean(axis=1)
    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(samples, [alpha, 1.0 - alpha])
    return (mean, float(low), float(high))


def _isnan(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def group_means(table: pd.DataFrame, measures: Sequence[str], *, by: str = "outlet",
                n_boot: int = 2000, level: float = 0.95, seed: int = 0,
                min_n: int = MIN_N) -> pd.DataFrame:
    """Mean and bootstrap interval of each measure per group, tidy (one row per pair).

    Groups are sorted by name and each (group, measure) pair gets its own stream from
    ``seed``, so adding a measure does not change the intervals of the others. Groups
    with fewer than ``min_n`` articles with a value get their mean but no interval: a
    percentile bootstrap of two or three articles gives intervals that look precise and
    are not (three equal values give 0.000-0.000).
    Columns: ``group``, ``measure``, ``n`` (articles with a value), ``mean``,
    ``ci_low``, ``ci_high``.
    """
    rows = []
    if table.empty or by not in table:
        return pd.DataFrame(rows, columns=CI_COLUMNS)
    groups = table[by].astype("string").fillna("(unknown)")
    for g_index, group in enumerate(sorted(groups.unique())):
        part = table[groups == group]
        for m_index, measure in enumerate(measures):
            values = pd.to_numeric(part[measure], errors="coerce").dropna()
            mean, low, high = bootstrap_ci(values.to_numpy(dtype=float), n_boot=n_boot,
                                           level=level, seed=(seed, g_index, m_index))
            if len(values) < min_n:
                low = high = math.nan
            rows.append({"group": group, "measure": measure, "n": len(values), "mean": mean,
                         "ci_low": low, "ci_high": high})
    frame = pd.DataFrame(rows, columns=CI_COLUMNS)
    frame["group"] = frame["group"].astype("string")
    frame["measure"] = frame["measure"].astype("string")
    return frame


def period_for(dates: pd.Series) -> str:
    """A time step that gives a readable number of periods for the span of ``dates``:
    ``"M"`` (months) up to two years, ``"Q"`` (quarters) up to six, else ``"Y"``."""
    stamps = pd.to_datetime(dates, utc=True, errors="coerce").dropna()
    if stamps.empty:
        return "M"
    days = (stamps.max() - stamps.min()).days
    return "M" if days <= 731 else "Q" if days <= 6 * 366 else "Y"


def over_time(table: pd.DataFrame, measure: str, *, date: str = "published",
              by: str | None = None, freq: str = "M") -> pd.DataFrame:
    """Mean of ``measure`` per period (``freq``: ``"M"`` months, ``"Q"`` quarters, ...).

    Rows without a date are left out. With ``by``, one column per group; otherwise one
    column named after the measure. The index is the period's start date (timezone-free).
    """
    if table.empty or date not in table:
        return pd.DataFrame()
    data = table.dropna(subset=[date])
    if data.empty:
        return pd.DataFrame()
    stamps = pd.to_datetime(data[date], utc=True).dt.tz_localize(None)
    period = stamps.dt.to_period(freq).dt.start_time
    values = pd.to_numeric(data[measure], errors="coerce")
    if by is None:
        return values.groupby(period).mean().to_frame(measure).sort_index()
    groups = data[by].astype("string").fillna("(unknown)")
    frame = values.groupby([period, groups]).mean().unstack(by if by in data else 1)
    frame.columns = [str(c) for c in frame.columns]
    return frame.sort_index()
