# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Comparing outlets (or sections, months, authors), with uncertainty
#
# *Outlets, or any other grouping (GROUP_BY), side by side on every measure with bootstrap confidence intervals, measures over time, and wire copy kept apart.*
#
# **A small corpus invites over-reading.** The shipped teaching corpus (`data/articles`) has a few made-up outlets with a handful of constructed articles each, written to differ: any difference seen there says something about those articles, not about a newsroom. The cells below say how many articles each group of the corpus shown has. Point `CORPUS` at PolNeAR (`../shared/corpora/polnear/data`, 1,008 articles from seven real US outlets, research use only) for a comparison that can bear weight.
#
# **Learning goals**
#
# - Compare groups (outlets, sections, months: `GROUP_BY`) on the profile measures with bootstrap confidence intervals, and read those intervals honestly.
# - Follow a measure over time from the publication dates.
# - Keep wire copy apart from an outlet's own reporting where the corpus says which is which.
#
# **Prerequisites:** notebooks 02-05.
#
# **Parameters:** `CORPUS` in the next cell (a folder or a file; default the shipped teaching articles `data/articles`) and `GROUP_BY`, the column every comparison splits by (`outlet`, `section`, `author`, `month`, any column; `auto` picks the first with two or more values). `make report CORPUS=... GROUP_BY=...` sets them for every notebook.

# %% tags=["parameters"]
CORPUS = "data/articles"  # a folder or file; relative to the repository root
GROUP_BY = "auto"  # outlet, section, author, month, year, any column, or auto

# %%
# Relative paths are read from the repository root, so this runs from any folder.
from analysis.paths import resolve

corpus = resolve(CORPUS)

import pandas as pd
from IPython.display import display

import analysis
from analysis.present import grouping, nbtools, plots, stats

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.max_rows", 40)
pd.set_option("display.precision", 3)
articles = nbtools.open_corpus(corpus)
group_by = grouping.choose(articles, GROUP_BY)
print(grouping.describe(articles, group_by))

# %% [markdown]
# ## Wire copy apart
#
# Wire stories (AP, Reuters, AFP) are written by agencies, not by the outlet that
# publishes them. Where the corpus says which stories are wire copy (PolNeAR's `wire`
# column), we keep them apart; otherwise every article counts as the outlet's own. Exact
# duplicates (notebook 01) are left out as well. PolNeAR's `credit` column ("h/t: The
# Hill") names where a story got its lead; a hat tip is not wire copy, so those stories
# stay in.

# %%
profile = nbtools.profile_with_articles(articles, group_by)
duplicate = articles.set_index("article_id")["duplicate_of"].notna()
profile["duplicate"] = profile["article_id"].map(duplicate).fillna(False).astype(bool)
analysed = profile[profile["note"].isna()]
own = analysed[~analysed["wire"] & ~analysed["duplicate"]]
print(f"{len(own)} articles compared ({int(analysed['wire'].sum())} wire, "
      f"{int(analysed['duplicate'].sum())} duplicates, "
      f"{int(profile['note'].notna().sum())} not analysed)")
per_group = own.groupby("group").size().rename_axis(group_by)
display(per_group.to_frame("articles"))
unknown = int((own["group"] == grouping.UNKNOWN).sum())
print(f"{len(per_group)} groups by {group_by}"
      + (f"; {unknown} articles have no {group_by} and are compared as the group "
         f'"{grouping.UNKNOWN}".' if unknown else "."))
small = per_group[per_group < stats.MIN_N]
if len(small):
    print(f"{len(small)} groups have fewer than {stats.MIN_N} articles: they get a mean but "
          "no interval below, and no difference involving them should be reported.")
credit = nbtools.credits(articles)
if not credit.empty:
    print("Credit lines (kept as the outlet's own reporting):")
    display(credit.head(10).to_frame())

# %% [markdown]
# ## Bootstrap confidence intervals
#
# For each group and measure, the mean over its articles, and a 95% interval from
# 2,000 bootstrap resamples of those articles (`analysis.present.stats.group_means`, seeded: the
# same numbers every run). The interval answers: *if this group had published other
# articles like these, how far could the mean move?* With a handful of articles, the
# answer is: a long way, and a bootstrap of two or three articles cannot even say how
# far, so groups with fewer than 10 articles get a mean and no interval. Overlapping
# intervals mean the data cannot tell the groups apart.

# %%
MEASURES = ["quote_share", "quotes_per_100_words", "share_anonymous", "share_distancing",
            "source_diversity", "top_source_share", "hedges_per_100_words",
            "hedged_sentence_share"]
intervals = stats.group_means(own, MEASURES, by="group", n_boot=2000, seed=0)
display(intervals.pivot(index="group", columns="measure", values="mean").round(3)
        .rename_axis(group_by))

# %%
for measure in ["quote_share", "share_anonymous", "share_distancing", "hedges_per_100_words"]:
    table = intervals[intervals["measure"] == measure]
    plots.show(plots.intervals(table, title=f"{measure}: mean and 95% bootstrap interval",
                               xlabel=measure))

# %%
display(intervals.round(3).rename(columns={"group": group_by}))

# %% [markdown]
# ## Over time
#
# Means per period from `published` (UTC): months, or quarters and years when the
# corpus spans longer. A period with one article is a single article, not a trend.

# %%
dated = own.dropna(subset=["published"])
if dated.empty:
    print("No article of this corpus has a publication date: nothing to follow over time "
          "(a metadata.csv can add dates; see analysis/present/sidecar.py).")
else:
    step = stats.period_for(dated["published"])
    names = {"M": "month", "Q": "quarter", "Y": "year"}
    series_by = "group" if dated["group"].nunique() <= len(plots.PALETTE) else None
    over = stats.over_time(dated, "quote_share", by=series_by, freq=step)
    plots.show(plots.lines(over, title=f"Quote share per {names[step]}",
                           ylabel="quote share"))
    periods = pd.to_datetime(dated["published"], utc=True).dt.tz_localize(None) \
        .dt.to_period(step).astype(str)
    print(f"Articles per {names[step]}:")
    display(pd.crosstab(periods.rename(names[step]), dated["group"].rename(group_by)))

# %% [markdown]
# ## Wire against own reporting
#
# When the corpus marks wire copy, the same measures for wire stories show whether the
# agencies source differently from the outlets' own reporters.

# %%
if analysed["wire"].any():
    split = stats.group_means(analysed.assign(copy=analysed["wire"].map(
        {True: "wire", False: "own"})), MEASURES, by="copy", seed=0)
    display(split.round(3))
else:
    print("This corpus does not mark wire copy (no `wire` column): nothing to split.")

# %% [markdown]
# **Limits.** The bootstrap treats the articles as a random sample of a group's
# output; a hand-picked corpus is not. The measures inherit the detectors' errors
# (notebook 07), and those errors need not be the same for every group: a house style
# the rules handle badly looks like a difference in sourcing.
#
# ## Summary
#
# - Compare groups with intervals, not bare means; with few articles the intervals are
#   wide and overlapping, and that is the finding.
# - Keep wire copy and duplicates apart before comparing.
# - For real comparisons, run this notebook on a real corpus (PolNeAR).
#
# ## Exercises

# %% [markdown]
# 1. Run this notebook on PolNeAR. Set `CORPUS = "../shared/corpora/polnear/data"` in the parameters cell (or `make report CORPUS=../shared/corpora/polnear/data REPORTS=reports/polnear`). Which measures separate the seven outlets?
#
# <details><summary>Solution</summary>
#
# Look for measures where the intervals do not overlap. With about 140 articles
# per outlet the intervals are much narrower than here. PolNeAR is research use only: do
# not publish the reports built on it.
#
# </details>

# %% [markdown]
# 2. How does the interval change with the number of resamples? Try `n_boot=200` and `n_boot=10000`.
#
# <details><summary>Solution</summary>
#
# ```python
# stats.group_means(own, ["quote_share"], n_boot=200, seed=0)
# stats.group_means(own, ["quote_share"], n_boot=10000, seed=0)
# ```
# The interval barely moves: more resamples make it more precise, not narrower. Only
# more *articles* narrow it.
#
# </details>

# %% [markdown]
# 3. Change the seed. Why do the intervals change a little, and why is a fixed seed still right for a report?
#
# <details><summary>Solution</summary>
#
# Resampling is random; a different seed draws other resamples. A fixed seed
# makes the report reproducible (the same numbers every run); the size of the changes
# across seeds shows how much of the interval is simulation noise.
#
# </details>
