"""Affiliation of a source: whom it speaks for (``analysis.records.AFFILIATIONS``).

The words are data: ``analysis/nlp/lexicons/affiliations.tsv``, three kinds of word, each
with its affiliation (the file opens with where they come from):

- ``organisation``: a word for a body ("ministry", "union", "club", "university");
- ``role``: a job that says whom its holder works for ("minister", "striker", "nurse");
- ``office``: a post any organisation has ("spokesman", "chairman", "official", "boss");
  its affiliation is only the default for when the text names no organisation.

The rule reads the source's mention, its role and the article's description of it
(``analysis.detect.descriptions.description``), in this order:

1. a news outlet or agency (``source_type`` ``media``) is ``media``;
2. the last organisation word found decides ("union officials" -> ``civil_society``;
   "a freshwater ecologist at the University of Brindlemoor" -> ``expert_academic``):
   the organisation a person speaks for says more than the job;
3. else the last role word found ("Finance Minister", "plant manager", "a crew member");
4. else a name in those words (``named_body``): a news outlet -> ``media`` ("a BBC
   spokeswoman"), a country, capital or nationality -> ``government_politics`` ("a
   Kremlin official", "Iraqi officials"), any other name is a body whose name says
   nothing ("Ladbrokes spokesman Warren Lush", "head of strategy for Barclays Capital",
   "BNP leader Nick Griffin"): the organisation word the article puts before its first
   mention decides (``described_as``: "agriculture department Defra"), else
   ``body_affiliation`` (a club in a sports story, else the field of the office held,
   else ``business``);
5. else the last office word found ("a spokesman" -> ``other``, "officials" ->
   ``government_politics``);
6. else an organisation with a capitalised name ("Castellan Freight") is a body whose
   name says nothing (as in 4);
7. else ``other``.

A story's field (``article_field``) is the affiliation of most of its organisation words
("club", "league" in a sports story), when at least ``FIELD_MIN`` words and
``FIELD_SHARE`` of them agree.

>>> from analysis.detect.coreference import Entry
>>> from analysis.detect.descriptions import Description
>>> entry = Entry("Tom Ashgrove", "named_person", None, "ashgrove")
>>> source_affiliation(entry, Description("", "president of the county library workers' union"))
'civil_society'
>>> company = Entry("Greyhollow Water", "organisation", None, "water")
>>> source_affiliation(company, Description("", ""))
'business'
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from analysis.detect.descriptions import find_word
from analysis.detect.mentions import HONORIFICS, MEDIA_SUFFIXES, NOUNS
from analysis.nlp import gazetteer, syntax
from analysis.nlp.lexicons import load_lexicon
from analysis.records import AFFILIATIONS

if TYPE_CHECKING:  # annotations only
    from analysis.detect.coreference import Entry
    from analysis.detect.descriptions import Description

#: The lexicon's kinds of word.
KINDS = ("organisation", "role", "office")
#: Share of a text's organisation words one affiliation needs to be the article's field.
FIELD_SHARE = 0.5
#: Fewest organisation words of one affiliation that make it the article's field.
FIELD_MIN = 3
_POSSESSIVE = re.compile(r"['’]s?$")
#: How far before a name ``described_as`` reads: characters, then words.
_DESCRIBED_CHARS = 60
_DESCRIBED_WORDS = 4
_CLAUSE_MARK = re.compile(r"[.;:!?,\"“”()]")
_WORD = re.compile(r"[a-z0-9][a-z0-9&-]*")
#: A run of capitalised words, with "of", "and", "for", "&" inside ("Bank of England").
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:(?:of|and|&)\s+)?[A-Z][\w&'’.-]*)*")


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


def _singular(word: str) -> str:
    """"officials" -> "official", "MPs" -> "mp" (not "press", "campus", "news")."""
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "ws")):
        return word[:-1]
    return word


@cache
def _phrase_sizes(kind: str) -> dict[str, int]:
    """``{word: most words of an entry of kind that opens with it}``; a plural in "s" of
    such a word opens only itself (size 1, looked up in the singular). A phrase can only
    start at one of these words, so other positions are skipped at once.

    >>> _phrase_sizes("role")["district"], _phrase_sizes("role")["ministers"]
    (2, 1)
    """
    sizes: dict[str, int] = {}
    for entry in lexicon()[kind]:
        words = entry.split()
        sizes.setdefault(f"{words[0]}s", 1)
        sizes[words[0]] = max(sizes.get(words[0], 1), len(words))
    return sizes


@cache
def _forms(kind: str) -> dict[str, str]:
    """``{entry of kind, or its plural in "s": affiliation}``: one look-up finds what
    ``entries.get(phrase) or entries.get(_singular(phrase))`` finds (the entry wins).

    >>> _forms("role")["ministers"]
    'government_politics'
    """
    entries = lexicon()[kind]
    plurals = {f"{entry}s": label for entry, label in entries.items()
               if _singular(f"{entry}s") == entry}
    return plurals | entries


@lru_cache(maxsize=8)
def _tokens(words: str) -> tuple[str, ...]:
    """The lower-case words of ``words``; apostrophes of either kind split words alike
    (cached: a source's words are read for each kind of word in turn)."""
    return tuple(_WORD.findall(words.lower()))


def words_found(words: str, kind: str) -> list[str]:
    """Affiliations of the lexicon entries of ``kind`` in ``words``, in text order; at each
    position the longest phrase wins ("district attorney" before "district").

    >>> words_found("union officials", "organisation"), words_found("MPs", "role")
    (['civil_society'], ['government_politics'])
    """
    tokens = _tokens(words)
    forms = _forms(kind)
    sizes = _phrase_sizes(kind)
    found, free = [], 0  # free: the first position not inside a phrase already found
    for i in [i for i, token in enumerate(tokens) if token in sizes]:
        if i < free:
            continue
        for size in range(min(sizes[tokens[i]], len(tokens) - i), 0, -1):
            label = forms.get(" ".join(tokens[i:i + size]))
            if label:
                found.append(label)
                free = i + size
                break
    return found


@lru_cache(maxsize=4)
def article_field(text: str) -> str | None:
    """The affiliation of most organisation words of ``text`` when there are at least
    ``FIELD_MIN`` of them and ``FIELD_SHARE`` of all, else ``None`` (ties: the first in
    ``AFFILIATIONS``).

    >>> article_field("The club said the league and the club's fans agreed.")
    'sport_entertainment'
    """
    counts = Counter(words_found(text, "organisation"))
    if not counts:
        return None
    label, count = min(counts.items(),
                       key=lambda item: (-item[1], list(AFFILIATIONS).index(item[0])))
    return label if count >= max(FIELD_MIN, FIELD_SHARE * sum(counts.values())) else None


@cache
def _first_words(label: str) -> tuple[str, ...]:
    """The first words of the organisation entries of affiliation ``label``.

    >>> "club" in _first_words("sport_entertainment")
    True
    """
    entries = lexicon()["organisation"]
    return tuple(sorted({entry.split()[0] for entry in entries if entries[entry] == label}))


@lru_cache(maxsize=4)
def _is_sport_story(text: str) -> bool:
    """``article_field(text) == "sport_entertainment"``, without scanning the words of a
    text that cannot be one. Each organisation word of that field that ``words_found``
    finds opens with the first word of one of its entries ("club", "clubs", "football
    association"), at a place of its own, so the field needs at least ``FIELD_MIN``
    occurrences of those first words in the lower-cased text: a few ``str.count``.

    >>> _is_sport_story("The club said the council agreed.")
    False
    """
    lower = text.lower()
    if sum(lower.count(word) for word in _first_words("sport_entertainment")) < FIELD_MIN:
        return False
    return article_field(text) == "sport_entertainment"


@cache
def _lexicon_words() -> frozenset[str]:
    """Every word or phrase of the lexicon, of any kind."""
    return frozenset(word for words in lexicon().values() for word in words)


def _is_title_word(word: str) -> bool:
    """A capitalised word of a title, not of a name: "Mr", "Secretary", "Spokesman"."""
    lower = _POSSESSIVE.sub("", word).lower().rstrip(".")
    return lower in HONORIFICS or lower in NOUNS or lower in _lexicon_words() or (
        _singular(lower) in _lexicon_words())


def _names_in(words: str) -> list[list[str]]:
    """The capitalised names in ``words``, each as its words, without the title words
    that open it ("Culture Secretary" is a title, "BBC" a name) or function words that
    open a sentence ("Earlier")."""
    names = []
    for run in _NAME_RUN.findall(words):
        parts = run.split()
        titles = [i for i, w in enumerate(parts) if _is_title_word(w)]
        parts = parts[titles[-1] + 1:] if titles else parts
        parts = [w for w in parts if w[:1].isupper() and (
            syntax.lexicon_tag(w.lower()) or "NN").startswith(("NN", "JJ"))]
        if parts:
            names.append(parts)
    return names


def named_body(role: str, before: str, after: str) -> tuple[str, str] | None:
    """``(kind, name)`` of the last name in a source's description that is not its own:
    kind ``"media"`` (a news outlet), ``"state"`` (a country, capital or nationality) or
    ``"body"`` (any other name: a company, a club, a party); ``None`` without one. A name
    that ends ``before`` right at the source is part of the source's own name ("Matt" of
    "Matt Lucas") unless it is a possessive ("Atticus' David Slager").

    >>> named_body("", "a BBC spokeswoman", ""), named_body("", "Iraqi officials", "")
    (('media', 'BBC'), ('state', 'Iraqi'))
    >>> named_body("", "But Culture Secretary", ""), named_body("", "Matt", "")
    (None, None)
    >>> named_body("", "", "head of strategy for Barclays Capital")
    ('body', 'Barclays Capital')
    """
    last_run = re.search(r"[A-Z][\w.-]*$", before)
    if last_run and not _is_title_word(last_run.group()):
        before = before[:last_run.start()]
    names = _names_in(before) + _names_in(after) + _names_in(role)
    if not names:
        return None
    name = [_POSSESSIVE.sub("", word) for word in names[-1]]
    if name[-1].lower() in MEDIA_SUFFIXES or NOUNS.get(name[-1].lower()) == "media":
        return "media", " ".join(name)
    if any(gazetteer.is_place(word) or gazetteer.is_nationality(word) for word in name):
        return "state", " ".join(name)
    return "body", " ".join(name)


def described_as(name: str, text: str) -> str | None:
    """The affiliation of the organisation word right before the first mention of
    ``name`` in ``text`` ("agriculture department Defra", "the union Unite"), if any.

    >>> described_as("Defra", "He criticised agriculture department Defra's approach.")
    'government_politics'
    """
    found = find_word(text, name, ignore_case=False)
    if found is None:
        return None
    clause = _CLAUSE_MARK.split(text[max(0, found[0] - _DESCRIBED_CHARS):found[0]])
    labels = words_found(" ".join(clause[-1].split()[-_DESCRIBED_WORDS:]), "organisation")
    return labels[-1] if labels else None


def body_affiliation(offices: list[str], text: str) -> str:
    """The affiliation of a body whose name says nothing ("Ladbrokes", "Arsenal", "BNP"):
    a club in a story whose field is sport or entertainment; else the default of the
    office held in it when that names a field ("BNP leader" -> ``government_politics``);
    else a company (``business``)."""
    if _is_sport_story(text):
        return "sport_entertainment"
    if offices and offices[-1] != "other":
        return offices[-1]
    return "business"


def source_affiliation(entry: Entry, described: Description, text: str = "") -> str:
    """The affiliation of one source of ``text`` (see the module docstring for the rule).

    ``described`` is the article's description of it; ``text`` (the article) only gives
    the field of rules 4 and 6."""
    if entry.source_type == "media":
        return "media"
    own = [entry.role or ""]
    if entry.source_type != "named_person":
        own += [entry.name, *sorted(entry.keys)]
    words = " ".join([*own, described.before, described.after])
    for kind in ("organisation", "role"):
        found = words_found(words, kind)
        if found:
            return found[-1]
    # an unnamed person's own mention names its body: "a spokesperson for Castellan Freight"
    unnamed_person = entry.single_person and entry.source_type != "named_person"
    mention = " ".join([entry.role or "", entry.name if unnamed_person else ""])
    named = named_body(mention, described.before, described.after)
    if named and named[0] == "media":
        return "media"
    if named and named[0] == "state":
        return "government_politics"
    offices = words_found(words, "office")
    if not named and entry.source_type == "organisation" and entry.name[:1].isupper():
        named = "body", entry.name
    if named:
        return described_as(named[1], text) or body_affiliation(offices, text)
    if offices:
        return offices[-1]
    return "other"
