"""The records every detector returns: frozen, slotted dataclasses.

Spans are ``(start, end)`` character offsets into the text that was analysed, so
``text[start:end]`` is always the literal string a record talks about. Every record
names the ``rule`` that produced it, so a student can ask "why did it say that?".
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span and the index of the paragraph it sits in."""

    start: int
    end: int
    paragraph: int

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words between quotation marks.

    ``kind`` is ``"direct"`` (quoted speech or writing), ``"partial"`` (a quoted fragment
    inside the writer's own sentence), ``"scare"`` (a term quoted at a distance) or
    ``"title"`` (the quoted name of a work). ``span`` includes the marks; ``text`` is
    the words inside them.
    """

    span: Span
    text: str
    kind: str
    speaker: str | None
    rule: str
    speaker_type: str | None = None
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting expression that ties content to a source ("X said ...")."""

    cue: str
    cue_span: Span
    stance: str
    source_text: str | None
    source_span: Span | None
    source: str | None
    source_type: str
    role: str | None
    addressee: str | None
    content: str | None
    content_spans: tuple[Span, ...]
    kind: str
    rule: str
    cue_lemma: str = ""
    cue_class: str = ""
    nested: bool = False


@dataclass(frozen=True, slots=True)
class Hedge:
    """An uncertainty cue: ``category`` from the hedge lexicon, ``voice`` says whose words."""

    cue: str
    span: Span
    category: str
    voice: str
    sentence_span: Span
    rule: str


@dataclass(frozen=True, slots=True)
class Booster:
    """A certainty marker ("clearly", "in fact"); ``negated`` for "no doubt"-style flips."""

    cue: str
    span: Span
    voice: str
    negated: bool
    rule: str
    sentence_span: Span = (0, 0)


@dataclass(frozen=True, slots=True)
class Source:
    """One distinct source cited in a text, with how much it is used."""

    name: str
    source_type: str
    role: str | None
    mentions: int
    attributions: int
    words_quoted: int
