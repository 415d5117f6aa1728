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
# # 00 · Start here: one article, end to end
#
# *The worked example: one news story, every quote, attribution, source, hedge and booster marked, with the tables behind the marks.*
#
# This collection measures *how* news stories are sourced and told: who is quoted, with which verbs, how much of a story is quotation, where the reporter or a source is uncertain. Notebooks 01-07 apply the same tools to a whole corpus; this one looks closely at a single story.
#
# **Learning goals**
#
# - Read the highlighted view: what each mark and tag means, and where the rule that decided it is shown.
# - Know the five tables every other notebook uses: quotes, attributions, sources, hedges, boosters, and the one-row-per-article profile.
# - See that every number in these notebooks comes from transparent rules that can be wrong, and where to check them (notebook 07).
#
# **Prerequisites:** none. Run the cells from top to bottom (Shift+Enter), or read the exported report.
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
# ## The worked example
#
# The corpus ships the *seed* article, a 2015 Middle East Eye story about claims by the
# Chechen leader Ramzan Kadyrov. When the corpus holds it, we use it; otherwise the first
# article of the corpus.

# %%
example = nbtools.pick_example(articles)
if example is None:
    print("The corpus has no articles: nothing to show.")
else:
    print(example["title"])
    outlet = example["outlet"] if isinstance(example["outlet"], str) else "outlet not given"
    print(f"{outlet} · {example['n_words']:,} words")

# %% [markdown]
# ## The highlighted view
#
# `analysis.highlight(row)` marks five layers of records. Colour is never the only cue:
#
# | layer | looks like | small tag after the mark |
# |---|---|---|
# | **quotes** | tinted background, dotted outline | `direct`, `partial`, `scare`, `title` |
# | **attribution cues** | bold, solid underline | the stance: `neutral`, `distancing`, `endorsing`, `admission`, `refusal` |
# | **source mentions** | a box: solid for named people, dashed for anonymous sources, double for organisations and media | the source type |
# | **hedges** | wavy underline | the category: `epistemic`, `hearsay`, `verify`, ... |
# | **boosters** | double underline | `booster` or `negated` |
#
# Hover over a mark to see its record: the speaker or source, and the **rule** that
# decided it. The rule names are the way to ask the detector *why*.

# %%
view = analysis.highlight(example) if example is not None else None
view

# %% [markdown]
# ### What to look for
#
# Computed from the records of this article (`nbtools.what_to_look_for`): its headline
# cue, a distancing and a neutral cue, a partial quote, a refusal, hedges.

# %%
from IPython.display import HTML

if example is not None:
    display(HTML(nbtools.what_to_look_for(example)))

# %% [markdown]
# Markup inside an article (a stray `<script>` in a scraped page, say) is shown as text,
# never run: every character of the article is escaped.

# %% [markdown]
# ## How many marks of each kind

# %%
if view is not None:
    counts = pd.Series(view.counts(), name="marks")
    plots.show(plots.barh(counts, title="Records found in the example, by layer",
                          xlabel="marks", top=None))

# %% [markdown]
# ## The tables behind the marks
#
# Every mark is one row of a tidy table keyed by `article_id`, with character offsets
# (`*_start`, `*_end`) into the headline or body (`field`). These are the tables every
# other notebook counts.

# %%
one = articles[articles["article_id"] == example["article_id"]] if example is not None \
    else articles.head(0)
quotes = analysis.quotes(one)
display(quotes[["field", "quote_text", "quote_kind", "speaker", "rule"]])

# %%
attributions = analysis.attributions(one)
display(attributions[["field", "cue", "stance", "source_text", "source", "source_type",
                      "attribution_kind", "rule"]])

# %%
display(analysis.sources(one))
display(analysis.hedges(one)[["field", "hedge_cue", "category", "voice", "rule"]])
display(analysis.boosters(one)[["field", "booster_cue", "voice", "negated", "rule"]])

# %% [markdown]
# ## One row of measures: the profile
#
# `analysis.profile` turns the records into one row of measures per article: quote
# share, quotes per 100 words, sources named and anonymous, the share of distancing
# cues, source diversity, hedges per 100 words and more. Each formula is in the
# docstring (`help(analysis.profile)`) and the README.

# %%
analysis.profile(one).T.rename(columns={0: "value"})

# %% [markdown]
# ## The explorer
#
# `analysis.explore(articles)` lets you pick any article, paste a text or upload your own
# files, and download the tables as CSV or Excel. It needs a live notebook (JupyterLab
# or Binder); in an exported report you see a static copy.

# %%
analysis.explore(articles)

# %% [markdown]
# ## Summary
#
# - One call, `analysis.present.highlight`, shows what the detectors found in a story, with the
#   rule behind each mark.
# - The same records, as tables, are what notebooks 01-06 count and compare.
# - The detectors are rules and word lists: readable, and sometimes wrong. Before you
#   believe a count, see how often the rules agree with a person (notebook 07).
#
# ## Exercises

# %% [markdown]
# 1. Analyse a sentence of your own. Which stance does the cue get in *"The minister insisted the figures were correct"*? And with *said* instead?
#
# <details><summary>Solution</summary>
#
# ```python
# analysis.highlight("The minister insisted the figures were correct.")
# analysis.highlight("The minister said the figures were correct.")
# ```
# *insisted* is a distancing cue (the writer signals doubt or emphasis); *said* is
# neutral, the verb style guides recommend.
#
# </details>

# %% [markdown]
# 2. In the example, find a record whose rule you find surprising. Which table holds it, and what does its `rule` column say?
#
# <details><summary>Solution</summary>
#
# Hover over the mark, or filter the tables, e.g.
# ```python
# attributions[attributions["cue"].str.contains("according", case=False)]
# ```
# The `rule` names the pattern that fired (for example a cue before its source); the
# rules live in `analysis/detect/attribution.py` and the word lists in `analysis/nlp/lexicons/`.
#
# </details>

# %% [markdown]
# 3. Find a partial quote in the example (the list above names one when there is any).
#    Why is it partial and not direct?
#
# <details><summary>Solution</summary>
#
# ```python
# quotes[quotes["quote_kind"] == "partial"][["quote_text", "speaker", "rule"]]
# ```
# A partial quote is a fragment inside the writer's own sentence (in the seed article, "it said that the "best fighters" from mostly Muslim Chechnya have managed..."), not a whole quoted utterance introduced by a speech verb. Partial quotes let a writer use a source's words while keeping control of the sentence.
#
# </details>
