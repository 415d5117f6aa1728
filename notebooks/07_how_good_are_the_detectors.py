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
# # 07 · How good are the detectors? Measure before you believe
#
# *Precision and recall of the detectors against hand-labelled gold (the shipped articles, PolNeAR, Szeged), and how to run your own hand-coding check with Krippendorff's alpha.*
#
# Every count in notebooks 02-06 is a count of what the rules found. If the rules miss half the anonymous sources, the anonymous share is wrong by half, and a comparison of outlets may be a comparison of how well the rules read each house style. A detector must be measured before its counts are believed.
#
# **Learning goals**
#
# - Explain precision, recall and F1, and exact against overlap matching.
# - Score the detectors against the project's gold labels and against public gold (PolNeAR attributions, Szeged hedges).
# - Export a sample for hand coding and measure coder-detector agreement with Krippendorff's alpha.
#
# **Prerequisites:** notebooks 00-05.
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
# ## Precision, recall, F1
#
# - **precision**: of what the detector marked, the share a person also marked.
# - **recall**: of what a person marked, the share the detector found.
# - **F1**: their harmonic mean.
#
# A span *matches* either **exactly** (same first and last character) or on **overlap**
# (any character in common: "has claimed" against "claimed"). Labels (stance, kind,
# category) are then checked on the matched pairs.
#
# ## Against the project's gold (`data/gold/`)
#
# Every shipped teaching article was labelled by hand *before* the detector was run on
# it: quotes (kind, speaker), attributions (cue, stance, source, source type), hedges and
# boosters (category, voice). The labels are project-made, not independent; they are
# still the only way to see the rules fail on these texts.

# %%
from analysis.evaluation import scoring
from analysis.paths import SHARED_CORPORA

scores = scoring.gold_summary(corpus)
print(f"{scores.attrs['n_articles']} articles of this corpus have gold; "
      f"{len(scores.attrs['unmatched'])} gold files match no article here.")
display(scores.dropna(axis=1, how="all").round(3))

# %%
if scores.attrs["n_articles"] == 0:
    print("No gold for this corpus: set CORPUS to data/articles to score the shipped gold.")
else:
    overlap = scores[scores["match"] == "overlap"].set_index("layer")
    plots.show(plots.grouped(overlap[["precision", "recall", "f1"]],
                             title="Shipped gold (overlap match): precision, recall and F1",
                             xlim=(0, 1.12)))

# %% [markdown]
# ### Where the labels disagree
#
# On matched attributions, the gold stance against the detector's stance. The diagonal is
# agreement; everything else is a confusion worth reading.

# %%
pairs = scoring.gold_pairs(articles, corpus, "attributions")
if pairs.empty:
    print("No matched attributions to compare.")
else:
    display(pd.crosstab(pairs["gold_stance"].fillna("(none)"),
                        pairs["predicted_stance"].fillna("(none)"),
                        rownames=["gold"], colnames=["detector"]))
    display(pd.crosstab(pairs["gold_source_type"].fillna("(none)"),
                        pairs["predicted_source_type"].fillna("(none)"),
                        rownames=["gold"], colnames=["detector"]))

# %% [markdown]
# ## Against public gold
#
# The project's own labels are few and made by the people who wrote the rules. Public
# gold is larger and independent: **PolNeAR** (Newell, Margolin & Ruths 2018; 1,008 US
# political news articles with hand-annotated attributions) and the **Szeged Uncertainty
# Corpus** (Szarvas et al. 2012; FactBank news sentences with hedge cues). They live in
# `../shared/corpora` on project machines and are research use only; the cells below
# skip when they are absent. The figures come from the same code as the scripts in
# `benchmarks/` (`polnear_attribution.py`, `szeged_hedges.py`), on the held-out halves the
# rules were not developed on; the README puts them beside published systems.

# %%
if (SHARED_CORPORA / "polnear").is_dir():
    polnear = scoring.polnear_summary("test")
    print(f"PolNeAR test: {polnear.attrs['articles']} articles; speaker accuracy on quoted "
          f"content {polnear.attrs['speaker_accuracy']:.3f}")
    display(polnear.round(3))
    by_role = polnear[polnear["match"] == "overlap"].set_index("role")
    plots.show(plots.grouped(by_role[["precision", "recall", "f1"]], xlim=(0, 1.12),
                             title="PolNeAR test (overlap match): precision, recall and F1"))
    recall = pd.Series(polnear.attrs["cue_recall_by_class"], name="cue recall (overlap)")
    display(recall.to_frame().round(3))
else:
    print(f"PolNeAR is not available here ({SHARED_CORPORA.name}/polnear): skipped.")

# %%
factbank = SHARED_CORPORA / "szeged_uncertainty" / "factbank.xml"
if factbank.is_file():
    szeged_scores = scoring.szeged_summary(factbank, "test")
    print(f"Szeged FactBank, held-out (odd) documents: {szeged_scores.attrs['sentences']} "
          "sentences")
    display(szeged_scores.round(3))
else:
    print("The Szeged corpus is not available here: skipped.")

# %% [markdown]
# ## Your own check: hand coding and Krippendorff's alpha
#
# Gold from elsewhere may not match *your* corpus. The remedy is a hand-coding check on a
# sample of your own records:
#
# 1. `analysis.export_for_coding(table, path, n=..., seed=...)` draws a seeded sample and
#    writes it as CSV and Excel, with the marked span and its context. The coder files
#    leave out the detector's answer (a coder who sees it tends to agree); it goes into a
#    separate `_key.csv`.
# 2. Coders fill `coder_label` (here: the stance of each cue).
# 3. `analysis.present.coding.agreement(coder, detector)` computes **Krippendorff's alpha**: 1 is
#    perfect agreement, 0 is what chance alone would give, below 0 systematic
#    disagreement. A common rule of thumb: trust a measure above 0.8, draw tentative
#    conclusions from 0.667 to 0.8.
#
# Here the "coder" is the hand-made gold of the shipped articles, joined to the sample
# by span: the same workflow, with labels already written.

# %%
import tempfile
from pathlib import Path

from analysis.present.coding import agreement, agreement_summary, export_for_coding

attributions = analysis.attributions(articles)
with tempfile.TemporaryDirectory() as scratch:
    sample = export_for_coding(attributions, Path(scratch) / "cues", n=30, seed=7,
                               articles=articles)
    written = sorted(Path(f).name for f in sample.attrs["files"])
print("Files for the coders:", ", ".join(written))
display(sample[["item_id", "context_before", "span", "context_after"]].head(5))

# %%
gold = scoring.gold_tables(articles, corpus)
if sample.empty:
    print("No attributions to sample.")
else:
    # a cue with no gold attribution is a detector false positive: left uncoded here
    sample["coder_label"] = scoring.label_from_gold(sample, gold["attributions"], "stance")
    coded = sample.dropna(subset=["coder_label"])
    print(f"{len(coded)} of {len(sample)} sampled cues are attributions in the gold.")
    print(agreement_summary(coded["coder_label"], coded["detector_label"]))
    if len(coded):
        display(coded[["span", "coder_label", "detector_label"]])

# %% [markdown]
# Percent agreement looks better than alpha whenever one label dominates: if almost
# every cue is *neutral*, agreeing on it is easy. Alpha corrects for that, which is why
# content analysis reports it.
#
# On the shipped articles, whatever the agreement is, it is the *optimistic* case: the
# rules were developed while looking at those very articles. The figures that predict
# how the detector does on a new corpus are the held-out ones (PolNeAR test, Szeged odd
# documents), or a hand-coding check on a sample of that corpus.
#
# ## Summary
#
# - Before believing a count, measure the detector on hand-labelled text like yours:
#   precision, recall, and label accuracy on matches.
# - Public gold (PolNeAR, Szeged) shows how the rules do on real news; the project's own
#   gold shows them on the teaching articles.
# - A seeded sample, blind hand coding and Krippendorff's alpha are a check any class or
#   newsroom can run on its own corpus.
#
# ## Exercises

# %% [markdown]
# 1. Which layer has the lowest recall on the shipped gold? Find three gold records the detector missed.
#
# <details><summary>Solution</summary>
#
# ```python
# scores[scores["match"] == "overlap"].sort_values("recall")[["layer", "recall"]]
# ```
# The benchmark lists every miss, extra and wrong label:
# ```
# .venv/bin/python benchmarks/gold_scores.py --details
# ```
# Read the misses in their articles (`analysis.present.highlight`) and ask which rule should
# have fired.
#
# </details>

# %% [markdown]
# 2. Export 20 hedges for coding into a folder of your own, code them yourself in Excel, and compute alpha.
#
# <details><summary>Solution</summary>
#
# ```python
# sample = export_for_coding(analysis.hedges(articles), "coding/hedges", n=20, seed=1,
#                            articles=articles)
# # ... fill coder_label in coding/hedges.xlsx, then:
# coded = pd.read_excel("coding/hedges.xlsx").merge(pd.read_csv("coding/hedges_key.csv"),
#                                                    on="item_id")
# agreement(coded["coder_label"], coded["detector_label"])
# ```
#
# </details>

# %% [markdown]
# 3. Why can precision be high and the anonymous share still be wrong?
#
# <details><summary>Solution</summary>
#
# Precision says the marked records are right; recall says how many were found. If the rules find named sources more easily than anonymous ones, every found source can be correct while anonymous sources are under-counted, so the share is biased. Check recall per source type, not only overall.
#
# </details>
