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
# # 01 · Loading articles: formats, the load report, boilerplate, duplicates, languages
#
# *What the loader read from every input format, what it skipped and why, and what it set aside as boilerplate, duplicates or other languages.*
#
#
#
# **Learning goals**
#
# - Load a folder of mixed formats (txt, json, jsonl, csv, html, ...) into one article table and know its columns.
# - Read the load report: every record is either a row or a skip with a reason.
# - Recognise boilerplate, duplicate (syndicated) copy and non-English articles, and why each must be handled before counting anything.
#
# **Prerequisites:** notebook 00.
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
# ## The article table
#
# One row per article, whatever the input format. `text` is the story body only
# (paragraphs separated by newlines); the lines removed as publisher boilerplate are kept
# in `boilerplate`, never lost.

# %%
display(articles.dtypes.to_frame("dtype").T)
display(articles[["title", "outlet", "published", "language", "n_words"]].head(20))

# %% [markdown]
# ## Every input format
#
# The teaching corpus deliberately mixes formats: plain text (headline on line 1), JSON
# and JSON Lines, CSV, and saved web pages (HTML, read with trafilatura). The same loader
# also reads `.xlsx`, `.md`, gzip files, zip archives, Reuters SGML and the PolNeAR
# layout.

# %%
formats = articles["source_path"].map(nbtools.file_format).value_counts()
display(formats.to_frame("articles"))
plots.show(plots.barh(formats, title="Articles by input format", xlabel="articles",
                      top=None))

# %% [markdown]
# ## The load report
#
# Nothing is dropped silently. A record that cannot be read becomes a *skip* with a
# reason (`analysis.skipped(articles)`), and files passed over on purpose (README,
# LICENSE, SOURCE, dotfiles) are listed as *ignored*. For every load:
# **rows + skipped records = records seen**.

# %%
skipped = analysis.skipped(articles)
print(f"{len(articles)} rows, {len(skipped)} skipped, "
      f"{len(articles.attrs.get('ignored', []))} files ignored")
if skipped.empty:
    print("Nothing was skipped in this corpus.")
else:
    display(skipped.assign(path=skipped["path"].map(nbtools.show_path)))

# %% [markdown]
# To see the load report at work, here are three broken files loaded in a scratch
# folder: an empty file, malformed JSON, and a CSV without a text column.

# %%
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as scratch:
    folder = Path(scratch)
    (folder / "empty.txt").write_text("")
    (folder / "broken.json").write_text('{"title": "Unfinished", "text": ')
    (folder / "no_text.csv").write_text("title,author\nA headline,A. Writer\n")
    demo = analysis.load_articles(folder)
    report = analysis.skipped(demo)
    report["path"] = report["path"].map(lambda p: Path(str(p)).name)
display(report)

# %% [markdown]
# ## Boilerplate
#
# Publisher promotion ("Sign up to our newsletter", "All rights reserved", "Read more:")
# is not part of the story, and would inflate word counts and confuse the detectors. The
# loader moves such lines to `boilerplate`. Check them: a rule that removes too much
# would delete reporting.

# %%
has_boilerplate = articles["boilerplate"].fillna("").str.len() > 0
table = articles.loc[has_boilerplate, ["title", "boilerplate"]].copy()
table["lines"] = table["boilerplate"].str.count("\n") + 1
print(f"{has_boilerplate.sum()} of {len(articles)} articles had boilerplate removed.")
display(table.head(15))

# %% [markdown]
# ## Duplicates
#
# Wire stories are republished by many outlets. Counted twice, one story weighs twice
# in every average. The loader marks a later identical text with `duplicate_of` (the
# `article_id` of the first copy); it keeps the row, so you decide.

# %%
duplicates = articles[articles["duplicate_of"].notna()]
if duplicates.empty:
    print("No duplicate texts in this corpus.")
else:
    first = articles.set_index("article_id")["outlet"]
    display(duplicates[["title", "outlet", "duplicate_of"]].assign(
        first_outlet=duplicates["duplicate_of"].map(first)))

# %% [markdown]
# ## Languages
#
# The detectors are English-only: their word lists and rules would produce nonsense on
# other languages. Articles in another language (detected when the source does not say)
# stay in the table, get an empty profile and a note.

# %%
display(articles["language"].fillna("(unknown)").value_counts().to_frame("articles"))
profile = analysis.profile(articles)
notes = profile[profile["note"].notna()][["article_id", "note"]]
display(notes if not notes.empty else "Every article is analysed (all English).")

# %% [markdown]
# ## Length and dates

# %%
plots.show(plots.histogram(articles["n_words"], title="Words per article (body text)",
                           xlabel="words"))
dated = articles.dropna(subset=["published"])
print(f"{len(dated)} of {len(articles)} articles have a publication date"
      + (f", from {dated['published'].min():%Y-%m-%d} to {dated['published'].max():%Y-%m-%d}."
         if len(dated) else "."))

# %% [markdown]
# ## Summary
#
# - One table, one row per article, whatever the format; the load report accounts for
#   every record.
# - Boilerplate is moved, not deleted; duplicates are marked, not dropped; other
#   languages are kept but not analysed.
# - Decide what to do with duplicates and wire copy *before* comparing outlets (notebook 06).
#
# ## Exercises

# %% [markdown]
# 1. Load only the JSON Lines file of the corpus. How many records did it have, and how many became rows?
#
# <details><summary>Solution</summary>
#
# ```python
# one_file = analysis.load_articles(corpus / "northgate_wire_2025.jsonl")
# len(one_file), len(analysis.skipped(one_file))
# ```
# Rows plus skipped records equal the lines of the file.
#
# </details>

# %% [markdown]
# 2. Drop the duplicates and the non-English articles. How many articles are left for the analysis?
#
# <details><summary>Solution</summary>
#
# ```python
# kept = articles[articles["duplicate_of"].isna()
#                 & articles["language"].fillna("en").str.startswith("en")]
# len(kept)
# ```
#
# </details>

# %% [markdown]
# 3. Look at one article's `boilerplate`. Is every removed line really not part of the story?
#
# <details><summary>Solution</summary>
#
# ```python
# print(articles.loc[has_boilerplate, "boilerplate"].iloc[0])
# ```
# If a line of reporting was removed, that is a loader error worth reporting (the rules
# are in `analysis/nlp/lexicons/boilerplate.tsv`).
#
# </details>
