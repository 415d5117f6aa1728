"""A fast scanner for a lexicon of cue patterns: one regex, tried only where a cue can start.

A lexicon row is a regex fragment (``could\\s+not\\s+be\\s+verified``). All rows compile to one
alternation with a named group per row, matched on an ASCII-lower-cased copy of the text (the
same length, so offsets are shared). Trying that alternation at every character costs about
1.5 ms for a 2,000-character article, so the scanner first lists the word starts of the text
(a lookbehind), keeps those whose first letters can begin some row (``prefixes``, worked out
once from the parsed patterns and compiled as a trie lookahead), and tries the alternation
only there: usually a few dozen positions an article. There it tries only the rows that can
start with the character at hand, in file order (one branch per first character), so the
first row that matches is the one the whole alternation would give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


class LexiconScanner:
    """Finds the rows of a lexicon in text: ``scan(text, start, end)`` yields matches.

    Each position the guard lets through tries only the rows that can start with its
    character (in file order), not the whole alternation: a branch per first character.
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
        #: The group name of each row in the regex (a row may open several branches).
        self._rows: dict[str, int] = {}
        branches = [f"(?={re.escape(char)})"
                    + self._alternation(patterns, sorted({*rows, *anywhere}))
                    for char, rows in sorted(by_first.items())]
        if anywhere:
            branches.append(self._alternation(patterns, anywhere))
        alternation = "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(patterns))
        boundary = r"(?:(?<![\w’'])|(?=n['’]t))"
        guard = trie_regex(starts)
        #: The same search without the guard and the branches (slower; the tests check
        #: both agree).
        self.plain_pattern = rf"{boundary}(?:{alternation})(?![\w])"
        self.regex = re.compile(
            rf"{f'(?={guard})' if guard else ''}{boundary}(?:{'|'.join(branches)})(?![\w])"
        )

    def _alternation(self, patterns: list[str], rows: list[int]) -> str:
        """The rows' patterns as one alternation, each in a group named for ``_rows``."""
        names = []
        for i in rows:
            name = f"r{i}_{len(self._rows)}"
            self._rows[name] = i
            names.append(f"(?P<{name}>{patterns[i]})")
        return "(?:" + "|".join(names) + ")"

    def scan(self, lowered: str, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
        """``(row index, match)`` of each cue in ``lowered[start:end]``, left to right,
        without overlaps. ``lowered`` is ``ascii_lower(text)``."""
        rows = self._rows
        for match in self.regex.finditer(lowered, start, end):
            yield rows[match.lastgroup], match
