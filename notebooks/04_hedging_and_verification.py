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
# # 04 · Hedging, verification and boosters
#
# *Where stories express uncertainty, by category and by voice (reporter, quoted, reported), the disclaimers that a claim could not be verified, and boosters against hedges.*
#
#
#
# **Learning goals**
#
# - Count hedges by category (epistemic, belief, hearsay, verification, weasel, conditional, question, approximator).
# - Separate the reporter's own uncertainty from the uncertainty of sources.
# - Find verification disclaimers, and compare boosters with hedges.
#
# **Prerequisites:** notebooks 00 and 03.
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
# ## Hedges by category
#
# A hedge is a cue that weakens commitment: *may*, *reportedly*, *it is thought*,
# *could not be independently verified*, *nearly 2,900*. The categories follow the
# Szeged Uncertainty Corpus and Hyland's hedges (see `analysis/nlp/lexicons/hedges.tsv`).

# %%
from analysis.present.highlight import COLOURS

hedges = grouping.with_group(nbtools.with_articles(analysis.hedges(articles), articles),
                             articles, group_by)
categories = hedges["category"].value_counts()
print(f"{len(hedges)} hedges in {hedges['article_id'].nunique()} articles")
plots.show(plots.barh(categories, title="Hedges by category", xlabel="hedges", top=None))

# %% [markdown]
# ## Whose uncertainty? The reporter's voice against quoted and reported voices
#
# `voice` says whose words a hedge is in: **reporter** (the writer's own), **quoted**
# (inside quotation marks), **reported** (inside indirect speech: "officials said the
# plant *may* close"). A story full of hedges in sources' mouths is careful reporting of
# uncertain sources; hedges in the reporter's voice are the outlet's own caution.

# %%
voices = pd.crosstab(hedges["category"], hedges["voice"]) if not hedges.empty \
    else pd.DataFrame()
display(voices)
plots.show(plots.stacked(voices, title="Hedges by category and voice",
                         colors=plots.VOICE_COLOURS))

# %%
profile = nbtools.profile_with_articles(articles, group_by)
by_voice = profile.groupby("group")[["n_hedges_reporter", "n_hedges_quoted",
                                     "n_hedges_reported"]].sum().rename_axis(group_by)
display(by_voice)
plots.show(plots.stacked(by_voice.rename(columns=lambda c: c.removeprefix("n_hedges_")),
                         title=f"Hedges by voice, per {group_by}", share=True,
                         colors=plots.VOICE_COLOURS))

# %% [markdown]
# ## Verification disclaimers
#
# "There was no way to immediately verify Kadyrov's claims." A verification disclaimer
# tells the reader that a claim was passed on unchecked. Each one is listed with its
# sentence.

# %%
verification = hedges[hedges["category"] == "verification"].copy()
texts = articles.set_index("article_id")["text"]
titles = articles.set_index("article_id")["title"]


def sentence(row):
    source = titles if row["field"] == "title" else texts
    return source[row["article_id"]][row["sentence_start"]:row["sentence_end"]]


if verification.empty:
    print("No verification disclaimers in this corpus.")
else:
    verification["sentence"] = verification.apply(sentence, axis=1)
    display(verification[["group", "hedge_cue", "voice", "sentence"]].head(30))

# %% [markdown]
# ## Boosters against hedges
#
# Boosters (*clearly*, *undoubtedly*, *in fact*) push the other way: they assert with
# extra force. Per 100 words, stories sit somewhere between cautious and emphatic.

# %%
boosters = grouping.with_group(nbtools.with_articles(analysis.boosters(articles), articles),
                               articles, group_by)
display(boosters[["group", "booster_cue", "voice", "negated"]].head(20))
plots.show(plots.scatter(profile["n_hedges"], profile["n_boosters"],
                         title="Boosters against hedges, per article",
                         xlabel="hedges", ylabel="boosters"))

# %%
rates = profile.groupby("group")[["hedges_per_100_words", "hedged_sentence_share",
                                  "n_verification", "n_boosters"]].mean().round(3)
rates.rename_axis(group_by)

# %% [markdown]
# **Limits.** Hedge words are ambiguous: *may* the month, *could* of past ability, *about*
# a topic, *if* in a question. The detector's context rules handle the common cases and
# miss others; its precision and recall on news sentences (the Szeged FactBank corpus) are
# in notebook 07 and the README. Approximators (*nearly 2,900*) are counted but are not
# uncertainty about a claim, so `hedged_sentence_share` leaves them out.
#
# ## Summary
#
# - Hedges fall into categories; *verification* disclaimers and *hearsay* matter most for
#   sourcing.
# - Voice separates the reporter's caution from the sources'.
# - Boosters are the counterweight: few in news, and worth reading when they occur.
#
# ## Exercises

# %% [markdown]
# 1. Which hedge categories appear only in quoted or reported voice in this corpus?
#
# <details><summary>Solution</summary>
#
# ```python
# voices[(voices.get("reporter", 0) == 0)]
# ```
#
# </details>

# %% [markdown]
# 2. Check the month rule: does *"The plant may close in May"* give one hedge or two?
#
# <details><summary>Solution</summary>
#
# ```python
# analysis.find_hedges("The plant may close in May.")
# ```
# One: *may* the modal is epistemic; *May* the month is not a hedge.
#
# </details>

# %% [markdown]
# 3. Which group's reporters hedge most in their own voice, per 100 words?
#
# <details><summary>Solution</summary>
#
# ```python
# profile.assign(rate=100 * profile["n_hedges_reporter"] / profile["n_words"]) \
#     .groupby("group")["rate"].mean().sort_values()
# ```
#
# </details>
