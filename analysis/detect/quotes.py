"""Quotation marks: find quoted spans, then say what kind of quote each one is.

Two steps, both pure functions:

1. ``quote_spans(text, paragraphs)`` pairs quotation marks inside each paragraph:
   straight (``"``), curly (``“ ”``), guillemets (``« »``, ``‹ ›``), low-high (``„``) and
   single quotes (``‘ ’``, ``'``) when they are not apostrophes ("don't", "Kadyrov's",
   "players' union", "'90s"). Single marks inside a double quote are a nested quote and
   stay part of the outer one. A paragraph that opens a quote and does not close it gives
   a span to the paragraph end (``open_end``); when the next paragraph opens with a mark,
   that is one quote running over several paragraphs (``continued``). Stray marks are
   ignored: the function never fails.
2. ``classify(text, span, sentence_start, after_cue, before_cue)`` gives the kind:
   ``title``, ``scare``, ``direct`` or ``partial``, with the name of the rule that decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.records import Span

DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
QUOTE_MARKS = "\"'“”„‟«»‘’‹›`"

# Two apostrophes ('') and two backticks (``) stand for a double mark in some wire copy.
# Every alternative opens with its own literal character (the marks are not written as one
# class [...]): then the regex engine knows the first characters a match can have and skips
# to the next of them in C instead of trying the pattern at every character.
_DOUBLE_MARK = re.compile(r"''(?!')|``|\"|“|”|„|‟|«|»")
# A single mark that opens: at the start or after space / bracket / dash, before a letter
# or digit, but not an elided year or word ("'90s", "'til", "'em").
_SINGLE_BEFORE_WORD = r"(?=\w)(?!\d0s\b|til\b|em\b|cause\b)"
_SINGLE_OPEN = re.compile(r"['‘‹]" + _SINGLE_BEFORE_WORD)
# The same after space / bracket / dash: tested in the pattern, not on each match in
# Python, as most single marks before a letter are apostrophes ("Kadyrov's"). The look
# behind comes after the mark so that the engine still skips to the next mark quickly.
_SINGLE_OPEN_AFTER = re.compile(r"['‘‹](?<=[ \t\n\r(\[—–\-\u00a0].)" + _SINGLE_BEFORE_WORD)
# A single mark that closes: after a word or punctuation, before space / punctuation / end.
_SINGLE_CLOSE = re.compile(r"['’›](?<=[\w.,!?].)(?=[\s.,;:!?)\]—–-]|$)")
_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*")
_TITLE_BEFORE = re.compile(
    r"\b(?:titled|entitled|film|movie|book|novel|song|album|documentary|series|show|"
    r"programme|program|play|poem|article|column|essay|op-ed|headline|report|speech|"
    r"memoir|podcast|episode|slogan)\s*,?\s*$",
    re.IGNORECASE,
)
_SCARE_BEFORE = re.compile(r"\b(?:so-called|so called|dubbed|branded|labelled|labeled)\s*$",
                           re.IGNORECASE)
_END_PUNCT_INSIDE = re.compile(r"[,.?!…]\W*$")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A pair of marks: ``span`` includes them; ``inner`` is the words between."""

    span: Span
    inner: Span
    paragraph: int
    open_end: bool = False
    continued: bool = False


def _is_open_straight(text: str, i: int, length: int = 1) -> bool | None:
    """Whether a straight ``"`` at ``i`` opens (True), closes (False) or can't tell (None)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    opens = before.isspace() or before in "([{—–-/:" or before in DOUBLE_OPEN + SINGLE_OPEN
    closes = after.isspace() or after in ".,;:!?)]}—–-…" or after in DOUBLE_CLOSE + SINGLE_CLOSE
    if opens and not closes:
        return True
    if closes and not opens:
        return False
    return None


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int, bool | None]]:
    """Position, length and role (opens?) of each double mark in ``text[start:end]``."""
    marks = []
    for match in _DOUBLE_MARK.finditer(text, start, end):
        i, length = match.start(), match.end() - match.start()
        char = text[i]
        if char in "\"'":
            role = _is_open_straight(text, i, length)
        elif char == "`":
            role = True
        elif char in DOUBLE_OPEN:
            # A curly opener used as a closer (“...“) when glued to the word before.
            role = not (i > start and not text[i - 1].isspace() and (
                i + 1 >= end or text[i + 1].isspace()))
        else:
            # A closer used as an opener (”...”) when it starts a word.
            role = (i == start or text[i - 1].isspace()) and i + 1 < end and (
                not text[i + 1].isspace())
        marks.append((i, length, role))
    return marks


def _pair(
    text: str, marks: list[tuple[int, int, bool | None]]
) -> tuple[list[Span], list[Span], int | None]:
    """Pair openers with closers.

    Returns the pairs, the *reopened* pieces and a trailing unclosed opener, if any. A
    reopened piece is a quote whose closing mark was dropped where its paragraphs were
    joined into one line ('... long period. "But once he ...'): an opener, words that end a
    sentence, then a second opener. The piece runs to the end of those words and the quote
    from the second opener continues it.
    """
    pairs: list[Span] = []
    reopened: list[Span] = []
    open_at: int | None = None
    for i, length, role in marks:
        if open_at is None:
            if role is not False:
                open_at = i
        elif role is not True:
            pairs.append((open_at, i + length))
            open_at = None
        else:
            end = _sentence_piece_end(text, open_at, i)
            if end is not None:
                reopened.append((open_at, end))
            # Otherwise two openers in a row: the first was a stray mark.
            open_at = i
    return pairs, reopened, open_at


_PIECE_END = re.compile(r"[.?!…][\s\u00a0]+$")
#: A reopened piece holds at least this many words (a stray mark rarely opens a sentence).
REOPENED_MIN_WORDS = 3


def _sentence_piece_end(text: str, start: int, next_open: int) -> int | None:
    """End of the words after an opener at ``start`` when they end a sentence right before
    the next opener (``None`` when they do not)."""
    match = _PIECE_END.search(text, start + 1, next_open)
    if match is None or len(_WORD.findall(text, start + 1, match.start())) < REOPENED_MIN_WORDS:
        return None
    return match.start() + 1


def _single_pairs(text: str, start: int, end: int, taken: list[Span]) -> list[Span]:
    """Single-quoted spans of ``text[start:end]`` that lie outside double quotes."""
    opens = [start] if _SINGLE_OPEN.match(text, start, end) else []
    opens += [m.start() for m in _SINGLE_OPEN_AFTER.finditer(text, start + 1, end)]
    if not opens:
        return []
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text, start, end)]
    pairs = []
    ci = 0
    position = start
    for o in opens:
        if o < position or any(s <= o < e for s, e in taken):
            continue
        while ci < len(closes) and closes[ci] <= o:
            ci += 1
        if ci == len(closes):
            break
        c = closes[ci]
        if any(s <= c < e for s, e in taken):
            continue
        pairs.append((o, c + 1))
        position = c + 1
    return pairs


def quote_spans(text: str, paragraphs: list[Span]) -> list[QuoteSpan]:
    """Quoted spans of ``text`` in text order (see the module docstring)."""
    found: list[QuoteSpan] = []
    previous_open = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        pairs, reopened, open_at = _pair(text, _double_marks(text, p_start, p_end))
        spans: list[tuple[Span, bool]] = [(pair, False) for pair in pairs]
        spans += [(piece, True) for piece in reopened]
        if open_at is not None and p_end - open_at > 1:
            spans.append(((open_at, p_end), True))
        doubles = [s for s, _ in spans]
        spans += [(pair, False) for pair in _single_pairs(text, p_start, p_end, doubles)]
        spans.sort()
        opens_paragraph = bool(spans) and spans[0][0][0] == p_start
        piece_ends = {end for _, end in reopened}
        last_end = -1
        for (s, e), open_end in spans:
            open_len = 2 if text.startswith(("''", "``"), s) else 1
            close_len = 2 if text[max(s + open_len, e - 2):e] == "''" else 1
            inner_end = e if open_end else e - close_len
            continued = (previous_open and opens_paragraph and s == p_start) or (
                last_end in piece_ends and not text[last_end:s].strip())
            found.append(QuoteSpan((s, e), (s + open_len, max(s + open_len, inner_end)), index,
                                   open_end, continued))
            last_end = e
        previous_open = bool(spans) and spans[-1][1]
    return found


def classify(
    text: str,
    quote: QuoteSpan,
    sentence_start: int,
    *,
    after_cue: bool = False,
    before_cue: bool = False,
    in_content: bool = False,
) -> tuple[str, str]:
    """``(kind, rule)`` of a quote from its words and what surrounds it.

    ``after_cue`` / ``before_cue``: a reporting cue introduces the quote ("he said: ...")
    or follows it ("..., he said"); ``in_content``: the quote lies inside the content of
    an attribution, e.g. a fragment of reported speech.
    """
    s, e = quote.span
    inner = text[quote.inner[0] : quote.inner[1]].strip()
    words = _WORD.findall(inner)
    before = text[max(sentence_start, s - 40) : s] if s > sentence_start else ""
    if quote.continued:
        return "direct", "continues_previous_paragraph"
    if _TITLE_BEFORE.search(before) and words and sum(w[0].isupper() for w in words) * 2 >= len(
        words
    ):
        return "title", "title_after_work_noun"
    if _SCARE_BEFORE.search(before):
        return "scare", "after_so_called"
    starts_sentence = not text[sentence_start:s].strip() or before.rstrip().endswith(":")
    if starts_sentence and (len(words) > 3 or after_cue or before_cue):
        return "direct", "starts_sentence"
    if after_cue and before.rstrip().endswith((",", ":")):
        return "direct", "after_cue"
    if before_cue and _END_PUNCT_INSIDE.search(inner):
        return "direct", "before_cue"
    if len(words) <= 3 and not (after_cue or before_cue or in_content):
        if words and all(w[0].isupper() for w in words) and len(words) > 1:
            return "title", "title_case_name"
        return "scare", "short_unattributed"
    if starts_sentence:
        return "direct", "whole_sentence"
    return "partial", "embedded_fragment"
