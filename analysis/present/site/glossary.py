"""The glossary page and the rules page, generated from the code.

The glossary explains the words the reports use (cue, stance, voice, source type, ...)
and every profile measure. The rules page lists every ``rule`` name a record can carry,
with the example its module documents: attribution rules from the list in
``analysis/detect/attribution.py``'s docstring, hedge and booster context rules from their
functions' docstrings, quote rules from ``analysis.detect.quotes.classify``; then how often each
rule fired in this corpus, with one sentence of the corpus where it did.
"""

from __future__ import annotations

import html
import importlib
import inspect
import re

import pandas as pd

from analysis.present.site.fmt import number, shorten

TERMS = {
    "attribution": "A reporting expression that ties words or thoughts to a source: "
                   "'Kadyrov said ...', 'according to officials', 'police declined to "
                   "comment'. It has a cue, usually a source, and usually a content.",
    "cue": "The reporting word of an attribution: said, told, claimed, according to, "
           "declined to comment. Each cue has a stance from the lexicon "
           "(analysis/nlp/lexicons/cues.tsv).",
    "stance": "What the cue signals about the reported claim. neutral (said, told); "
              "distancing (claimed, insisted, alleged: the writer keeps a distance); "
              "endorsing (confirmed, revealed, pointed out: the writer accepts it); "
              "admission (admitted, conceded); refusal (declined to comment).",
    "source": "Who or what an attribution cites. Mentions of one source in an article "
              "('Ramzan Kadyrov', 'Kadyrov', 'he') are resolved to one canonical name.",
    "source type": "named_person (a person named in the text); anonymous (an unnamed "
                   "person or group: 'officials', 'a source close to'); organisation; "
                   "media (news outlets and agencies); document (reports, statements, "
                   "data releases); unknown (the rules could not tell).",
    "quote kind": "direct (a quoted utterance); partial (a quoted fragment inside the "
                  "writer's sentence); scare (a term held at a distance: so-called "
                  "'reforms'); title (the name of a work).",
    "hedge": "A word or phrase that weakens commitment to a claim: may, reportedly, it is "
             "thought, could not be independently verified, nearly 2,900.",
    "hedge category": "epistemic (may, possibly); belief (think, believe); hearsay "
                      "(reportedly, allegedly); verification (could not be verified); "
                      "weasel (some say, critics claim); conditional (if, unless); "
                      "question (whether); approximator (about, nearly before a number).",
    "voice": "Whose words a hedge or booster is in: reporter (the writer's own), quoted "
             "(inside quotation marks), reported (inside indirect speech: 'officials "
             "said the plant may close').",
    "booster": "A word that asserts with extra force: clearly, in fact, undoubtedly.",
    "rule": "The name of the pattern that produced a record. Every record carries one, so "
            "a reader can ask why the detector decided something; see the rules page.",
    "GROUP_BY": "The column every comparison splits the articles by: outlet, section, "
                "author, month, or any other column. '(unknown)' holds the articles "
                "without a value.",
    "bootstrap interval": "The range the mean of a group could take had the group "
                          "published other articles like these: 2,000 resamples of its "
                          "articles, the middle 95%. Shown only for groups of at least "
                          "10 articles.",
    "measured error": "How often the detector agrees with people who labelled the same "
                      "text by hand (precision: of what it marked, the share people "
                      "marked; recall: of what people marked, the share it found; F1: "
                      "their harmonic mean).",
}

MEASURES = {
    "n_words": "words of the body text",
    "n_quotes": "direct and partial quotes",
    "quote_share": "characters inside direct and partial quotes / all characters",
    "quotes_per_100_words": "100 × quotes / words",
    "n_attributions": "attributions found",
    "n_sources": "distinct sources",
    "n_named_sources": "distinct named people",
    "n_anonymous_sources": "distinct anonymous sources",
    "share_anonymous": "anonymous sources / all distinct sources",
    "share_distancing": "distancing attributions / all attributions",
    "n_refusals": "refusals to comment",
    "source_diversity": "Shannon entropy (bits) of attributions over sources",
    "top_source_share": "attributions of the most cited source / attributions with a source",
    "n_hedges": "hedges",
    "hedges_per_100_words": "100 × hedges / words",
    "n_verification": "verification disclaimers",
    "hedged_sentence_share": "sentences with a hedge (not an approximator) / all sentences",
    "n_hedges_reporter": "hedges in the reporter's own voice",
    "n_hedges_quoted": "hedges inside quotes",
    "n_hedges_reported": "hedges in reported speech",
    "n_boosters": "boosters",
    "title_cue": "the headline's first attribution cue",
    "title_stance": "the stance of that cue",
}


def glossary_body() -> str:
    """The glossary page's body (escaped HTML)."""
    terms = "".join(f"<dt>{html.escape(term)}</dt><dd>{html.escape(text)}</dd>"
                    for term, text in TERMS.items())
    rows = "".join(f"<tr><td><code>{html.escape(name)}</code></td><td>{html.escape(text)}"
                   "</td></tr>" for name, text in MEASURES.items())
    return ("<h1>Glossary</h1>\n<p>The words these reports use, and what each measure of "
            "an article's profile counts. Ratios are undefined (shown as –) when there "
            "is nothing to divide by.</p>\n"
            f"<dl>{terms}</dl>\n<h2>Profile measures</h2>\n"
            f"<table><thead><tr><th>measure</th><th>formula</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>\n")


# ---------------------------------------------------------------------------
# Rules, from the code
# ---------------------------------------------------------------------------

_DOC_RULE = re.compile(r"^- ``(\w+)``: (.+?)(?=^- ``|\Z)", re.MULTILINE | re.DOTALL)
_RETURNED_RULE = re.compile(r'return "(\w+)", "(\w+)"')


def documented_rules() -> list[tuple[str, str, str]]:
    """``(detector, rule, documented example)`` for every rule the code names."""
    attribution = importlib.import_module("analysis.detect.attribution")
    hedging = importlib.import_module("analysis.detect.hedging")
    quotes = importlib.import_module("analysis.detect.quotes")  # the module, not analysis.quotes()
    found = []
    doc = (attribution.__doc__ or "").split("Rules (the ``rule`` field", 1)[-1]
    for name, text in _DOC_RULE.findall(doc):
        found.append(("attribution", name, " ".join(text.split())))
    for kind, name in _RETURNED_RULE.findall(inspect.getsource(quotes.classify)):
        found.append(("quote", name, f"decides quote kind '{kind}' "
                      "(analysis.detect.quotes.classify, in the order of its checks)"))
    found.append(("quote", "…+inherited_speaker", "a quote that takes its speaker from "
                  "the quote before it (a floating quote); see analysis/detect/attribution.py"))
    for detector, contexts in (("hedge", hedging.HEDGE_CONTEXTS),
                               ("booster", hedging.BOOSTER_CONTEXTS)):
        found.append((detector, "lexicon", f"a {detector} word or phrase of "
                      f"analysis/nlp/lexicons/{detector}s.tsv with no context rule"))
        for name, function in contexts.items():
            found.append((detector, name, " ".join((function.__doc__ or "").split())))
    return found


def _corpus_examples(records: dict[str, pd.DataFrame]) -> dict[tuple[str, str], tuple]:
    """``(detector, rule) -> (count, example sentence)`` from the record tables."""
    examples: dict[tuple[str, str], tuple] = {}
    for detector, table in records.items():
        if table.empty or "rule" not in table:
            continue
        sentences = table["sentence"] if "sentence" in table else pd.Series("", index=table.index)
        for rule, part in table.groupby(table["rule"].astype("string"), sort=True):
            first = sentences.loc[part.index].dropna()
            examples[(detector, str(rule))] = (len(part), first.iloc[0] if len(first) else "")
    return examples


def rules_body(records: dict[str, pd.DataFrame]) -> str:
    """The rules page's body: documented rules, then counts and examples in this corpus.

    ``records`` maps ``attribution``, ``quote``, ``hedge``, ``booster`` to the record
    tables laid out by ``analysis.present.checking.for_checking`` (with ``sentence``).
    """
    seen = _corpus_examples(records)
    rows, named = [], set()
    for detector, name, text in documented_rules():
        key = (detector, name)
        named.add(key)
        count, example = seen.get(key, (0, ""))
        rows.append((detector, name, text, count, example))
    for (detector, name), (count, example) in sorted(seen.items()):
        if (detector, name) not in named:
            rows.append((detector, name, "(documented in the code of this detector)",
                         count, example))
    cells = "".join(
        f"<tr><td>{html.escape(d)}</td><td><code>{html.escape(n)}</code></td>"
        f"<td>{html.escape(t)}</td><td class=\"num\">{number(c)}</td>"
        f"<td>{html.escape(shorten(e, 160))}</td></tr>" for d, n, t, c, e in rows)
    return ("<h1>Rules</h1>\n<p>Every record the detectors produce names the rule that "
            "made it (the <code>rule</code> column of the tables, the hover title of the "
            "highlighted view). This page is generated from the code: each rule with the "
            "example its module documents, then how often it fired in this corpus and one "
            "sentence where it did.</p>\n"
            '<div class="sortable"><table><thead><tr><th class="detector">detector</th>'
            '<th class="rule">rule</th><th class="documented">documented example</th>'
            '<th class="count num">in this corpus</th><th class="example">an example here'
            f'</th></tr></thead><tbody class="list">{cells}</tbody></table></div>\n')
