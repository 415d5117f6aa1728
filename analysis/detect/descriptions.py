"""The article's own words about a source, around its first full mention.

``description(entry, text)`` gives a ``Description``: the words before the name back to
the clause start ("Kremlin spokesman Dmitry Peskov"), a fronted apposition ("The trust's
medical director, Dr Samuel Oyelaran") and the apposition after it ("Marta Vukovic, a
spokeswoman for operator Skerrin Ferries,"), up to a relative clause. ``analysis.detect.gender``
and ``analysis.detect.affiliation`` read it; ``analysis.detect.people`` calls them.

>>> from analysis.detect.coreference import Registry
>>> from analysis.detect.mentions import describe
>>> text = "Ann Lund, a professor at Carrow University, said so. She added more."
>>> registry = Registry(text)
>>> index = registry.resolve("Ann Lund", describe("Ann Lund"), position=0)
>>> description(registry.entries[index], text)
Description(before='', after='a professor at Carrow University')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis.detect.coreference import Entry
from analysis.nlp import gazetteer, syntax

#: Most words kept of a description on either side of the name.
MAX_DESCRIPTION_WORDS = 12
#: Characters that end a clause when looking for a description.
_CLAUSE_END = re.compile(r"[.;:!?\n\"“”‘’()]|,\s|\s[-–—]\s")
#: Characters searched at a time, from the end, for the last clause boundary of a window.
_PIECE = 40
#: A capitalised word right before a mention (its first name, when it is one).
_FIRST_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
#: A relative pronoun that ends an apposition's noun phrase.
_RELATIVE = re.compile(r"\s(?:who|whom|whose|which|that)\s")


class Description(NamedTuple):
    """The article's words about a source: ``before`` and ``after`` its first mention."""

    before: str
    after: str


def _mention_at(entry: Entry, text: str) -> tuple[int, int] | None:
    """Span of the first occurrence of the source's name (or, failing that, its last
    word) in ``text``, ignoring case, not glued to a longer word."""
    for needle in (entry.name, entry.name.split()[-1] if entry.name.split() else ""):
        if len(needle) < 2:
            continue
        found = find_word(text, needle)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=4)
def _folded(text: str) -> str | None:
    """``text`` lower-cased once for every source of it; ``None`` when lower-casing
    changes its length (offsets would not match)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def find_word(text: str, needle: str, *, ignore_case: bool = True) -> tuple[int, int] | None:
    """Span of the first ``needle`` in ``text`` with no letter, digit, underscore or
    hyphen glued to either side (a C-speed ``str.find``, then a look at both ends).

    >>> find_word("Defra's plan, not undefrays", "defra")
    (0, 5)
    >>> find_word("Defra's plan", "defra", ignore_case=False) is None
    True
    """
    haystack, target = (_folded(text), needle.lower()) if ignore_case else (text, needle)
    if haystack is None or len(target) != len(needle):
        match = re.search(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", text, re.I)
        return match.span() if match else None
    at = haystack.find(target)
    while at >= 0:
        end = at + len(target)
        before = haystack[at - 1] if at > 0 else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
            return at, end
        at = haystack.find(target, at + 1)
    return None


def _clause_before(text: str, end: int) -> str:
    """Words from the last clause boundary before ``end`` up to ``end``."""
    window = text[max(0, end - 200):end]
    return window[_last_cut(window):]


def _last_cut(window: str) -> int:
    """End of the last ``_CLAUSE_END`` match in ``window`` as ``finditer`` finds them from
    its start (0: none). The window is read backwards in pieces of about ``_PIECE``
    characters that each start after a letter or digit: a match holds none, so none runs
    across one, and ``finditer`` finds the same matches in a piece as in the whole.

    >>> _last_cut("He said, - no"), _last_cut("no cut")
    (9, 0)
    """
    end = len(window)
    while end:
        start = max(0, end - _PIECE)
        while start and not window[start - 1].isalnum():
            start -= 1
        cuts = list(_CLAUSE_END.finditer(window, start, end))
        if cuts:
            return cuts[-1].end()
        end = start
    return 0


def _clause_after(text: str, start: int) -> str:
    """Words from ``start`` up to the next clause boundary."""
    window = text[start:start + 200]
    cut = _CLAUSE_END.search(window)
    return window[:cut.start()] if cut else window


def _apposition(words: str) -> str:
    """The noun phrase that ``words`` (after "Name, ") open, up to a relative clause ("a
    researcher at the University of X who studies ..."), a relative clause about the
    source ("who declined to give his name") whole, or "" when they are a clause of
    their own: a verb opens them ("Name, said ..."), a finite verb follows, or a name and
    its verb open them ("court documents, Stellwood made 212 transfers").

    >>> _apposition("a researcher at Carrow University who studies wards")
    'a researcher at Carrow University'
    >>> _apposition("Stellwood made 212 transfers from the club's account")
    ''
    """
    if _RELATIVE.match(f" {words}"):
        return words  # a relative clause about the source: "who declined to give his name"
    words = _RELATIVE.split(words, maxsplit=1)[0]
    parts = words.split()
    tags = [syntax.lexicon_tag(word.lower()) or "" for word in parts]
    if not tags or tags[0].startswith(("VB", "MD")) or any(
            tag in syntax.FINITE_VERB_TAGS for tag in tags):
        return ""
    if len(tags) > 1 and parts[0][:1].isupper() and tags[1].startswith("VB"):
        return ""  # a subject and its verb: "Stellwood made"
    return words


def _limit(words: str, *, keep_end: bool) -> str:
    parts = words.split()
    parts = parts[-MAX_DESCRIPTION_WORDS:] if keep_end else parts[:MAX_DESCRIPTION_WORDS]
    return " ".join(parts)


def description(entry: Entry, text: str) -> Description:
    """The article's description of ``entry`` around its first mention (see module)."""
    mention = _mention_at(entry, text)
    if mention is None:
        return Description("", "")
    start, end = mention
    first_name = _FIRST_NAME_BEFORE.search(text, max(0, start - 40), start)
    if first_name and gazetteer.is_first_name(first_name.group(1)):
        start = first_name.start()  # "Pike" named in full: "the firm's founder, Gordon Pike"
    before = _clause_before(text, start).strip()
    if not before and text[max(0, start - 200):start].rstrip().endswith(","):
        # "The trust's medical director, Dr Samuel Oyelaran": the fronted apposition
        before = _clause_before(text, text.rindex(",", 0, start)).strip()
    after = ""
    if text.startswith((", ", " ("), end):
        after = _apposition(_clause_after(text, end + 2).strip())
    return Description(_limit(before, keep_end=True), _limit(after, keep_end=False))
