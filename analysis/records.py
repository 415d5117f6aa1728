"""The records every detector returns: frozen, slotted dataclasses.

Spans are ``(start, end)`` character offsets into the text that was analysed, so
``text[start:end]`` is always the literal string a record talks about. Every record
names the ``rule`` that produced it, so a student can ask "why did it say that?".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]

# The label vocabularies. Each is a ``Literal`` type (what a record field may hold) and a
# dict of the same labels, in display order, to what each means; the tables, the
# highlight legend, the evaluation and the tests read them from here
# (``tests/test_records.py`` checks that each pair agrees).

QuoteKind = Literal["direct", "partial", "scare", "title"]
#: ``Quote.kind``: what the words between the marks are.
QUOTE_KINDS: dict[QuoteKind, str] = {
    "direct": "quoted speech or writing, a sentence or more in the source's own words",
    "partial": "a quoted fragment of someone's words inside the writer's own sentence",
    "scare": "a term quoted at a distance (scare quotes), nobody's speech",
    "title": "the quoted name of a work: a book, film, report or programme",
}
#: Quote kinds that carry someone's words: the quotes ``analysis.profile`` counts, and
#: those whose speaker is scored.
SPOKEN_KINDS: tuple[QuoteKind, ...] = ("direct", "partial")

Stance = Literal["neutral", "distancing", "endorsing", "admission", "refusal"]
#: ``Attribution.stance``: what the reporting cue says about the reported words
#: (the ``stance`` column of ``lexicons/cues.tsv``).
STANCES: dict[Stance, str] = {
    "neutral": "reports without judging: said, told, according to, concluded",
    "distancing": "keeps the claim at a distance: claimed, alleged, insisted",
    "endorsing": "presents the words as true or notable: confirmed, noted, revealed",
    "admission": "the source concedes something: admitted, conceded, acknowledged",
    "refusal": "the source would not speak: declined to comment, refused to say",
}

SourceType = Literal["named_person", "anonymous", "organisation", "media", "document",
                     "unknown"]
#: ``Attribution.source_type``, ``Source.source_type``, ``Quote.speaker_type``: what
#: kind of source a mention is (``analysis.detect.mentions``, ``lexicons/source_nouns.tsv``).
SOURCE_TYPES: dict[SourceType, str] = {
    "named_person": "a person the text names (Dmitry Peskov, Mr Peskov)",
    "anonymous": "an unnamed person or group of insiders (a source, officials, residents)",
    "organisation": "a company, government body, party, court or other organisation",
    "media": "a news outlet or agency cited as a source (Reuters, the BBC)",
    "document": "a report, statement, study or other text cited as a source",
    "unknown": "a pronoun or phrase whose kind the text does not show",
}

AttributionKind = Literal["direct", "indirect", "mixed"]
#: ``Attribution.kind``: how the content is reported.
ATTRIBUTION_KINDS: dict[AttributionKind, str] = {
    "direct": "the content is a quotation in the source's words",
    "indirect": "the content is reported in the writer's words (said that ...)",
    "mixed": "reported in the writer's words with a quoted fragment inside",
}

#: Gender of a person source as the article presents it. ``unknown``: a person whose
#: gender the text does not show and whose first name is not decisive. Organisations,
#: documents, media and groups get no gender at all (``None``).
GENDERS = ("female", "male", "unknown")
#: What showed a gender, strongest first (the order in which ``analysis.detect.gender`` looks).
GENDER_EVIDENCE = {
    "honorific": "a gendered title before the name: Mr, Mrs, Ms, Miss, Sir, Lady, Dame, Lord",
    "role_word": "a gendered role or person noun: spokeswoman, chairman, actress, woman",
    "pronoun": "he/she (or his/her in the source's own description) referring to the source",
    "first_name": "census first-name statistics (the text says nothing); "
                  "see analysis.detect.gender",
}
#: Whom a source speaks for; see ``analysis.detect.affiliation`` and ``lexicons/affiliations.tsv``.
AFFILIATIONS = {
    "government_politics": "ministers, MPs, parties, councils, departments, officials of the state",
    "public_agency_justice": "police, courts, prosecutors, military, regulators, public bodies",
    "business": "companies, executives, bank analysts, trade bodies, their staff",
    "expert_academic": "researchers, professors, scientists, consultants, think tanks",
    "civil_society": "charities, NGOs, unions, campaigners, advocacy groups, foundations",
    "citizen": "residents, witnesses, customers, patients, ordinary people",
    "media": "news outlets, agencies, journalists, broadcasters as sources",
    "sport_entertainment": "players, coaches, clubs as sports bodies, artists, celebrities",
    "other": "none of the above, or the text does not say",
}
#: Whether an unnamed source's anonymity is explained; see ``analysis.standards``.
ANONYMITY = {
    "explained": "the text says why the source is not named (asked not to be named, ...)",
    "unexplained": "an unnamed person or insider group and no reason given",
}


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

    ``kind``: one of ``QUOTE_KINDS``; ``speaker_type``: one of ``SOURCE_TYPES`` (``None``
    without a speaker). ``span`` includes the marks; ``text`` is the words inside them.
    """

    span: Span
    text: str
    kind: QuoteKind
    speaker: str | None
    rule: str
    speaker_type: SourceType | None = None
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting expression that ties content to a source ("X said ...").

    ``stance``, ``source_type`` and ``kind``: one of ``STANCES``, ``SOURCE_TYPES`` and
    ``ATTRIBUTION_KINDS``.

    ``gender`` (one of ``GENDERS``, ``None`` when the source is not a single person),
    ``gender_evidence`` (a key of ``GENDER_EVIDENCE`` or ``None``) and ``affiliation`` (a
    key of ``AFFILIATIONS``, ``None`` when there is no source) describe its source.
    """

    cue: str
    cue_span: Span
    stance: Stance
    source_text: str | None
    source_span: Span | None
    source: str | None
    source_type: SourceType
    role: str | None
    addressee: str | None
    content: str | None
    content_spans: tuple[Span, ...]
    kind: AttributionKind
    rule: str
    cue_lemma: str = ""
    cue_class: str = ""
    nested: bool = False
    gender: str | None = None
    gender_evidence: str | None = None
    affiliation: str | None = None


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
    """One distinct source cited in a text, with how much it is used.

    ``source_type``, ``gender``, ``gender_evidence`` and ``affiliation`` as on
    ``Attribution``.
    """

    name: str
    source_type: SourceType
    role: str | None
    mentions: int
    attributions: int
    words_quoted: int
    gender: str | None = None
    gender_evidence: str | None = None
    affiliation: str | None = None
