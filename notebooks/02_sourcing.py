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
# # 02 · Who is cited: sources by type, named and anonymous, diversity
#
# *Who the stories cite: sources by type per article and group, the share of anonymous sources, the most cited sources, and how concentrated each story's sourcing is.*
#
#
#
# **Learning goals**
#
# - Count distinct sources per article by type (named people, anonymous, organisations, media, documents).
# - Compare the share of anonymous sources across articles and groups (`GROUP_BY`).
# - Read source diversity (Shannon entropy) and top-source share, and know what they do not say.
#
# **Prerequisites:** notebooks 00 and 01.
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
# ## Sources per article
#
# `analysis.sources(articles)` has one row per *distinct* source in each article: "Ramzan
# Kadyrov", "Kadyrov" and "he" are one source when the detector resolves them. We count
# sources of the body text (`field == "text"`).

# %%
sources = grouping.with_group(nbtools.with_articles(analysis.sources(articles), articles),
                              articles, group_by)
body = sources[sources["field"] == "text"]
print(f"{len(body)} source rows in {body['article_id'].nunique()} articles")
display(body[["title", "source", "source_type", "role", "n_attributions",
              "words_quoted"]].assign(title=body["title"].map(nbtools.label)).head(20))

# %%
from analysis.present.highlight import COLOURS

by_type = nbtools.by_group(body, "source_type", name=group_by)
display(by_type)
plots.show(plots.stacked(by_type, title=f"Distinct sources by type, per {group_by}",
                         colors=COLOURS["source"]))

# %% [markdown]
# Per article, the same counts show which stories lean on one kind of source. A story
# built on documents and organisations reads differently from one built on named
# witnesses. With many articles, one bar per article is unreadable: the chart shows how
# many sources the articles have, and the table lists the first articles (every
# article's own page has its sources).

# %%
per_article = nbtools.sources_per_article(body, articles)
titles = articles.set_index(articles["article_id"].astype("string"))["title"]
display(per_article.rename(index=lambda a: nbtools.label(titles.get(a))).head(15))
plots.show(plots.histogram(per_article.sum(axis=1), title="Distinct sources per article",
                           xlabel="sources"))
if len(per_article) < len(articles):
    print(f"{len(articles) - len(per_article)} articles in another language were not "
          "analysed (left out of the chart).")

# %% [markdown]
# ## Named and anonymous
#
# `share_anonymous` = anonymous sources / all distinct sources of an article ("officials",
# "a source in the Chechen leadership", "people familiar with the matter"). Anonymous
# sourcing is sometimes the only way to report a story, and always asks the reader for
# trust.

# %%
profile = nbtools.profile_with_articles(articles, group_by)
plots.show(plots.histogram(profile["share_anonymous"],
                           title="Share of anonymous sources per article",
                           xlabel="anonymous / all sources"))
no_sources = int(profile["share_anonymous"].isna().sum())
if no_sources:
    print(f"{no_sources} articles have no source, so no share (left out of the chart).")
display(profile.groupby("group")[["n_sources", "n_named_sources", "n_anonymous_sources"]]
        .sum().rename_axis(group_by))

# %% [markdown]
# ## The most cited sources
#
# Ranked by attributions (how often a source is cited), with the words quoted from
# them. One article's main source can top this list on its own: look at both columns.

# %%
cited = body.groupby("source")[["n_attributions", "words_quoted"]].sum() \
    .sort_values("n_attributions", ascending=False, kind="stable")
display(cited.head(15))
plots.show(plots.barh(cited["n_attributions"], title="Most cited sources",
                      xlabel="attributions"))

# %% [markdown]
# ## Source diversity and top-source share
#
# Two numbers summarise how concentrated an article's sourcing is, over its attributions
# to resolved sources:
#
# - **source diversity** = Shannon entropy in bits, H = −Σ pᵢ log₂ pᵢ, where pᵢ is the
#   share of attributions going to source i. One source: 0 bits. Two sources cited
#   equally: 1 bit. Four equally: 2 bits. It grows with more sources *and* with more even
#   use of them.
# - **top-source share** = attributions of the most cited source / all attributions.
#   0.8 means one voice carries four fifths of the story.
#
# A worked check of the formula:

# %%
from analysis.tables.corpus import shannon_entropy

examples = {"one source, 4 citations": [4], "two sources, 2 + 2": [2, 2],
            "two sources, 3 + 1": [3, 1], "four sources, 1 each": [1, 1, 1, 1]}
pd.DataFrame({"entropy (bits)": {k: round(shannon_entropy(v), 3) for k, v in examples.items()},
              "top-source share": {k: max(v) / sum(v) for k, v in examples.items()}})

# %%
diversity = profile[["title", "group", "n_sources", "source_diversity", "top_source_share"]]
display(diversity.assign(title=diversity["title"].map(nbtools.label))
        .sort_values("source_diversity", ascending=False, kind="stable").head(20))
plots.show(plots.scatter(profile["top_source_share"], profile["source_diversity"],
                         title="Diversity against dominance of one source",
                         xlabel="top-source share", ylabel="source diversity (bits)"))

# %% [markdown]
# **Limits.** The measures count what the detector resolved. A missed attribution, or
# "he" resolved to the wrong person, changes both numbers; short stories with two
# citations swing between 0 and 1 bit. Diversity of *names* is not diversity of
# *viewpoints*: three officials of one ministry are three sources.
#
# ## Summary
#
# - Sources are counted once per article, by type; the anonymous share and the most
#   cited sources follow from the same table.
# - Entropy and top-source share summarise concentration; read them with `n_sources`
#   and the article's length.
#
# ## Exercises

# %% [markdown]
# 1. Which group (`GROUP_BY`) relies most on anonymous sources, counted per article
#    rather than pooled?
#
# <details><summary>Solution</summary>
#
# ```python
# profile.groupby("group")["share_anonymous"].mean().sort_values()
# ```
# Averaging per article gives each story equal weight; pooling the counts gives long
# stories more weight. Say which one you report.
#
# </details>

# %% [markdown]
# 2. Find the article with the highest top-source share. Who is the dominant source?
#
# <details><summary>Solution</summary>
#
# ```python
# top = profile.sort_values("top_source_share", ascending=False).iloc[0]
# body[body["article_id"] == top["article_id"]].sort_values("n_attributions",
#                                                           ascending=False).head(3)
# ```
#
# </details>

# %% [markdown]
# 3. Compute the entropy of citations split 5, 3, 1, 1 by hand and check it with `shannon_entropy`.
#
# <details><summary>Solution</summary>
#
# p = 0.5, 0.3, 0.1, 0.1; H = −(0.5·log₂0.5 + 0.3·log₂0.3 + 2·0.1·log₂0.1) ≈ 1.69 bits.
# ```python
# shannon_entropy([5, 3, 1, 1])
# ```
#
# </details>
