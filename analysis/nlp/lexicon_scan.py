"""A fast scanner for a lexicon of cue patterns, tried only where a cue can start.

A lexicon row is a regex fragment (``could\\s+not\\s+be\\s+verified``). The rows are matched
on an ASCII-lower-cased copy of the text (the same length, so offsets are shared), at word
starts only (or at the "n't" of "couldn't"). Trying one alternation of all the rows at every
character costs about 1.5 ms for a 2,000-character article, so the scanner works in two steps:

1. *Candidates*: one pass over the whole text lists the word starts whose first letters can
   begin some row (``prefixes``, worked out once from the parsed patterns and compiled as a
   trie lookahead). The pass looks for the character *before* a word, so the regex engine
   can skip ahead with a character-set test instead of trying a pattern at every
   position: usually a few dozen candidates an article.
2. *Rows*: at a candidate, only the rows that can start with its character are tried, as one
   alternation in file order (one regex per first character), so the first row that matches
   is the one the whole alternation would give.

The matches are exactly those of ``plain_pattern`` (all the rows, tried everywhere) run with
``finditer`` over each span; the tests check that.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

try:  # the regex parser of the standard library (``sre_parse`` before Python 3.11)
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: How many leading atoms (a character, or "any whitespace") the guard compares.
PREFIX_LENGTH = 4
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SPACE = r"\s"
Prefix = tuple[str, ...]  # regex atoms: an escaped character, r"\s" or r"\s+"


def ascii_lower(text: str) -> str:
    """``text`` lower-cased with every offset unchanged (A-Z only when ``lower()`` would
    change the length, as for "İ")."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_LOWER)


def _sequence_prefixes(items, k: int) -> set[tuple[Prefix, bool]]:
    """Prefixes (up to ``k`` atoms) a parsed sequence can start with; ``True`` = may go on."""
    current: set[tuple[Prefix, bool]] = {((), True)}
    for op, av in items:
        open_ = {s for s, more in current if more and len(s) < k}
        done = {(s, False) for s, more in current if not more or len(s) >= k}
        if not open_:
            return done
        step = _item_prefixes(op, av, k)
        current = done | {((s + t)[:k], more and len(s + t) < k) for s in open_ for t, more in step}
    return current


def _is_space_class(op, av) -> bool:
    return op is _c.IN and len(av) == 1 and av[0] == (_c.CATEGORY, _c.CATEGORY_SPACE)


def _item_prefixes(op, av, k: int) -> set[tuple[Prefix, bool]]:
    """Prefixes of one parsed item; anything unsure ends the prefix there (conservative)."""
    if op is _c.LITERAL:
        return {((re.escape(chr(av)),), True)}
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
        return {((re.escape(chr(a)),), True) for _, a in av}
    if _is_space_class(op, av):
        return {((_SPACE,), True)}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {((), True)}  # zero width
    if op is _c.SUBPATTERN:
        return _sequence_prefixes(av[-1], k)
    if op is _c.BRANCH:
        return set().union(*(_sequence_prefixes(branch, k) for branch in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _high, sub = av
        if low >= 1 and len(sub) == 1 and _is_space_class(*sub[0]):
            return {((_SPACE + "+",), True)}  # one atom: "in  fact" has two spaces
        once = {(s, False) for s, _ in _sequence_prefixes(sub, k)}
        return once | {((), True)} if low == 0 else once
    return {((), False)}  # a class such as \w: the prefix ends here


def prefixes(pattern: str, k: int = PREFIX_LENGTH) -> set[Prefix]:
    """Every sequence of at most ``k`` atoms that a match of ``pattern`` can start with.

    Conservative: a shorter prefix is returned where the pattern continues with a class.

    >>> sorted("|".join(p) for p in prefixes(r"appears?|seem(?:s|ed)?"))
    ['a|p|p|e', 's|e|e|m']
    >>> sorted(p[2] for p in prefixes(r"in\\s+fact"))
    ['\\\\s+']
    """
    return {s for s, _ in _sequence_prefixes(_sre_parse.parse(pattern), k)}


def trie_regex(strings: set[Prefix]) -> str:
    """A regex matching any of the prefixes, as a trie ("may", "mig" -> ``m(?:ay|ig)``).

    Each branch opens with a distinct atom, so the regex engine rejects a position after
    one comparison per branch.
    """
    if not strings or () in strings:
        return ""
    groups: dict[str, set[Prefix]] = {}
    for string in strings:
        groups.setdefault(string[0], set()).add(string[1:])
    branches = [first + trie_regex(rest) for first, rest in sorted(groups.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


#: What the candidate pass looks for before a word: any character but a lower-case ASCII
#: letter, digit, "_" or apostrophe. Every word start follows one (it follows none of
#: ``[\w’']``); the few extra positions ("é|if") fail the rows' own boundary check. A plain
#: character class lets the regex engine skip from one such character to the next in C.
_BEFORE_WORD = r"[^a-z0-9_’']"
#: Where a row may start inside a word: the "n't" of "couldn't", "wasn’t".
_NOT_INSIDE_WORD = re.compile(r"n['’]t")


class LexiconScanner:
    """Finds the rows of a lexicon in text: ``scan(lowered, spans)`` yields matches.

    Raises ``ValueError`` for an upper-case pattern or one that can match no characters.
    """

    def __init__(self, patterns: list[str]) -> None:
        for pattern in patterns:
            if re.search(r"(?<!\\)[A-Z]", pattern):
                raise ValueError(f"lexicon patterns are matched lower-cased: {pattern!r}")
            if _sre_parse.parse(pattern).getwidth()[0] == 0:
                raise ValueError(f"lexicon pattern can match nothing: {pattern!r}")
        starts: set[Prefix] = set()
        by_first: dict[str, list[int]] = {}
        anywhere: list[int] = []  # rows that may start with a space or an unknown class
        for i, pattern in enumerate(patterns):
            row_starts = prefixes(pattern)
            starts |= row_starts
            firsts = {s[0] if s else _SPACE for s in row_starts}
            if any(first.startswith(_SPACE) for first in firsts):
                anywhere.append(i)
            for first in firsts - {_SPACE, _SPACE + "+"}:
                by_first.setdefault(first[-1], []).append(i)  # the atom escapes one char
        boundary = r"(?:(?<![\w’'])|(?=n['’]t))"

        def rows_pattern(rows: Iterable[int]) -> str:
            """The rows (file order) as one alternation, each in a group named ``r<row>``."""
            alternation = "|".join(f"(?P<r{i}>{patterns[i]})" for i in rows)
            return rf"{boundary}(?:{alternation})(?![\w])"

        #: The same search as one alternation of all rows, tried everywhere (slower; the
        #: tests check both agree).
        self.plain_pattern = rows_pattern(range(len(patterns)))
        #: The rows to try at a candidate, by its first character.
        self._by_char = {char: re.compile(rows_pattern(sorted({*rows, *anywhere})))
                         for char, rows in by_first.items()}
        self._anywhere = re.compile(rows_pattern(anywhere)) if anywhere else None
        guard = trie_regex(starts)
        self._candidates = re.compile(_BEFORE_WORD + (f"(?={guard})" if guard else ""))

    def candidates(self, lowered: str) -> list[int]:
        """Sorted positions of ``lowered`` where a row may start: its start, the word starts
        the prefix guard lets through, and every "n't".

        >>> LexiconScanner(["may", "not"]).candidates("dismay: i may not, can't")
        [0, 10, 14, 21]
        """
        found = [match.end() for match in self._candidates.finditer(lowered)]
        if lowered:
            found.insert(0, 0)  # nothing before the text's first character
        inside = [match.start() for match in _NOT_INSIDE_WORD.finditer(lowered)]
        return sorted({*found, *inside}) if inside else found

    def scan(
        self, lowered: str, spans: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int, re.Match[str]]]:
        """``(span index, row index, match)`` of each cue inside each span of ``lowered``
        (``ascii_lower(text)``), left to right and without overlaps within a span; a match
        never runs past its span's end.

        >>> scanner = LexiconScanner(["may", r"may\\s+well", "might|maybe"])
        >>> found = scanner.scan("it may well. maybe", [(0, 11), (12, 18)])
        >>> [(span, row, match.group()) for span, row, match in found]
        [(0, 0, 'may'), (1, 2, 'maybe')]
        """
        candidates = self.candidates(lowered)
        for index, (start, end) in enumerate(spans):
            free = start  # where the previous match in this span ended
            inside = candidates[bisect_left(candidates, start) : bisect_left(candidates, end)]
            for position in inside:
                if position < free:
                    continue
                rows = self._by_char.get(lowered[position], self._anywhere)
                match = rows.match(lowered, position, end) if rows is not None else None
                if match is not None:
                    free = match.end()
                    yield index, int(match.lastgroup[1:]), match  # group "r12" is row 12
