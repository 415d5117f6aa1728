"""One analysed view of a text, computed once and shared by every detector.

``analyse(text)`` returns a ``Document``. Its layers are computed lazily, in one fixed
order, the first time they are asked for: paragraphs -> sentences -> quotes and
attributions (one pass, since a quote's speaker comes from its attribution) -> sources
-> hedges and boosters (which need quotes and attributions to tell whose voice a cue
is in). No detector splits sentences again; each reads them from the ``Document``.
"""

from __future__ import annotations

from functools import cached_property

from analysis.detect import attribution, hedging, sources
from analysis.nlp import text as textmod
from analysis.records import Attribution, Booster, Hedge, Quote, Sentence, Source, Span


class Document:
    """The analysed view of one text. Build it with ``analyse``."""

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise TypeError(f"analyse() takes a str, not {type(text).__name__}")
        self.text = text

    def __repr__(self) -> str:
        preview = self.text[:40].replace("\n", " ")
        return f"Document({preview!r}{'...' if len(self.text) > 40 else ''})"

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Spans of the paragraphs (non-blank lines)."""
        return textmod.paragraph_spans(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences with offsets and paragraph index; never cross a paragraph."""
        return textmod.sentences(self.text, self.paragraphs)

    @cached_property
    def _quotes_and_attributions(self) -> tuple[list[Quote], list[Attribution]]:
        return attribution.attribute(self)

    @property
    def quotes(self) -> list[Quote]:
        """Quotes in text order (see ``analysis.find_quotes``)."""
        return self._quotes_and_attributions[0]

    @property
    def attributions(self) -> list[Attribution]:
        """Attributions in text order (see ``analysis.find_attributions``)."""
        return self._quotes_and_attributions[1]

    @cached_property
    def sources(self) -> list[Source]:
        """Distinct sources, in order of first mention."""
        return sources.summarise_sources(self)

    @cached_property
    def hedges(self) -> list[Hedge]:
        """Hedges in text order (see ``analysis.find_hedges``)."""
        return hedging.detect_hedges(self)

    @cached_property
    def boosters(self) -> list[Booster]:
        """Boosters in text order (see ``analysis.find_boosters``)."""
        return hedging.detect_boosters(self)


def analyse(text: str | Document) -> Document:
    """Analyse ``text`` once; every ``find_*`` function accepts the result."""
    return text if isinstance(text, Document) else Document(text)


def find_quotes(text: str | Document) -> list[Quote]:
    """Direct, partial, scare and title quotes of ``text``, with speakers."""
    return analyse(text).quotes


def find_attributions(text: str | Document) -> list[Attribution]:
    """Attributions of ``text``: cue, stance, source, content, kind and rule."""
    return analyse(text).attributions


def find_sources(text: str | Document) -> list[Source]:
    """Distinct sources of ``text`` with type, role, mentions and words quoted."""
    return analyse(text).sources


def find_hedges(text: str | Document) -> list[Hedge]:
    """Hedges of ``text`` with category, voice and the rule that decided."""
    return analyse(text).hedges


def find_boosters(text: str | Document) -> list[Booster]:
    """Boosters (certainty markers) of ``text`` with voice and negation."""
    return analyse(text).boosters
