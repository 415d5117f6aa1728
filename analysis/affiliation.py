"""Affiliation of a source: whom it speaks for (``analysis.records.AFFILIATIONS``).

The words are data: ``analysis/lexicons/affiliations.tsv`` (role words such as
"minister", "analyst", "resident" and organisation words such as "ministry", "union",
"club", each with its affiliation; the file opens with where they come from). The rule,
on the source's mention, its role and the article's description of it
(``analysis.people.description``), in this order:

1. a news outlet or agency (``source_type`` ``media``) is ``media``;
2. the last organisation word found decides ("union officials" -> ``civil_society``;
   "a freshwater ecologist at the University of Brindlemoor" -> ``expert_academic``):
   the organisation a person speaks for says more than the job;
3. else the last role word found ("Finance Minister", "plant manager", "a crew member");
4. else an organisation with a capitalised name ("Castellan Freight") is ``business``:
   companies are the named organisations that most often carry no institution word;
5. else ``other``.

>>> from analysis.coreference import Entry
>>> from analysis.people import Description
>>> entry = Entry("Tom Ashgrove", "named_person", None, "ashgrove")
>>> source_affiliation(entry, Description("", "president of the county library workers' union"))
'civil_society'
>>> company = Entry("Greyhollow Water", "organisation", None, "water")
>>> source_affiliation(company, Description("", ""))
'business'
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from analysis.lexicons import load_lexicon
from analysis.records import AFFILIATIONS

if TYPE_CHECKING:  # analysis.people imports this module
    from analysis.coreference import Entry
    from analysis.people import Description

#: The lexicon's kinds of word, in the order they are tried.
KINDS = ("organisation", "role")
_WORD = re.compile(r"[a-z0-9][a-z0-9&-]*")


@cache
def lexicon() -> dict[str, dict[str, str]]:
    """``{kind: {word or phrase: affiliation}}`` from ``lexicons/affiliations.tsv``.

    Raises ``ValueError`` for an affiliation or kind that is not defined."""
    table: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for row in load_lexicon("affiliations"):
        word, label, kind = row["word"].strip(), row["affiliation"], row["kind"]
        if label not in AFFILIATIONS or kind not in KINDS:
            raise ValueError(f"affiliations.tsv: bad row {row}")
        table[kind][word] = label
    return table


@cache
def _longest_phrase() -> int:
    return max(len(w.split()) for words in lexicon().values() for w in words)


def _singular(word: str) -> str:
    """"officials" -> "official" (not "press", "campus", "news")."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "ws")):
        return word[:-1]
    return word


@cache
def _first_words(kind: str) -> frozenset[str]:
    """The words that open an entry of ``kind``: a phrase can only start at one of them
    (or at a word whose singular is one), so other positions are skipped at once."""
    return frozenset(word.split()[0] for word in lexicon()[kind])


def words_found(words: str, kind: str) -> list[str]:
    """Affiliations of the lexicon entries of ``kind`` in ``words``, in text order; at each
    position the longest phrase wins ("district attorney" before "district")."""
    tokens = _WORD.findall(words.lower().replace("’", "'"))
    entries = lexicon()[kind]
    first_words = _first_words(kind)
    found, i = [], 0
    while i < len(tokens):
        if tokens[i] not in first_words and _singular(tokens[i]) not in first_words:
            i += 1
            continue
        for size in range(min(_longest_phrase(), len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + size])
            label = entries.get(phrase) or entries.get(_singular(phrase))
            if label:
                found.append(label)
                i += size
                break
        else:
            i += 1
    return found


def source_affiliation(entry: Entry, described: Description) -> str:
    """The affiliation of one source (see the module docstring for the rule)."""
    if entry.source_type == "media":
        return "media"
    own = [entry.role or ""]
    if entry.source_type != "named_person":
        own += [entry.name, *sorted(entry.keys)]
    words = " ".join([*own, described.before, described.after])
    for kind in KINDS:
        found = words_found(words, kind)
        if found:
            return found[-1]
    if entry.source_type == "organisation" and entry.name[:1].isupper():
        return "business"
    return "other"
