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
# # 05 · Quote density: how much of a story is quotation
#
# *Quote share, quotes per 100 words, direct against partial against scare quotes, and who gets the words.*
#
#
#
# **Learning goals**
#
# - Compute and compare quote share and quotes per 100 words.
# - Tell direct, partial and scare quotes apart and count them per group (`GROUP_BY`).
# - See whose words fill the quotation marks: which speakers and which kinds of source.
#
# **Prerequisites:** notebooks 00 and 02.
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
# ## Quote share and quotes per 100 words
#
# - **quote share** = characters inside the marks of direct and partial quotes / all
#   characters of the body. 0.30 means almost a third of the story is other people's
#   words.
# - **quotes per 100 words** = 100 × (direct + partial quotes) / words.
#
# Scare quotes and titles are not counted: they are the writer's words in marks.

# %%
profile = nbtools.profile_with_articles(articles, group_by)
plots.show(plots.histogram(profile["quote_share"], title="Quote share per article",
                           xlabel="share of characters inside quotes"))
plots.show(plots.histogram(profile["quotes_per_100_words"], title="Quotes per 100 words",
                           xlabel="quotes per 100 words"))

# %%
means = profile.groupby("group")[["quote_share", "quotes_per_100_words", "n_quotes"]].mean()
means.rename(columns={c: f"mean {c}" for c in means}).rename_axis(group_by).round(3)

# %% [markdown]
# ## Direct, partial, scare
#
# - **direct**: a quoted utterance ("We unfortunately have had some losses," Kadyrov said).
# - **partial**: a fragment in the writer's sentence (the "best fighters").
# - **scare**: a term held at a distance (so-called "reforms").
# - **title**: the name of a work.

# %%
from analysis.present.highlight import COLOURS

quotes = grouping.with_group(nbtools.with_articles(analysis.quotes(articles), articles),
                             articles, group_by)
quotes["title"] = quotes["title"].map(nbtools.label)
kinds = nbtools.by_group(quotes, "quote_kind", name=group_by)
display(kinds)
plots.show(plots.stacked(kinds, title=f"Quotes by kind, per {group_by}",
                         colors=COLOURS["quote"]))

# %%
scare = quotes[quotes["quote_kind"] == "scare"]
if scare.empty:
    print("No scare quotes in this corpus.")
else:
    display(scare[["group", "title", "quote_text", "rule"]].head(30))

# %% [markdown]
# ## Who gets the words
#
# Words inside direct and partial quotes, summed per speaker and per kind of speaker.
# Quoting is giving someone the floor: these are the voices the stories amplify.

# %%
spoken = quotes[quotes["quote_kind"].isin(["direct", "partial"])]
words = nbtools.top_words_by(spoken, "speaker", "quote_words")
display(words.to_frame("words quoted"))
plots.show(plots.barh(words, title="Words quoted, by speaker", xlabel="words"))

# %%
by_type = nbtools.top_words_by(spoken, "speaker_type", "quote_words", n=10)
plots.show(plots.barh(by_type, title="Words quoted, by kind of speaker", xlabel="words",
                      top=None))

# %% [markdown]
# **Limits.** Quote share counts characters between marks, so a long quote from a
# single source weighs more than three short ones. Paraphrase ("she said the plan
# would fail") is attribution without quotation and is not in these numbers (see
# notebook 03). A quote without a resolved speaker is counted under "(no speaker)".
#
# ## Summary
#
# - Quote share and quotes per 100 words measure how much a story lets sources speak.
# - The kind of quote matters: partial and scare quotes are the writer's framing.
# - Words quoted per speaker show who is amplified.
#
# ## Exercises

# %% [markdown]
# 1. Which article has the highest quote share, and who speaks most in it?
#
# <details><summary>Solution</summary>
#
# ```python
# top = profile.sort_values("quote_share", ascending=False).iloc[0]
# nbtools.top_words_by(spoken[spoken["article_id"] == top["article_id"]], "speaker",
#                      "quote_words", n=3)
# ```
#
# </details>

# %% [markdown]
# 2. Are anonymous sources quoted directly, or only paraphrased?
#
# <details><summary>Solution</summary>
#
# ```python
# spoken[spoken["speaker_type"] == "anonymous"]["quote_kind"].value_counts()
# ```
# Compare with the anonymous attributions of notebook 03.
#
# </details>

# %% [markdown]
# 3. Write a sentence with a scare quote and check that the detector calls it one.
#
# <details><summary>Solution</summary>
#
# ```python
# analysis.find_quotes('The council passed its so-called "reforms" on Tuesday.')
# ```
#
# </details>
