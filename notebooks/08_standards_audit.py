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
# # 08 · Who is cited, and does the story meet the standards?
#
# *Gender and affiliation of every source, and an editorial-standards audit of every story,
# each flag with the words that decided it.*
#
# Newsroom sourcing audits (the BBC's 50:50 project, the GenderGapTracker, studies of
# official-source dominance since Sigal 1973) ask *who* gets to speak, and whether a story
# meets the sourcing rules editors set: explain why a source is anonymous, ask the people a
# story is about for their side, say when a claim could not be verified.
#
# **Learning goals**
#
# - Read `gender` and `gender_evidence` of a source, and know what the measure can and
#   cannot say.
# - Read `affiliation` and the share of official sources of a story.
# - Read the `standards` table and check each flag against its evidence span.
#
# **Prerequisites:** notebook 02 (sources). **Parameter:** `CORPUS` (default the shipped
# teaching articles; `politics/104`, `health/105` and `courts/106` were written for this
# notebook).

# %%
import pandas as pd
from IPython.display import display

import analysis
from analysis.paths import resolve
from analysis.present.nbtools import open_corpus

# %% tags=["parameters"]
CORPUS = "data/articles"  # a folder or file; relative to the repository root

# %%
pd.set_option("display.max_colwidth", 70)
pd.set_option("display.max_rows", 40)
pd.set_option("display.precision", 2)
articles = open_corpus(resolve(CORPUS))

# %% [markdown]
# ## Gender of person sources
#
# Only a single person gets a gender: a named person or one unnamed person ("a police
# spokeswoman"). Organisations, documents, media and groups get none. The evidence comes
# from the article first, strongest first: an **honorific** (Mr, Ms, Sir before the
# surname), a gendered **role word** (spokeswoman, chairman, daughter), a **pronoun**
# (he/she resolved to the source); only when the text says nothing, the **first name**,
# from US Census 1990 statistics (the `names` package, MIT), when at least 90 % of its
# bearers are of one gender. Everything else is `unknown`.

# %%
sources = analysis.sources(articles)
body = sources[sources["field"] == "text"].merge(articles[["article_id", "title"]])
people = body[body["gender"].notna()]
display(people[["title", "source", "gender", "gender_evidence", "affiliation"]].head(25))
display(people.groupby(["gender", "gender_evidence"], dropna=False).size().rename("sources"))

# %% [markdown]
# **What this measure can and cannot say.** It reports gender *as the text presents it*:
# the words a newsroom chose, or, failing those, name statistics from one country and one
# year. It says nothing about how people identify themselves; non-binary people, and
# names outside the census lists, come out `unknown` (or, rarely, wrong). On the
# project's development gold, gender is right for about 19 sources in 20 where the text
# shows it (README, "Who is cited"); the evidence kind is right less often, because
# "she said" does not yet overrule a first name that agrees with it. Read shares over a
# few sources as anecdotes, not statistics.
#
# ## Affiliation and official sources
#
# `affiliation` says whom a source speaks for, from the words of
# `analysis/nlp/lexicons/affiliations.tsv` found in its role, its mention and the article's
# description of it ("Kremlin spokesman", "a researcher at the University of
# Brindlemoor"). It is the weakest of these measures (about 6 in 10 right on the
# development gold): a club or a company the lexicon does not know, or a person the story
# never describes, falls back to `business` (a named organisation) or `other`.

# %%
profile = analysis.profile(articles).merge(articles[["article_id", "title"]])
columns = ["title", "n_sources", "n_female_sources", "n_male_sources",
           "share_female_sources", "share_female_quoted_words", "share_official_sources"]
display(profile[columns])

# %%
counts = [c for c in profile.columns if c.startswith("n_sources_")]
display(profile.set_index("title")[counts].rename(columns=lambda c: c[len("n_sources_"):]))

# %% [markdown]
# ## The standards audit
#
# `analysis.standards(articles)` has one row per article. Each flag comes with the words
# that decided it (`<flag>_evidence`) and their span (`<flag>_start`, `<flag>_end`, in the
# body; in the headline for `headline_distancing`), so you can check it in the
# highlighted view. Anonymous sources count as *explained* when a sentence that cites
# them says why they are not named (`analysis/nlp/lexicons/anonymity.tsv`, after the AP,
# Reuters, BBC and SPJ guidelines). Whether a story states claims with no source at all
# (`n_unattributed_claim_sentences`) is out of scope.

# %%
audit = analysis.standards(articles).merge(articles[["article_id", "title"]])
flags = ["title", "n_anonymous_explained", "n_anonymous_unexplained", "response_sought",
         "single_source", "dominant_source", "verification_disclaimer",
         "headline_distancing"]
display(audit[flags])

# %%
evidence = [c for c in audit.columns if c.endswith("_evidence")]
display(audit.set_index("title")[evidence].dropna(how="all"))

# %% [markdown]
# Check one flag in its article: the highlighted view marks the same spans.

# %%
first = audit.dropna(subset=["anonymous_explained_evidence"]).head(1)
if len(first):
    row = articles.set_index("article_id").loc[first["article_id"].iloc[0]]
    start, end = first[["anonymous_explained_start", "anonymous_explained_end"]].iloc[0]
    print(row["title"])
    print("...", row["text"][max(0, start - 80):end + 40], "...")

# %% [markdown]
# ## Exercises
#
# 1. Find a source whose `gender_evidence` is `first_name`. Does the article say more
#    ("she said", "Ms ...")? What would you label it?
# 2. Pick an article with `n_anonymous_unexplained` > 0. Read the sentence: would your
#    newsroom's guidelines accept it?
# 3. Which story relies most on official sources? Is that a problem for that story?
# 4. Run `benchmarks/gold_scores.py` and read the issue-11 figures: which flag would you
#    trust in a report to editors, and which not yet?
