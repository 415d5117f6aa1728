# ruff: noqa: E501  (Markdown tables in the cell texts are long lines)
"""Write the teaching notebooks ``NN_name.ipynb`` from the cell texts below.

The notebooks are the product; this script is how they are kept consistent (the same
set-up cell, the tagged ``parameters`` cell, fixed cell ids, no outputs, kernel
``python3``). Edit the text here and run::

    .venv/bin/python notebooks/_build.py

or edit a notebook in JupyterLab and carry the change over here before the next run
(the script overwrites the notebooks). ``tests/test_notebooks.py`` checks the result.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = '''\
# Relative paths are read from the repository root, so this runs from any folder.
from analysis.paths import resolve

corpus = resolve(CORPUS)

import pandas as pd
from IPython.display import display

import analysis
from analysis import nbtools, plots, stats

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.max_rows", 40)
articles = nbtools.open_corpus(corpus)'''

PARAMETERS = 'CORPUS = "data/articles"  # a folder or file; relative to the repository root'


def md(text: str) -> nbformat.NotebookNode:
    return new_markdown_cell(text.strip("\n"))


def code(text: str, tags: list[str] | None = None) -> nbformat.NotebookNode:
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def header(title: str, summary: str, goals: list[str], prerequisites: str,
           intro: str = "") -> list[nbformat.NotebookNode]:
    goal_lines = "\n".join(f"- {g}" for g in goals)
    return [
        md(f"# {title}\n\n*{summary}*\n\n{intro}\n\n**Learning goals**\n\n{goal_lines}\n\n"
           f"**Prerequisites:** {prerequisites}\n\n"
           "**Parameters:** `CORPUS` in the next cell (a folder or a file; default the "
           "shipped teaching articles `data/articles`). `make report CORPUS=...` sets it "
           "for every notebook."),
        code(PARAMETERS, tags=["parameters"]),
        code(SETUP),
    ]


def solution(question: str, answer: str) -> str:
    return (f"{question}\n\n<details><summary>Solution</summary>\n\n{answer.strip()}\n\n"
            "</details>\n")


# ---------------------------------------------------------------------------
# 00 start here
# ---------------------------------------------------------------------------

NB00 = [
    *header(
        "00 · Start here: one article, end to end",
        "The worked example: one news story, every quote, attribution, source, hedge "
        "and booster marked, with the tables behind the marks.",
        ["Read the highlighted view: what each mark and tag means, and where the rule "
         "that decided it is shown.",
         "Know the five tables every other notebook uses: quotes, attributions, sources, "
         "hedges, boosters, and the one-row-per-article profile.",
         "See that every number in these notebooks comes from transparent rules that can "
         "be wrong, and where to check them (notebook 07)."],
        "none. Run the cells from top to bottom (Shift+Enter), or read the exported "
        "report.",
        intro="This collection measures *how* news stories are sourced and told: who is "
              "quoted, with which verbs, how much of a story is quotation, where the "
              "reporter or a source is uncertain. Notebooks 01-07 apply the same tools to "
              "a whole corpus; this one looks closely at a single story.",
    ),
    md("""
## The worked example

The corpus ships the *seed* article, a 2015 Middle East Eye story about claims by the
Chechen leader Ramzan Kadyrov. When the corpus holds it, we use it; otherwise the first
article of the corpus."""),
    code("""
example = nbtools.pick_example(articles)
if example is None:
    print("The corpus has no articles: nothing to show.")
else:
    print(example["title"])
    outlet = example["outlet"] if isinstance(example["outlet"], str) else "outlet not given"
    print(f"{outlet} · {example['n_words']} words")"""),
    md("""
## The highlighted view

`analysis.highlight(row)` marks five layers of records. Colour is never the only cue:

| layer | looks like | small tag after the mark |
|---|---|---|
| **quotes** | tinted background, dotted outline | `direct`, `partial`, `scare`, `title` |
| **attribution cues** | bold, solid underline | the stance: `neutral`, `distancing`, `endorsing`, `admission`, `refusal` |
| **source mentions** | a box: solid for named people, dashed for anonymous sources, double for organisations and media | the source type |
| **hedges** | wavy underline | the category: `epistemic`, `hearsay`, `verify`, ... |
| **boosters** | double underline | `booster` or `negated` |

Hover over a mark to see its record: the speaker or source, and the **rule** that
decided it. The rule names are the way to ask the detector *why*."""),
    code("""
view = analysis.highlight(example) if example is not None else None
view"""),
    md("""
### What to look for

- The headline's **claims** is a *distancing* cue: the outlet does not vouch for the claim.
  Compare it with the neutral **said** later in the story.
- **"best fighters"** is a *partial* quote: a few quoted words inside the writer's own
  sentence. Its speaker is Kadyrov, even though the sentence is about the documentary.
- **"declined to comment"** is a *refusal*: a source that was asked and did not answer.
- **"There was no way to immediately verify ..."** is a *verification* hedge in the
  reporter's own voice; **nearly 2,900** is an *approximator*.

Markup inside an article (a stray `<script>` in a scraped page, say) is shown as text,
never run: every character of the article is escaped."""),
    md("## How many marks of each kind"),
    code("""
if view is not None:
    counts = pd.Series(view.counts(), name="marks")
    plots.show(plots.barh(counts, title="Records found in the example, by layer",
                          xlabel="marks", top=None))"""),
    md("""
## The tables behind the marks

Every mark is one row of a tidy table keyed by `article_id`, with character offsets
(`*_start`, `*_end`) into the headline or body (`field`). These are the tables every
other notebook counts."""),
    code("""
one = articles[articles["article_id"] == example["article_id"]] if example is not None \\
    else articles.head(0)
quotes = analysis.quotes(one)
display(quotes[["field", "quote_text", "quote_kind", "speaker", "rule"]])"""),
    code("""
attributions = analysis.attributions(one)
display(attributions[["field", "cue", "stance", "source_text", "source", "source_type",
                      "attribution_kind", "rule"]])"""),
    code("""
display(analysis.sources(one))
display(analysis.hedges(one)[["field", "hedge_cue", "category", "voice", "rule"]])
display(analysis.boosters(one)[["field", "booster_cue", "voice", "negated", "rule"]])"""),
    md("""
## One row of measures: the profile

`analysis.profile` turns the records into one row of measures per article: quote
share, quotes per 100 words, sources named and anonymous, the share of distancing
cues, source diversity, hedges per 100 words and more. Each formula is in the
docstring (`help(analysis.profile)`) and the README."""),
    code("""
analysis.profile(one).T.rename(columns={0: "value"})"""),
    md("""
## The explorer

`analysis.explore(articles)` lets you pick any article, paste a text or upload your own
files, and download the tables as CSV or Excel. It needs a live notebook (JupyterLab
or Binder); in an exported report you see a static copy."""),
    code("analysis.explore(articles)"),
    md("""
## Summary

- One call, `analysis.highlight`, shows what the detectors found in a story, with the
  rule behind each mark.
- The same records, as tables, are what notebooks 01-06 count and compare.
- The detectors are rules and word lists: readable, and sometimes wrong. Before you
  believe a count, see how often the rules agree with a person (notebook 07).

## Exercises"""),
    md(solution(
        "1. Analyse a sentence of your own. Which stance does the cue get in *\"The "
        "minister insisted the figures were correct\"*? And with *said* instead?",
        """```python
analysis.highlight("The minister insisted the figures were correct.")
analysis.highlight("The minister said the figures were correct.")
```
*insisted* is a distancing cue (the writer signals doubt or emphasis); *said* is
neutral, the verb style guides recommend."""),),
    md(solution(
        "2. In the example, find a record whose rule you find surprising. Which table "
        "holds it, and what does its `rule` column say?",
        """Hover over the mark, or filter the tables, e.g.
```python
attributions[attributions["cue"].str.contains("according", case=False)]
```
The `rule` names the pattern that fired (for example a cue before its source); the
rules live in `analysis/attribution.py` and the word lists in `analysis/lexicons/`."""),),
    md(solution(
        "3. Why is *\"best fighters\"* a partial quote and not a direct one?",
        "It is a fragment inside the writer's own sentence (\"it said that the \"best "
        "fighters\" from mostly Muslim Chechnya have managed...\"), not a whole quoted "
        "utterance introduced by a speech verb. Partial quotes let a writer use a "
        "source's words while keeping control of the sentence."),),
]

# ---------------------------------------------------------------------------
# 01 loading
# ---------------------------------------------------------------------------

NB01 = [
    *header(
        "01 · Loading articles: formats, the load report, boilerplate, duplicates, languages",
        "What the loader read from every input format, what it skipped and why, and what "
        "it set aside as boilerplate, duplicates or other languages.",
        ["Load a folder of mixed formats (txt, json, jsonl, csv, html, ...) into one article "
         "table and know its columns.",
         "Read the load report: every record is either a row or a skip with a reason.",
         "Recognise boilerplate, duplicate (syndicated) copy and non-English articles, "
         "and why each must be handled before counting anything."],
        "notebook 00.",
    ),
    md("""
## The article table

One row per article, whatever the input format. `text` is the story body only
(paragraphs separated by newlines); the lines removed as publisher boilerplate are kept
in `boilerplate`, never lost."""),
    code("""
display(articles.dtypes.to_frame("dtype").T)
display(articles[["title", "outlet", "published", "language", "n_words"]].head(20))"""),
    md("""
## Every input format

The teaching corpus deliberately mixes formats: plain text (headline on line 1), JSON
and JSON Lines, CSV, and saved web pages (HTML, read with trafilatura). The same loader
also reads `.xlsx`, `.md`, gzip files, zip archives, Reuters SGML and the PolNeAR
layout."""),
    code("""
formats = articles["source_path"].map(nbtools.file_format).value_counts()
display(formats.to_frame("articles"))
plots.show(plots.barh(formats, title="Articles by input format", xlabel="articles",
                      top=None))"""),
    md("""
## The load report

Nothing is dropped silently. A record that cannot be read becomes a *skip* with a
reason (`analysis.skipped(articles)`), and files passed over on purpose (README,
LICENSE, SOURCE, dotfiles) are listed as *ignored*. For every load:
**rows + skipped records = records seen**."""),
    code("""
skipped = analysis.skipped(articles)
print(f"{len(articles)} rows, {len(skipped)} skipped, "
      f"{len(articles.attrs.get('ignored', []))} files ignored")
if skipped.empty:
    print("Nothing was skipped in this corpus.")
else:
    display(skipped.assign(path=skipped["path"].map(nbtools.show_path)))"""),
    md("""
To see the load report at work, here are three broken files loaded in a scratch
folder: an empty file, malformed JSON, and a CSV without a text column."""),
    code("""
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as scratch:
    folder = Path(scratch)
    (folder / "empty.txt").write_text("")
    (folder / "broken.json").write_text('{"title": "Unfinished", "text": ')
    (folder / "no_text.csv").write_text("title,author\\nA headline,A. Writer\\n")
    demo = analysis.load_articles(folder)
    report = analysis.skipped(demo)
    report["path"] = report["path"].map(lambda p: Path(str(p)).name)
display(report)"""),
    md("""
## Boilerplate

Publisher promotion ("Sign up to our newsletter", "All rights reserved", "Read more:")
is not part of the story, and would inflate word counts and confuse the detectors. The
loader moves such lines to `boilerplate`. Check them: a rule that removes too much
would delete reporting."""),
    code("""
has_boilerplate = articles["boilerplate"].fillna("").str.len() > 0
table = articles.loc[has_boilerplate, ["title", "boilerplate"]].copy()
table["lines"] = table["boilerplate"].str.count("\\n") + 1
print(f"{has_boilerplate.sum()} of {len(articles)} articles had boilerplate removed.")
display(table.head(15))"""),
    md("""
## Duplicates

Wire stories are republished by many outlets. Counted twice, one story weighs twice
in every average. The loader marks a later identical text with `duplicate_of` (the
`article_id` of the first copy); it keeps the row, so you decide."""),
    code("""
duplicates = articles[articles["duplicate_of"].notna()]
if duplicates.empty:
    print("No duplicate texts in this corpus.")
else:
    first = articles.set_index("article_id")["outlet"]
    display(duplicates[["title", "outlet", "duplicate_of"]].assign(
        first_outlet=duplicates["duplicate_of"].map(first)))"""),
    md("""
## Languages

The detectors are English-only: their word lists and rules would produce nonsense on
other languages. Articles in another language (detected when the source does not say)
stay in the table, get an empty profile and a note."""),
    code("""
display(articles["language"].fillna("(unknown)").value_counts().to_frame("articles"))
profile = analysis.profile(articles)
notes = profile[profile["note"].notna()][["article_id", "note"]]
display(notes if not notes.empty else "Every article is analysed (all English).")"""),
    md("## Length and dates"),
    code("""
lengths = articles.set_index("title")["n_words"].astype(float)
plots.show(plots.barh(lengths, title="Words per article (body text)", xlabel="words",
                      top=20, fmt="{:.0f}"))
dated = articles.dropna(subset=["published"])
print(f"{len(dated)} of {len(articles)} articles have a publication date"
      + (f", from {dated['published'].min():%Y-%m-%d} to {dated['published'].max():%Y-%m-%d}."
         if len(dated) else "."))"""),
    md("""
## Summary

- One table, one row per article, whatever the format; the load report accounts for
  every record.
- Boilerplate is moved, not deleted; duplicates are marked, not dropped; other
  languages are kept but not analysed.
- Decide what to do with duplicates and wire copy *before* comparing outlets (notebook 06).

## Exercises"""),
    md(solution(
        "1. Load only the JSON Lines file of the corpus. How many records did it have, "
        "and how many became rows?",
        """```python
one_file = analysis.load_articles(corpus / "northgate_wire_2025.jsonl")
len(one_file), len(analysis.skipped(one_file))
```
Rows plus skipped records equal the lines of the file."""),),
    md(solution(
        "2. Drop the duplicates and the non-English articles. How many articles are "
        "left for the analysis?",
        """```python
kept = articles[articles["duplicate_of"].isna()
                & articles["language"].fillna("en").str.startswith("en")]
len(kept)
```"""),),
    md(solution(
        "3. Look at one article's `boilerplate`. Is every removed line really not part of "
        "the story?",
        """```python
print(articles.loc[has_boilerplate, "boilerplate"].iloc[0])
```
If a line of reporting was removed, that is a loader error worth reporting (the rules
are in `analysis/lexicons/boilerplate.tsv`)."""),),
]

# ---------------------------------------------------------------------------
# 02 sourcing
# ---------------------------------------------------------------------------

NB02 = [
    *header(
        "02 · Who is cited: sources by type, named and anonymous, diversity",
        "Who the stories cite: sources by type per article and outlet, the share of "
        "anonymous sources, the most cited sources, and how concentrated each story's "
        "sourcing is.",
        ["Count distinct sources per article by type (named people, anonymous, "
         "organisations, media, documents).",
         "Compare the share of anonymous sources across articles and outlets.",
         "Read source diversity (Shannon entropy) and top-source share, and know what "
         "they do not say."],
        "notebooks 00 and 01.",
    ),
    md("""
## Sources per article

`analysis.sources(articles)` has one row per *distinct* source in each article: "Ramzan
Kadyrov", "Kadyrov" and "he" are one source when the detector resolves them. We count
sources of the body text (`field == "text"`)."""),
    code("""
sources = nbtools.with_articles(analysis.sources(articles), articles)
body = sources[sources["field"] == "text"]
print(f"{len(body)} source rows in {body['article_id'].nunique()} articles")
display(body[["title", "source", "source_type", "role", "n_attributions",
              "words_quoted"]].head(20))"""),
    code("""
from analysis.highlight import COLOURS

by_type = nbtools.by_outlet(body, "source_type")
display(by_type)
plots.show(plots.stacked(by_type, title="Distinct sources by type, per outlet",
                         colors=COLOURS["source"]))"""),
    md("""
Per article, the same table shows which stories lean on one kind of source. A story
built on documents and organisations reads differently from one built on named
witnesses."""),
    code("""
per_article = pd.crosstab(body["title"].str.slice(0, 50), body["source_type"]) \\
    if not body.empty else pd.DataFrame()
display(per_article)
plots.show(plots.stacked(per_article, title="Sources by type, per article", share=True,
                         colors=COLOURS["source"]))"""),
    md("""
## Named and anonymous

`share_anonymous` = anonymous sources / all distinct sources of an article ("officials",
"a source in the Chechen leadership", "people familiar with the matter"). Anonymous
sourcing is sometimes the only way to report a story, and always asks the reader for
trust."""),
    code("""
profile = nbtools.profile_with_articles(articles)
shares = profile.set_index(profile["title"].str.slice(0, 50))["share_anonymous"]
plots.show(plots.barh(shares, title="Share of anonymous sources per article",
                      xlabel="anonymous / all sources", fmt="{:.2f}"))
display(profile.groupby("outlet")[["n_sources", "n_named_sources", "n_anonymous_sources"]]
        .sum())"""),
    md("""
## The most cited sources

Ranked by attributions (how often a source is cited), with the words quoted from
them. One article's main source can top this list on its own: look at both columns."""),
    code("""
cited = body.groupby("source")[["n_attributions", "words_quoted"]].sum() \\
    .sort_values("n_attributions", ascending=False, kind="stable")
display(cited.head(15))
plots.show(plots.barh(cited["n_attributions"], title="Most cited sources",
                      xlabel="attributions"))"""),
    md("""
## Source diversity and top-source share

Two numbers summarise how concentrated an article's sourcing is, over its attributions
to resolved sources:

- **source diversity** = Shannon entropy in bits, H = −Σ pᵢ log₂ pᵢ, where pᵢ is the
  share of attributions going to source i. One source: 0 bits. Two sources cited
  equally: 1 bit. Four equally: 2 bits. It grows with more sources *and* with more even
  use of them.
- **top-source share** = attributions of the most cited source / all attributions.
  0.8 means one voice carries four fifths of the story.

A worked check of the formula:"""),
    code("""
from analysis.corpus import shannon_entropy

examples = {"one source, 4 citations": [4], "two sources, 2 + 2": [2, 2],
            "two sources, 3 + 1": [3, 1], "four sources, 1 each": [1, 1, 1, 1]}
pd.DataFrame({"entropy (bits)": {k: round(shannon_entropy(v), 3) for k, v in examples.items()},
              "top-source share": {k: max(v) / sum(v) for k, v in examples.items()}})"""),
    code("""
diversity = profile[["title", "outlet", "n_sources", "source_diversity", "top_source_share"]]
display(diversity.sort_values("source_diversity", ascending=False, kind="stable"))
plots.show(plots.scatter(profile["top_source_share"], profile["source_diversity"],
                         title="Diversity against dominance of one source",
                         xlabel="top-source share", ylabel="source diversity (bits)"))"""),
    md("""
**Limits.** The measures count what the detector resolved. A missed attribution, or
"he" resolved to the wrong person, changes both numbers; short stories with two
citations swing between 0 and 1 bit. Diversity of *names* is not diversity of
*viewpoints*: three officials of one ministry are three sources.

## Summary

- Sources are counted once per article, by type; the anonymous share and the most
  cited sources follow from the same table.
- Entropy and top-source share summarise concentration; read them with `n_sources`
  and the article's length.

## Exercises"""),
    md(solution(
        "1. Which outlet relies most on anonymous sources, counted per article rather "
        "than pooled?",
        """```python
profile.groupby("outlet")["share_anonymous"].mean().sort_values()
```
Averaging per article gives each story equal weight; pooling the counts gives long
stories more weight. Say which one you report."""),),
    md(solution(
        "2. Find the article with the highest top-source share. Who is the dominant "
        "source?",
        """```python
top = profile.sort_values("top_source_share", ascending=False).iloc[0]
body[body["article_id"] == top["article_id"]].sort_values("n_attributions",
                                                          ascending=False).head(3)
```"""),),
    md(solution(
        "3. Compute the entropy of citations split 5, 3, 1, 1 by hand and check it with "
        "`shannon_entropy`.",
        """p = 0.5, 0.3, 0.1, 0.1; H = −(0.5·log₂0.5 + 0.3·log₂0.3 + 2·0.1·log₂0.1) ≈ 1.69 bits.
```python
shannon_entropy([5, 3, 1, 1])
```"""),),
]

# ---------------------------------------------------------------------------
# 03 attribution language
# ---------------------------------------------------------------------------

NB03 = [
    *header(
        "03 · Attribution language: cue verbs and stance",
        "Which reporting verbs the stories use, the stance they signal (neutral, "
        "distancing, endorsing, admission, refusal), refusals to comment, and headline "
        "cues against body cues.",
        ["Count cue verbs and read their stance from the lexicon.",
         "Compare distancing and neutral attribution across outlets.",
         "Find refusals to comment, and compare the cues of headlines with those of "
         "body text."],
        "notebooks 00 and 02.",
    ),
    md("""
## Cue verbs

Style guides recommend *said*: it reports without judging. *Claimed*, *insisted* or
*alleged* put distance between the outlet and the claim; *confirmed*, *revealed* or
*pointed out* endorse it; *admitted* or *conceded* frame it as an admission. Each cue's
stance comes from a documented word list (`analysis/lexicons/cues.tsv`)."""),
    code("""
attributions = nbtools.with_articles(analysis.attributions(articles), articles)
lemmas = attributions["cue_lemma"].where(attributions["cue_lemma"].fillna("") != "",
                                         attributions["cue"].str.lower())
cue_counts = lemmas.value_counts()
print(f"{len(attributions)} attributions, {cue_counts.size} distinct cues")
plots.show(plots.barh(cue_counts, title="Most frequent attribution cues", xlabel="uses",
                      top=20))"""),
    code("""
from analysis.highlight import COLOURS

stance = attributions["stance"].value_counts()
display(stance.to_frame("attributions"))
if "cue_class" in attributions:
    display(attributions["cue_class"].fillna("(none)").value_counts().to_frame("attributions"))"""),
    md("""
## Distancing against neutral, per outlet

Shares within each outlet's attributions (rows sum to 1). With a handful of articles
per outlet, one story's wording can move an outlet's share a lot: notebook 06 adds
confidence intervals."""),
    code("""
stance_by_outlet = nbtools.by_outlet(attributions[attributions["field"] == "text"], "stance")
display(nbtools.by_outlet(attributions[attributions["field"] == "text"], "stance", share=True))
plots.show(plots.stacked(stance_by_outlet, title="Stance of attribution cues, per outlet",
                         share=True, colors=COLOURS["cue"]))"""),
    code("""
distancing = attributions[attributions["stance"] == "distancing"]
display(distancing[["outlet", "title", "cue", "source"]].head(20))"""),
    md("""
## Refusals

"Declined to comment", "did not respond to requests for comment", "refused to say".
A refusal is reporting too: it tells the reader the other side was asked."""),
    code("""
refusals = attributions[attributions["stance"] == "refusal"]
if refusals.empty:
    print("No refusals found in this corpus.")
else:
    display(refusals[["outlet", "title", "cue", "source", "source_type"]])"""),
    md("""
## Headline cues against body cues

Headlines are analysed too (`field == "title"`). A headline's *claims* frames the whole
story before the first paragraph; the body may then use *said* throughout."""),
    code("""
fields = pd.crosstab(attributions["field"], attributions["stance"]) \\
    if not attributions.empty else pd.DataFrame()
display(fields)
plots.show(plots.stacked(fields, title="Stance in headlines and in body text", share=True,
                         colors=COLOURS["cue"]))
headline_cues = attributions[attributions["field"] == "title"]
display(headline_cues[["outlet", "title", "cue", "stance"]])"""),
    md("""
**Limits.** Stance comes from the verb alone, not from context: *claimed* in "he
claimed the prize" is not distancing, and a neutral *said* can sit in a hostile
sentence. Cues outside the lexicon are missed (PolNeAR's gold has a long tail of them;
see notebook 07).

## Summary

- Cue verbs carry a stance; *said* is the neutral default.
- Distancing and refusal cues per outlet, and headline cues, are where wording choices
  show.

## Exercises"""),
    md(solution(
        "1. Which cue verbs of the corpus are *not* neutral? List them with their stance.",
        """```python
attributions.loc[attributions["stance"] != "neutral", ["cue", "stance"]].value_counts()
```"""),),
    md(solution(
        "2. Which articles use a distancing cue in the headline but only neutral cues in "
        "the body?",
        """```python
head = attributions[(attributions["field"] == "title") & (attributions["stance"] == "distancing")]
body_stances = attributions[attributions["field"] == "text"].groupby("article_id")["stance"] \\
    .agg(set)
[t for a, t in zip(head["article_id"], head["title"])
 if body_stances.get(a, set()) <= {"neutral"}]
```"""),),
    md(solution(
        "3. Test the lexicon: what stance does *\"The company maintained it had done "
        "nothing wrong\"* get? Should it?",
        """```python
analysis.find_attributions("The company maintained it had done nothing wrong.")
```
Discuss: *maintained* keeps a claim against doubt, often read as distancing. If the
lexicon disagrees with you, that is a documented choice you can change in
`analysis/lexicons/cues.tsv`."""),),
]

# ---------------------------------------------------------------------------
# 04 hedging
# ---------------------------------------------------------------------------

NB04 = [
    *header(
        "04 · Hedging, verification and boosters",
        "Where stories express uncertainty, by category and by voice (reporter, quoted, "
        "reported), the disclaimers that a claim could not be verified, and boosters "
        "against hedges.",
        ["Count hedges by category (epistemic, belief, hearsay, verification, weasel, "
         "conditional, question, approximator).",
         "Separate the reporter's own uncertainty from the uncertainty of sources.",
         "Find verification disclaimers, and compare boosters with hedges."],
        "notebooks 00 and 03.",
    ),
    md("""
## Hedges by category

A hedge is a cue that weakens commitment: *may*, *reportedly*, *it is thought*,
*could not be independently verified*, *nearly 2,900*. The categories follow the
Szeged Uncertainty Corpus and Hyland's hedges (see `analysis/lexicons/hedges.tsv`)."""),
    code("""
from analysis.highlight import COLOURS

hedges = nbtools.with_articles(analysis.hedges(articles), articles)
categories = hedges["category"].value_counts()
print(f"{len(hedges)} hedges in {hedges['article_id'].nunique()} articles")
plots.show(plots.barh(categories, title="Hedges by category", xlabel="hedges", top=None))"""),
    md("""
## Whose uncertainty? The reporter's voice against quoted and reported voices

`voice` says whose words a hedge is in: **reporter** (the writer's own), **quoted**
(inside quotation marks), **reported** (inside indirect speech: "officials said the
plant *may* close"). A story full of hedges in sources' mouths is careful reporting of
uncertain sources; hedges in the reporter's voice are the outlet's own caution."""),
    code("""
voices = pd.crosstab(hedges["category"], hedges["voice"]) if not hedges.empty \\
    else pd.DataFrame()
display(voices)
plots.show(plots.stacked(voices, title="Hedges by category and voice",
                         colors=plots.VOICE_COLOURS))"""),
    code("""
profile = nbtools.profile_with_articles(articles)
by_voice = profile.groupby("outlet")[["n_hedges_reporter", "n_hedges_quoted",
                                      "n_hedges_reported"]].sum()
display(by_voice)
plots.show(plots.stacked(by_voice.rename(columns=lambda c: c.removeprefix("n_hedges_")),
                         title="Hedges by voice, per outlet", share=True,
                         colors=plots.VOICE_COLOURS))"""),
    md("""
## Verification disclaimers

"There was no way to immediately verify Kadyrov's claims." A verification disclaimer
tells the reader that a claim was passed on unchecked. Each one is listed with its
sentence."""),
    code("""
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
    display(verification[["outlet", "hedge_cue", "voice", "sentence"]])"""),
    md("""
## Boosters against hedges

Boosters (*clearly*, *undoubtedly*, *in fact*) push the other way: they assert with
extra force. Per 100 words, stories sit somewhere between cautious and emphatic."""),
    code("""
boosters = nbtools.with_articles(analysis.boosters(articles), articles)
display(boosters[["outlet", "booster_cue", "voice", "negated"]].head(20))
plots.show(plots.scatter(profile["n_hedges"], profile["n_boosters"],
                         title="Boosters against hedges, per article",
                         xlabel="hedges", ylabel="boosters"))"""),
    code("""
rates = profile.groupby("outlet")[["hedges_per_100_words", "hedged_sentence_share",
                                   "n_verification", "n_boosters"]].mean().round(3)
rates"""),
    md("""
**Limits.** Hedge words are ambiguous: *may* the month, *could* of past ability, *about*
a topic, *if* in a question. The detector's context rules handle the common cases and
miss others; its precision and recall on news sentences (the Szeged FactBank corpus) are
in notebook 07 and the README. Approximators (*nearly 2,900*) are counted but are not
uncertainty about a claim, so `hedged_sentence_share` leaves them out.

## Summary

- Hedges fall into categories; *verification* disclaimers and *hearsay* matter most for
  sourcing.
- Voice separates the reporter's caution from the sources'.
- Boosters are the counterweight: few in news, and worth reading when they occur.

## Exercises"""),
    md(solution(
        "1. Which hedge categories appear only in quoted or reported voice in this "
        "corpus?",
        """```python
voices[(voices.get("reporter", 0) == 0)]
```"""),),
    md(solution(
        "2. Check the month rule: does *\"The plant may close in May\"* give one hedge or "
        "two?",
        """```python
analysis.find_hedges("The plant may close in May.")
```
One: *may* the modal is epistemic; *May* the month is not a hedge."""),),
    md(solution(
        "3. Which outlet's reporters hedge most in their own voice, per 100 words?",
        """```python
profile.assign(rate=100 * profile["n_hedges_reporter"] / profile["n_words"]) \\
    .groupby("outlet")["rate"].mean().sort_values()
```"""),),
]

# ---------------------------------------------------------------------------
# 05 quote density
# ---------------------------------------------------------------------------

NB05 = [
    *header(
        "05 · Quote density: how much of a story is quotation",
        "Quote share, quotes per 100 words, direct against partial against scare quotes, "
        "and who gets the words.",
        ["Compute and compare quote share and quotes per 100 words.",
         "Tell direct, partial and scare quotes apart and count them per outlet.",
         "See whose words fill the quotation marks: which speakers and which kinds of "
         "source."],
        "notebooks 00 and 02.",
    ),
    md("""
## Quote share and quotes per 100 words

- **quote share** = characters inside the marks of direct and partial quotes / all
  characters of the body. 0.30 means almost a third of the story is other people's
  words.
- **quotes per 100 words** = 100 × (direct + partial quotes) / words.

Scare quotes and titles are not counted: they are the writer's words in marks."""),
    code("""
profile = nbtools.profile_with_articles(articles)
density = profile.set_index(profile["title"].str.slice(0, 50))
plots.show(plots.barh(density["quote_share"], title="Quote share per article",
                      xlabel="share of characters inside quotes", fmt="{:.2f}"))
plots.show(plots.barh(density["quotes_per_100_words"], title="Quotes per 100 words",
                      xlabel="quotes per 100 words", fmt="{:.2f}"))"""),
    code("""
profile.groupby("outlet")[["quote_share", "quotes_per_100_words", "n_quotes"]].mean().round(3)"""),
    md("""
## Direct, partial, scare

- **direct**: a quoted utterance ("We unfortunately have had some losses," Kadyrov said).
- **partial**: a fragment in the writer's sentence (the "best fighters").
- **scare**: a term held at a distance (so-called "reforms").
- **title**: the name of a work."""),
    code("""
from analysis.highlight import COLOURS

quotes = nbtools.with_articles(analysis.quotes(articles), articles)
kinds = nbtools.by_outlet(quotes, "quote_kind")
display(kinds)
plots.show(plots.stacked(kinds, title="Quotes by kind, per outlet", colors=COLOURS["quote"]))"""),
    code("""
scare = quotes[quotes["quote_kind"] == "scare"]
if scare.empty:
    print("No scare quotes in this corpus.")
else:
    display(scare[["outlet", "title", "quote_text", "rule"]])"""),
    md("""
## Who gets the words

Words inside direct and partial quotes, summed per speaker and per kind of speaker.
Quoting is giving someone the floor: these are the voices the stories amplify."""),
    code("""
spoken = quotes[quotes["quote_kind"].isin(["direct", "partial"])]
words = nbtools.top_words_by(spoken, "speaker", "quote_words")
display(words.to_frame("words quoted"))
plots.show(plots.barh(words, title="Words quoted, by speaker", xlabel="words"))"""),
    code("""
by_type = nbtools.top_words_by(spoken, "speaker_type", "quote_words", n=10)
plots.show(plots.barh(by_type, title="Words quoted, by kind of speaker", xlabel="words",
                      top=None))"""),
    md("""
**Limits.** Quote share counts characters between marks, so a long quote from a
single source weighs more than three short ones. Paraphrase ("she said the plan
would fail") is attribution without quotation and is not in these numbers (see
notebook 03). A quote without a resolved speaker is counted under "(no speaker)".

## Summary

- Quote share and quotes per 100 words measure how much a story lets sources speak.
- The kind of quote matters: partial and scare quotes are the writer's framing.
- Words quoted per speaker show who is amplified.

## Exercises"""),
    md(solution(
        "1. Which article has the highest quote share, and who speaks most in it?",
        """```python
top = profile.sort_values("quote_share", ascending=False).iloc[0]
nbtools.top_words_by(spoken[spoken["article_id"] == top["article_id"]], "speaker",
                     "quote_words", n=3)
```"""),),
    md(solution(
        "2. Are anonymous sources quoted directly, or only paraphrased?",
        """```python
spoken[spoken["speaker_type"] == "anonymous"]["quote_kind"].value_counts()
```
Compare with the anonymous attributions of notebook 03."""),),
    md(solution(
        "3. Write a sentence with a scare quote and check that the detector calls it one.",
        """```python
analysis.find_quotes('The council passed its so-called "reforms" on Tuesday.')
```"""),),
]

# ---------------------------------------------------------------------------
# 06 comparing outlets
# ---------------------------------------------------------------------------

NB06 = [
    *header(
        "06 · Comparing outlets, with uncertainty",
        "Outlets side by side on every measure with bootstrap confidence intervals, "
        "measures over time, and wire copy kept apart.",
        ["Compare outlets on the profile measures with bootstrap confidence intervals, "
         "and read those intervals honestly.",
         "Follow a measure over time from the publication dates.",
         "Keep wire copy apart from an outlet's own reporting where the corpus says which "
         "is which."],
        "notebooks 02-05.",
        intro="**A small corpus invites over-reading.** The shipped corpus has a few "
              "made-up outlets with a handful of constructed articles each, written "
              "to differ. Any difference you see there says something about these "
              "articles, not about a newsroom. Point `CORPUS` at PolNeAR "
              "(`../shared/corpora/polnear/data`, 1,008 articles from seven real US "
              "outlets, research use only) for a comparison that can bear weight.",
    ),
    md("""
## Wire copy apart

Wire stories (AP, Reuters, AFP) are written by agencies, not by the outlet that
publishes them. Where the corpus says which stories are wire copy (PolNeAR's `wire`
column), we keep them apart; otherwise every article counts as the outlet's own. Exact
duplicates (notebook 01) are left out as well. PolNeAR's `credit` column ("h/t: The
Hill") names where a story got its lead; a hat tip is not wire copy, so those stories
stay in."""),
    code("""
profile = nbtools.profile_with_articles(articles)
duplicate = articles.set_index("article_id")["duplicate_of"].notna()
profile["duplicate"] = profile["article_id"].map(duplicate).fillna(False).astype(bool)
analysed = profile[profile["note"].isna()]
own = analysed[~analysed["wire"] & ~analysed["duplicate"]]
print(f"{len(own)} articles compared ({int(analysed['wire'].sum())} wire, "
      f"{int(analysed['duplicate'].sum())} duplicates, "
      f"{int(profile['note'].notna().sum())} not analysed)")
per_outlet = own.groupby("outlet").size()
display(per_outlet.to_frame("articles"))
print(f"{len(per_outlet)} outlets; {int(own['outlet'].isna().sum())} articles name no outlet "
      "and are left out of the comparison.")
if len(per_outlet) and per_outlet.min() < 30:
    print(f"Some outlets have fewer than 30 articles (fewest: {per_outlet.min()}): "
          "read every difference below through its interval.")
credit = nbtools.credits(articles)
if not credit.empty:
    print("Credit lines (kept as the outlet's own reporting):")
    display(credit.head(10).to_frame())"""),
    md("""
## Bootstrap confidence intervals

For each outlet and measure, the mean over its articles, and a 95% interval from
2,000 bootstrap resamples of those articles (`analysis.stats.group_means`, seeded: the
same numbers every run). The interval answers: *if this outlet had published other
articles like these, how far could the mean move?* With a handful of articles an
outlet, the answer is: a long way. Overlapping intervals mean the data cannot tell the
outlets apart."""),
    code("""
MEASURES = ["quote_share", "quotes_per_100_words", "share_anonymous", "share_distancing",
            "source_diversity", "top_source_share", "hedges_per_100_words",
            "hedged_sentence_share"]
intervals = stats.group_means(own, MEASURES, by="outlet", n_boot=2000, seed=0)
display(intervals.pivot(index="group", columns="measure", values="mean").round(3))"""),
    code("""
for measure in ["quote_share", "share_anonymous", "share_distancing", "hedges_per_100_words"]:
    table = intervals[intervals["measure"] == measure]
    plots.show(plots.intervals(table, title=f"{measure}: mean and 95% bootstrap interval",
                               xlabel=measure))"""),
    code("""
display(intervals.round(3))"""),
    md("""
## Over time

Monthly means from `published` (UTC). Months with one article are single articles,
not trends."""),
    code("""
monthly = stats.over_time(own, "quote_share", by="outlet", freq="M")
display(monthly.round(3))
plots.show(plots.lines(monthly, title="Quote share per month", ylabel="quote share"))
print("Articles per month and outlet:")
display(own.assign(month=pd.to_datetime(own["published"], utc=True).dt.strftime("%Y-%m"))
        .pivot_table(index="month", columns="outlet", values="article_id", aggfunc="count"))"""),
    md("""
## Wire against own reporting

When the corpus marks wire copy, the same measures for wire stories show whether the
agencies source differently from the outlets' own reporters."""),
    code("""
if analysed["wire"].any():
    split = stats.group_means(analysed.assign(copy=analysed["wire"].map(
        {True: "wire", False: "own"})), MEASURES, by="copy", seed=0)
    display(split.round(3))
else:
    print("This corpus does not mark wire copy (no `wire` column): nothing to split.")"""),
    md("""
**Limits.** The bootstrap treats the articles as a random sample of an outlet's
output; a hand-picked corpus is not. The measures inherit the detectors' errors
(notebook 07), and those errors need not be the same for every outlet: a house style
the rules handle badly looks like a difference in sourcing.

## Summary

- Compare outlets with intervals, not bare means; with few articles the intervals are
  wide and overlapping, and that is the finding.
- Keep wire copy and duplicates apart before comparing.
- For real comparisons, run this notebook on a real corpus (PolNeAR).

## Exercises"""),
    md(solution(
        "1. Run this notebook on PolNeAR. Set `CORPUS = \"../shared/corpora/polnear/data\"` "
        "in the parameters cell (or `make report CORPUS=../shared/corpora/polnear/data "
        "REPORTS=reports/polnear`). Which measures separate the seven outlets?",
        """Look for measures where the intervals do not overlap. With about 140 articles
per outlet the intervals are much narrower than here. PolNeAR is research use only: do
not publish the reports built on it."""),),
    md(solution(
        "2. How does the interval change with the number of resamples? Try `n_boot=200` "
        "and `n_boot=10000`.",
        """```python
stats.group_means(own, ["quote_share"], n_boot=200, seed=0)
stats.group_means(own, ["quote_share"], n_boot=10000, seed=0)
```
The interval barely moves: more resamples make it more precise, not narrower. Only
more *articles* narrow it."""),),
    md(solution(
        "3. Change the seed. Why do the intervals change a little, and why is a fixed "
        "seed still right for a report?",
        """Resampling is random; a different seed draws other resamples. A fixed seed
makes the report reproducible (the same numbers every run); the size of the changes
across seeds shows how much of the interval is simulation noise."""),),
]

# ---------------------------------------------------------------------------
# 07 how good are the detectors
# ---------------------------------------------------------------------------

NB07 = [
    *header(
        "07 · How good are the detectors? Measure before you believe",
        "Precision and recall of the detectors against hand-labelled gold (the shipped "
        "articles, PolNeAR, Szeged), and how to run your own hand-coding check with "
        "Krippendorff's alpha.",
        ["Explain precision, recall and F1, and exact against overlap matching.",
         "Score the detectors against the project's gold labels and against public gold "
         "(PolNeAR attributions, Szeged hedges).",
         "Export a sample for hand coding and measure coder-detector agreement with "
         "Krippendorff's alpha."],
        "notebooks 00-05.",
        intro="Every count in notebooks 02-06 is a count of what the rules found. If "
              "the rules miss half the anonymous sources, the anonymous share is wrong "
              "by half, and a comparison of outlets may be a comparison of how well the "
              "rules read each house style. A detector must be measured before its "
              "counts are believed.",
    ),
    md("""
## Precision, recall, F1

- **precision**: of what the detector marked, the share a person also marked.
- **recall**: of what a person marked, the share the detector found.
- **F1**: their harmonic mean.

A span *matches* either **exactly** (same first and last character) or on **overlap**
(any character in common: "has claimed" against "claimed"). Labels (stance, kind,
category) are then checked on the matched pairs.

## Against the project's gold (`data/gold/`)

Every shipped teaching article was labelled by hand *before* the detector was run on
it: quotes (kind, speaker), attributions (cue, stance, source, source type), hedges and
boosters (category, voice). The labels are project-made, not independent; they are
still the only way to see the rules fail on these texts."""),
    code("""
from analysis import scoring
from analysis.paths import SHARED_CORPORA

scores = scoring.gold_summary(corpus)
print(f"{scores.attrs['n_articles']} articles of this corpus have gold; "
      f"{len(scores.attrs['unmatched'])} gold files match no article here.")
display(scores.dropna(axis=1, how="all").round(3))"""),
    code("""
if scores.attrs["n_articles"] == 0:
    print("No gold for this corpus: set CORPUS to data/articles to score the shipped gold.")
else:
    overlap = scores[scores["match"] == "overlap"].set_index("layer")
    plots.show(plots.grouped(overlap[["precision", "recall", "f1"]],
                             title="Shipped gold (overlap match): precision, recall and F1",
                             xlim=(0, 1.12)))"""),
    md("""
### Where the labels disagree

On matched attributions, the gold stance against the detector's stance. The diagonal is
agreement; everything else is a confusion worth reading."""),
    code("""
pairs = scoring.gold_pairs(articles, corpus, "attributions")
if pairs.empty:
    print("No matched attributions to compare.")
else:
    display(pd.crosstab(pairs["gold_stance"].fillna("(none)"),
                        pairs["predicted_stance"].fillna("(none)"),
                        rownames=["gold"], colnames=["detector"]))
    display(pd.crosstab(pairs["gold_source_type"].fillna("(none)"),
                        pairs["predicted_source_type"].fillna("(none)"),
                        rownames=["gold"], colnames=["detector"]))"""),
    md("""
## Against public gold

The project's own labels are few and made by the people who wrote the rules. Public
gold is larger and independent: **PolNeAR** (Newell, Margolin & Ruths 2018; 1,008 US
political news articles with hand-annotated attributions) and the **Szeged Uncertainty
Corpus** (Szarvas et al. 2012; FactBank news sentences with hedge cues). They live in
`../shared/corpora` on project machines and are research use only; the cells below
skip when they are absent. The figures come from the same code as the scripts in
`benchmarks/` (`polnear_attribution.py`, `szeged_hedges.py`), on the held-out halves the
rules were not developed on; the README puts them beside published systems."""),
    code("""
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
    print(f"PolNeAR is not available here ({SHARED_CORPORA.name}/polnear): skipped.")"""),
    code("""
factbank = SHARED_CORPORA / "szeged_uncertainty" / "factbank.xml"
if factbank.is_file():
    szeged_scores = scoring.szeged_summary(factbank, "test")
    print(f"Szeged FactBank, held-out (odd) documents: {szeged_scores.attrs['sentences']} "
          "sentences")
    display(szeged_scores.round(3))
else:
    print("The Szeged corpus is not available here: skipped.")"""),
    md("""
## Your own check: hand coding and Krippendorff's alpha

Gold from elsewhere may not match *your* corpus. The remedy is a hand-coding check on a
sample of your own records:

1. `analysis.export_for_coding(table, path, n=..., seed=...)` draws a seeded sample and
   writes it as CSV and Excel, with the marked span and its context. The coder files
   leave out the detector's answer (a coder who sees it tends to agree); it goes into a
   separate `_key.csv`.
2. Coders fill `coder_label` (here: the stance of each cue).
3. `analysis.coding.agreement(coder, detector)` computes **Krippendorff's alpha**: 1 is
   perfect agreement, 0 is what chance alone would give, below 0 systematic
   disagreement. A common rule of thumb: trust a measure above 0.8, draw tentative
   conclusions from 0.667 to 0.8.

Here the "coder" is the hand-made gold of the shipped articles, joined to the sample
by span: the same workflow, with labels already written."""),
    code("""
import tempfile
from pathlib import Path

from analysis.coding import agreement, export_for_coding, percent_agreement

attributions = analysis.attributions(articles)
with tempfile.TemporaryDirectory() as scratch:
    sample = export_for_coding(attributions, Path(scratch) / "cues", n=30, seed=7,
                               articles=articles)
    written = sorted(Path(f).name for f in sample.attrs["files"])
print("Files for the coders:", ", ".join(written))
display(sample[["item_id", "context_before", "span", "context_after"]].head(5))"""),
    code("""
gold = scoring.gold_tables(articles, corpus)
if sample.empty:
    print("No attributions to sample.")
else:
    # a cue with no gold attribution is a detector false positive: left uncoded here
    sample["coder_label"] = scoring.label_from_gold(sample, gold["attributions"], "stance")
    coded = sample.dropna(subset=["coder_label"])
    alpha = agreement(coded["coder_label"], coded["detector_label"])
    percent = percent_agreement(coded["coder_label"], coded["detector_label"])
    print(f"{len(coded)} of {len(sample)} sampled cues are attributions in the gold; "
          f"on them, percent agreement {percent:.2f}, Krippendorff's alpha {alpha:.2f}")
    display(coded[["span", "coder_label", "detector_label"]])"""),
    md("""
Percent agreement looks better than alpha whenever one label dominates: if almost
every cue is *neutral*, agreeing on it is easy. Alpha corrects for that, which is why
content analysis reports it.

High agreement here is the *optimistic* case: the rules were developed while looking
at these very articles. The figures that predict how the detector does on a new corpus
are the held-out ones (PolNeAR test, Szeged odd documents), or a hand-coding check on
a sample of that corpus.

## Summary

- Before believing a count, measure the detector on hand-labelled text like yours:
  precision, recall, and label accuracy on matches.
- Public gold (PolNeAR, Szeged) shows how the rules do on real news; the project's own
  gold shows them on the teaching articles.
- A seeded sample, blind hand coding and Krippendorff's alpha are a check any class or
  newsroom can run on its own corpus.

## Exercises"""),
    md(solution(
        "1. Which layer has the lowest recall on the shipped gold? Find three gold "
        "records the detector missed.",
        """```python
scores[scores["match"] == "overlap"].sort_values("recall")[["layer", "recall"]]
```
The benchmark lists every miss, extra and wrong label:
```
.venv/bin/python benchmarks/gold_scores.py --details
```
Read the misses in their articles (`analysis.highlight`) and ask which rule should
have fired."""),),
    md(solution(
        "2. Export 20 hedges for coding into a folder of your own, code them yourself in "
        "Excel, and compute alpha.",
        """```python
sample = export_for_coding(analysis.hedges(articles), "coding/hedges", n=20, seed=1,
                           articles=articles)
# ... fill coder_label in coding/hedges.xlsx, then:
coded = pd.read_excel("coding/hedges.xlsx").merge(pd.read_csv("coding/hedges_key.csv"),
                                                   on="item_id")
agreement(coded["coder_label"], coded["detector_label"])
```"""),),
    md(solution(
        "3. Why can precision be high and the anonymous share still be wrong?",
        "Precision says the marked records are right; recall says how many were found. "
        "If the rules find named sources more easily than anonymous ones, every found "
        "source can be correct while anonymous sources are under-counted, so the share "
        "is biased. Check recall per source type, not only overall."),),
]

NOTEBOOKS = {
    "00_start_here": NB00,
    "01_loading_articles": NB01,
    "02_sourcing": NB02,
    "03_attribution_language": NB03,
    "04_hedging_and_verification": NB04,
    "05_quote_density": NB05,
    "06_comparing_outlets": NB06,
    "07_how_good_are_the_detectors": NB07,
}


def summary_of(cells: list[nbformat.NotebookNode]) -> str:
    """The italic one-liner under the notebook's title."""
    for line in cells[0].source.splitlines():
        if line.startswith("*") and line.endswith("*"):
            return line.strip("*")
    return ""


def build(name: str, cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """A notebook with fixed cell ids, no outputs, kernel python3 and a summary."""
    nb = new_notebook(cells=cells)
    for index, cell in enumerate(nb.cells):
        cell.id = f"{name[:2]}-{index:02d}"
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                       "language": "python"},
        "language_info": {"name": "python"},
        "analysis": {"summary": summary_of(cells)},
    }
    return nb


def main() -> None:
    """Write every notebook next to this script."""
    for name, cells in NOTEBOOKS.items():
        nb = build(name, cells)
        nbformat.validate(nb)
        nbformat.write(nb, HERE / f"{name}.ipynb")
        print(f"wrote notebooks/{name}.ipynb")


if __name__ == "__main__":
    main()
