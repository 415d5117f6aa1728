"""Seeded bootstrap intervals and per-group / per-period means."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.present.stats import CI_COLUMNS, bootstrap_ci, group_means, over_time


def test_bootstrap_is_deterministic_and_brackets_the_mean():
    values = [0.1, 0.4, 0.35, 0.8, 0.05, 0.6]
    first = bootstrap_ci(values, seed=3)
    assert first == bootstrap_ci(values, seed=3)
    mean, low, high = first
    assert math.isclose(mean, float(np.mean(values)))
    assert min(values) <= low <= mean <= high <= max(values)
    varied = list(np.linspace(0.0, 1.0, 31) ** 2)
    assert bootstrap_ci(varied, seed=4) != bootstrap_ci(varied, seed=5)  # other resamples


def test_bootstrap_width_shrinks_with_more_articles():
    rng = np.random.default_rng(0)
    small = rng.normal(0.3, 0.1, 5)
    large = rng.normal(0.3, 0.1, 500)
    _, lo_s, hi_s = bootstrap_ci(small, seed=0)
    _, lo_l, hi_l = bootstrap_ci(large, seed=0)
    assert hi_l - lo_l < hi_s - lo_s


def test_bootstrap_edge_cases():
    assert all(math.isnan(v) for v in bootstrap_ci([]))
    assert all(math.isnan(v) for v in bootstrap_ci([float("nan"), None]))
    mean, low, high = bootstrap_ci([0.5])
    assert mean == 0.5 and math.isnan(low) and math.isnan(high)
    assert bootstrap_ci([2.0, 2.0, 2.0]) == (2.0, 2.0, 2.0)


def test_group_means_tidy_sorted_and_stable_when_measures_are_added():
    table = pd.DataFrame({"outlet": ["B", "A", "A", "B", None, "A"],
                          "x": [1.0, 2.0, 4.0, 3.0, 9.0, None],
                          "y": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]})
    one = group_means(table, ["x"], seed=1)
    two = group_means(table, ["x", "y"], seed=1)
    assert list(one.columns) == CI_COLUMNS
    assert list(one["group"]) == ["(unknown)", "A", "B"]
    a = one.set_index("group").loc["A"]
    assert a["n"] == 2 and a["mean"] == 3.0
    pd.testing.assert_frame_equal(one, two[two["measure"] == "x"].reset_index(drop=True))
    assert group_means(pd.DataFrame(), ["x"]).empty


def test_over_time_monthly_means_drop_undated_rows():
    table = pd.DataFrame({
        "published": pd.to_datetime(["2025-01-03", "2025-01-20", "2025-03-01", None], utc=True),
        "outlet": ["A", "B", "A", "A"], "x": [1.0, 3.0, 5.0, 100.0]})
    overall = over_time(table, "x")
    assert list(overall["x"]) == [2.0, 5.0]
    assert str(overall.index[0].date()) == "2025-01-01"
    by_outlet = over_time(table, "x", by="outlet")
    assert by_outlet.loc[pd.Timestamp("2025-01-01"), "B"] == 3.0
    assert over_time(pd.DataFrame(), "x").empty
