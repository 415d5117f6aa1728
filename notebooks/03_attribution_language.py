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
# # 03 · Attribution language: cue verbs and stance
#
# *Which reporting verbs the stories use, the stance they signal (neutral, distancing, endorsing, admission, refusal), refusals to comment, and headline cues against body cues.*
#
#
#
# **Learning goals**
#
# - Count cue verbs and read their stance from the lexicon.
# - Compare distancing and neutral attribution across groups (`GROUP_BY`).
# - Find refusals to comment, and compare the cues of headlines with those of body text.
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
# ## Cue verbs
#
# Style guides recommend *said*: it reports without judging. *Claimed*, *insisted* or
# *alleged* put distance between the outlet and the claim; *confirmed*, *revealed* or
# *pointed out* endorse it; *admitted* or *conceded* frame it as an admission. Each cue's
# stance comes from a documented word list (`analysis/nlp/lexicons/cues.tsv`).

# %%
attributions = grouping.with_group(
    nbtools.with_articles(analysis.attributions(articles), articles), articles, group_by)
attributions["title"] = attributions["title"].map(nbtools.label)
lemmas = attributions["cue_lemma"].where(attributions["cue_lemma"].fillna("") != "",
                                         attributions["cue"].str.lower())
cue_counts = lemmas.value_counts()
print(f"{len(attributions)} attributions, {cue_counts.size} distinct cues")
plots.show(plots.barh(cue_counts, title="Most frequent attribution cues", xlabel="uses",
                      top=20))

# %%
from analysis.present.highlight import COLOURS

stance = attributions["stance"].value_counts()
display(stance.to_frame("attributions"))
if "cue_class" in attributions:
    display(attributions["cue_class"].fillna("(none)").value_counts().to_frame("attributions"))

# %% [markdown]
# ## Distancing against neutral, per group
#
# Shares within each group's attributions (rows sum to 1; groups from `GROUP_BY`). With a
# handful of articles per group, one story's wording can move a group's share a lot:
# notebook 06 adds confidence intervals.

# %%
body_cues = attributions[attributions["field"] == "text"]
stance_by_group = nbtools.by_group(body_cues, "stance", name=group_by)
display(nbtools.by_group(body_cues, "stance", share=True, name=group_by))
plots.show(plots.stacked(stance_by_group, title=f"Stance of attribution cues, per {group_by}",
                         share=True, colors=COLOURS["cue"]))

# %%
distancing = attributions[attributions["stance"] == "distancing"]
display(distancing[["group", "title", "cue", "source"]].head(20))

# %% [markdown]
# ## Refusals
#
# "Declined to comment", "did not respond to requests for comment", "refused to say".
# A refusal is reporting too: it tells the reader the other side was asked.

# %%
refusals = attributions[attributions["stance"] == "refusal"]
if refusals.empty:
    print("No refusals found in this corpus.")
else:
    display(refusals[["group", "title", "cue", "source", "source_type"]].head(30))

# %% [markdown]
# ## Headline cues against body cues
#
# Headlines are analysed too (`field == "title"`). A headline's *claims* frames the whole
# story before the first paragraph; the body may then use *said* throughout.

# %%
fields = pd.crosstab(attributions["field"], attributions["stance"]) \
    if not attributions.empty else pd.DataFrame()
display(fields)
plots.show(plots.stacked(fields, title="Stance in headlines and in body text", share=True,
                         colors=COLOURS["cue"]))
headline_cues = attributions[attributions["field"] == "title"]
display(headline_cues[["group", "title", "cue", "stance"]].head(30))

# %% [markdown]
# **Limits.** Stance comes from the verb alone, not from context: *claimed* in "he
# claimed the prize" is not distancing, and a neutral *said* can sit in a hostile
# sentence. Cues outside the lexicon are missed (PolNeAR's gold has a long tail of them;
# see notebook 07).
#
# ## Summary
#
# - Cue verbs carry a stance; *said* is the neutral default.
# - Distancing and refusal cues per group, and headline cues, are where wording choices
#   show.
#
# ## Exercises

# %% [markdown]
# 1. Which cue verbs of the corpus are *not* neutral? List them with their stance.
#
# <details><summary>Solution</summary>
#
# ```python
# attributions.loc[attributions["stance"] != "neutral", ["cue", "stance"]].value_counts()
# ```
#
# </details>

# %% [markdown]
# 2. Which articles use a distancing cue in the headline but only neutral cues in the body?
#
# <details><summary>Solution</summary>
#
# ```python
# head = attributions[(attributions["field"] == "title") & (attributions["stance"] == "distancing")]
# body_stances = attributions[attributions["field"] == "text"].groupby("article_id")["stance"] \
#     .agg(set)
# [t for a, t in zip(head["article_id"], head["title"])
#  if body_stances.get(a, set()) <= {"neutral"}]
# ```
#
# </details>

# %% [markdown]
# 3. Test the lexicon: what stance does *"The company maintained it had done nothing wrong"* get? Should it?
#
# <details><summary>Solution</summary>
#
# ```python
# analysis.find_attributions("The company maintained it had done nothing wrong.")
# analysis.find_attributions("The company maintained that it had done nothing wrong.")
# analysis.find_attributions('"We did nothing wrong," the company maintained.')
# ```
# The first call returns an empty list: no attribution at all. That is on purpose.
# *maintain* is listed in `analysis/nlp/lexicons/cues.tsv` with frame `clause`: it counts as a
# reporting cue only before *that*, a quote or a colon, or after the content ("...,
# the company maintained"), because as a bare verb it is mostly not reporting
# ("maintained support", "maintained the roads"). Without *that*, the rule cannot tell
# "maintained [it had done nothing wrong]" from "maintained [the building]". The second
# and third calls find it, with stance *distancing*: *maintained* keeps a claim against
# doubt (Wikipedia's "words to watch"). A missed cue lowers recall, which is why
# notebook 07 measures it. If you disagree with either choice, the lexicon is the one
# place to change it.
#
# </details>
