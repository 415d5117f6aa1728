"""Matplotlib helpers with one house style, deterministic output and empty-data guards.

Every helper returns a ``Figure`` (or ``None`` after printing a note when there is
nothing to plot); ``show(fig)`` displays it in a notebook as a PNG and closes it. Figures
have fixed sizes and a fixed resolution, PNGs carry no metadata (no software version,
no timestamp), SVG ids use a fixed hash salt, and colours come from the Okabe-Ito
palette, so two runs on the same data give byte-identical images.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # render off-screen; ``show`` sends the PNG to the notebook

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from cycler import cycler  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from analysis.present.palette import OKABE_ITO  # noqa: E402
from analysis.present.site.fmt import shorten as label_text  # noqa: E402

PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion",
                                  "reddish_purple", "sky_blue", "yellow", "black", "grey")]
# Whose words a hedge or booster is in, one colour each in every figure.
VOICE_COLOURS = {"reporter": OKABE_ITO["blue"], "quoted": OKABE_ITO["orange"],
                 "reported": OKABE_ITO["bluish_green"]}
SIZES = {"wide": (7.5, 3.6), "square": (5.0, 4.2), "tall": (7.5, 5.2)}
DPI = 100
# At most this many category labels on an axis: the rest are summed into "others".
MAX_LABELS = 30
OTHERS = "(others)"
# When set, ``show`` appends one JSON line per figure (title, tick labels per axis) to
# this file: the report tests check every figure of a build before export.
FIGURE_LOG = "ANALYSIS_FIGURE_LOG"

HOUSE_STYLE = {
    "figure.figsize": SIZES["wide"],
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.autolayout": False,
    "font.family": "DejaVu Sans",
    "font.size": 9.5,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.7,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=PALETTE),
    "legend.frameon": False,
    "legend.fontsize": 8.5,
    "svg.hashsalt": "news-sourcing-analysis",
    "svg.fonttype": "path",
    "pdf.compression": 6,
}


def use_house_style() -> None:
    """Apply the house style to matplotlib's global settings."""
    plt.rcParams.update(HOUSE_STYLE)


use_house_style()


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, with no metadata (deterministic)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight",
                metadata={"Software": None}, facecolor="white")
    return buffer.getvalue()


def tick_labels(fig: Figure) -> list[int]:
    """How many non-empty tick labels each axis of ``fig`` shows (x and y per subplot)."""
    fig.canvas.draw()
    counts = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            shown = [t for t, loc in zip(axis.get_ticklabels(), axis.get_ticklocs(),
                                         strict=False)
                     if t.get_text().strip() and low - 1e-9 <= loc <= high + 1e-9]
            counts.append(len(shown))
    return counts


def _log_figure(fig: Figure) -> None:
    path = os.environ.get(FIGURE_LOG)
    if not path:
        return
    titles = [ax.get_title() for ax in fig.axes]
    with open(path, "a", encoding="utf-8") as log:
        log.write(json.dumps({"titles": titles, "tick_labels": tick_labels(fig)}) + "\n")


def top_with_others(data: pd.Series | pd.DataFrame, n: int = MAX_LABELS - 1
                    ) -> pd.Series | pd.DataFrame:
    """The ``n`` largest rows (by value, or by row total), the rest summed as "(others)"."""
    if len(data) <= n + 1:
        return data
    totals = data if isinstance(data, pd.Series) else data.sum(axis=1)
    order = totals.sort_values(ascending=False, kind="stable").index
    head, rest = data.loc[order[:n]], data.loc[order[n:]]
    others = rest.sum() if isinstance(data, pd.Series) else rest.sum(axis=0)
    if isinstance(data, pd.Series):
        return pd.concat([head, pd.Series([others], index=[f"{OTHERS} {len(rest)}"])])
    return pd.concat([head, others.to_frame(f"{OTHERS} {len(rest)}").T])


def _integer_axis(axis, values) -> None:
    """Whole-number ticks when every value is a whole number (counts)."""
    series = pd.Series(values, dtype=float).dropna()
    if len(series) and (series == series.round()).all():
        axis.set_major_locator(MaxNLocator(integer=True))


def show(fig: Figure | None) -> None:
    """Display ``fig`` as a PNG in a notebook, then close it; ``None`` is ignored."""
    if fig is None:
        return
    _log_figure(fig)
    png = to_png(fig)
    plt.close(fig)
    try:
        from IPython import get_ipython
        from IPython.display import Image, display
    except ImportError:  # plain Python: nothing to show
        return
    if get_ipython() is not None:
        display(Image(data=png, format="png"))


def _empty(data: pd.DataFrame | pd.Series | None, what: str) -> bool:
    if data is None or len(data) == 0 or (
        isinstance(data, pd.Series | pd.DataFrame) and data.isna().all(axis=None)
    ):
        print(f"Nothing to plot: {what} is empty for this corpus.")
        return True
    return False


def barh(series: pd.Series, *, title: str, xlabel: str = "", top: int | None = 15,
         fmt: str = "{:g}") -> Figure | None:
    """Horizontal bars of ``series`` (index = labels), largest on top, values written on."""
    if _empty(series, title):
        return None
    data = series.dropna()
    data = data.sort_values(ascending=False, kind="stable")
    limit = min(top or MAX_LABELS, MAX_LABELS)
    if len(data) > limit:
        data = data.head(limit)
        title = f"{title} (top {limit} of {len(series.dropna())})"
    data = data.iloc[::-1]
    height = max(2.2, 0.32 * len(data) + 1.0)
    fig, ax = plt.subplots(figsize=(SIZES["wide"][0], min(height, 10)), dpi=DPI)
    labels = [label_text(label, 45) for label in data.index]
    values = data.to_numpy(dtype=float)
    bars = ax.barh(range(len(values)), values, color=PALETTE[0])
    ax.set_yticks(range(len(values)), labels)
    _integer_axis(ax.xaxis, values)
    ax.bar_label(bars, labels=[fmt.format(v) for v in values], padding=3, fontsize=8)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    return fig


def stacked(table: pd.DataFrame, *, title: str, xlabel: str = "", share: bool = False,
            colors: dict[str, str] | None = None) -> Figure | None:
    """Horizontal stacked bars: one bar per row of ``table``, one segment per column.

    With ``share=True`` each row is scaled to 1 (composition rather than volume). Segments
    carry hatching as well as colour, so the legend reads in greyscale.
    """
    if _empty(table, title):
        return None
    data = table.fillna(0).astype(float)
    data = data.loc[:, data.sum(axis=0) > 0]
    if data.empty:
        print(f"Nothing to plot: {title} has only zeros.")
        return None
    data = top_with_others(data)
    counts = data.sum(axis=1)
    if share:
        totals = data.sum(axis=1).replace(0, float("nan"))
        data = data.div(totals, axis=0).fillna(0)
    hatches = ["", "//", "..", "xx", "\\\\", "--", "oo", "++", "**"]
    height = max(2.4, 0.42 * len(data) + 1.4)
    fig, ax = plt.subplots(figsize=(SIZES["wide"][0], min(height, 10)), dpi=DPI)
    left = pd.Series(0.0, index=data.index)
    labels = [f"{label_text(i, 36)} (n={int(n)})" for i, n in zip(data.index, counts,
                                                                  strict=True)]
    for k, column in enumerate(data.columns):
        colour = (colors or {}).get(str(column), PALETTE[k % len(PALETTE)])
        ax.barh(labels, data[column].to_numpy(), left=left.to_numpy(), label=str(column),
                color=colour, hatch=hatches[k % len(hatches)], edgecolor="white", linewidth=0.6)
        left += data[column]
    ax.invert_yaxis()
    if not share:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.set_xlabel(xlabel or ("share" if share else "count"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def grouped(table: pd.DataFrame, *, title: str, xlabel: str = "",
            xlim: tuple[float, float] | None = None) -> Figure | None:
    """Grouped horizontal bars: one group per row of ``table``, one bar per column.

    Bars carry hatching and their value as text, so the legend reads without colour.
    """
    if _empty(table, title):
        return None
    data = table.astype(float)
    hatches = ["", "//", "..", "xx", "\\\\", "--"]
    n_rows, n_cols = data.shape
    height = max(2.4, 0.3 * n_rows * n_cols + 1.2)
    fig, ax = plt.subplots(figsize=(SIZES["wide"][0], min(height, 9)), dpi=DPI)
    width = 0.8 / n_cols
    for k, column in enumerate(data.columns):
        positions = [i + (k - (n_cols - 1) / 2) * width for i in range(n_rows)]
        values = data[column].fillna(0).to_numpy()
        bars = ax.barh(positions, values, height=width, label=str(column),
                       color=PALETTE[k % len(PALETTE)], hatch=hatches[k % len(hatches)],
                       edgecolor="white", linewidth=0.6)
        ax.bar_label(bars, labels=["–" if pd.isna(v) else f"{v:.2f}" for v in data[column]],
                     padding=2, fontsize=7.5)
    ax.set_yticks(range(n_rows), [label_text(i, 40) for i in data.index])
    ax.invert_yaxis()
    if xlim:
        ax.set_xlim(*xlim)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def intervals(table: pd.DataFrame, *, title: str, label: str = "group", value: str = "mean",
              low: str = "ci_low", high: str = "ci_high", xlabel: str = "") -> Figure | None:
    """Point estimates, one row per group (``stats.group_means``), each labelled with its
    ``n``; the interval is drawn only where there is one (groups large enough), so a
    small group shows as a bare point, never as a falsely precise bar."""
    if _empty(table, title) or table[value].isna().all():
        if not table.empty:
            print(f"Nothing to plot: {title} has no values.")
        return None
    data = top_with_others_rows(table.dropna(subset=[value]), "n").iloc[::-1]
    height = max(2.0, 0.4 * len(data) + 1.0)
    fig, ax = plt.subplots(figsize=(SIZES["wide"][0], min(height, 10)), dpi=DPI)
    y = list(range(len(data)))
    centre = data[value].to_numpy(dtype=float)
    has_ci = data[low].notna().to_numpy() & data[high].notna().to_numpy()
    ax.scatter(centre, y, color=PALETTE[0], s=30, zorder=3)
    if has_ci.any():
        ys = [v for v, keep in zip(y, has_ci, strict=True) if keep]
        mid = centre[has_ci]
        ax.errorbar(mid, ys, xerr=[mid - data[low].to_numpy(dtype=float)[has_ci],
                                   data[high].to_numpy(dtype=float)[has_ci] - mid],
                    fmt="none", ecolor=PALETTE[0], capsize=4)
    sizes = data["n"] if "n" in data else pd.Series([None] * len(data))
    ax.set_yticks(y, [f"{label_text(v, 34)} (n={int(n)})" if pd.notna(n) else label_text(v, 40)
                      for v, n in zip(data[label], sizes, strict=True)])
    if not has_ci.all():
        title = f"{title}\n(bars: 95% interval, only for groups of 10 or more)"
    ax.set_title(title)
    ax.set_xlabel(xlabel or value)
    ax.grid(axis="y", visible=False)
    return fig


def top_with_others_rows(table: pd.DataFrame, size: str, n: int = MAX_LABELS) -> pd.DataFrame:
    """The ``n`` rows with the largest ``size`` (others dropped, not summed: means and
    intervals do not add up), in their original order."""
    if len(table) <= n or size not in table:
        return table.head(n)
    keep = table[size].sort_values(ascending=False, kind="stable").index[:n]
    return table.loc[table.index.isin(keep)]


def lines(table: pd.DataFrame, *, title: str, ylabel: str = "") -> Figure | None:
    """One line per column of ``table`` against its (time) index, with markers; dates get
    ticks at sensible steps (months, quarters or years, as the span needs)."""
    if _empty(table, title) or table.dropna(how="all").empty:
        return None
    table = table.loc[:, list(table.columns[:len(PALETTE)])]
    fig, ax = plt.subplots(figsize=SIZES["wide"], dpi=DPI)
    markers = ["o", "s", "^", "D", "v", "P", "X", "*"]
    for k, column in enumerate(table.columns):
        ax.plot(table.index, table[column], marker=markers[k % len(markers)], label=str(column),
                color=PALETTE[k % len(PALETTE)])
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", visible=True)
    if len(table.columns) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    if pd.api.types.is_datetime64_any_dtype(table.index):
        locator = mdates.AutoDateLocator(minticks=3, maxticks=12)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return fig


def histogram(values: Sequence[float], *, title: str, xlabel: str,
              bins: int = 20) -> Figure | None:
    """The distribution of one measure over articles (instead of one bar per article),
    with ``n`` in the title; whole-number values get one bar per value."""
    data = pd.Series(list(values), dtype=float).dropna()
    if _empty(data, title):
        return None
    fig, ax = plt.subplots(figsize=SIZES["wide"], dpi=DPI)
    whole = bool((data == data.round()).all())
    if whole and data.max() - data.min() <= 40:
        edges = [v - 0.5 for v in range(int(data.min()), int(data.max()) + 2)]
    else:
        edges = bins
    ax.hist(data, bins=edges, color=PALETTE[0], edgecolor="white")
    if whole:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"{title} (n={len(data)} articles)")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("articles")
    ax.grid(axis="y", visible=True)
    return fig


def scatter(x: Sequence[float], y: Sequence[float], *, title: str, xlabel: str, ylabel: str,
            labels: Sequence[str] | None = None) -> Figure | None:
    """A scatter plot with a y = x reference line when both axes share a scale."""
    data = pd.DataFrame({"x": list(x), "y": list(y)}).dropna()
    if _empty(data, title):
        return None
    fig, ax = plt.subplots(figsize=SIZES["square"], dpi=DPI)
    ax.scatter(data["x"], data["y"], color=PALETTE[0], s=30)
    if labels is not None:
        for (_, row), text in zip(data.iterrows(), list(labels), strict=False):
            ax.annotate(label_text(text, 20), (row["x"], row["y"]), fontsize=7,
                        xytext=(3, 3), textcoords="offset points")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="both", visible=True)
    return fig
