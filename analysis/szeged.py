"""Read the Szeged Uncertainty Corpus (Szarvas et al. 2012) as plain sentences with cue spans.

The corpus is BioScope-style XML: ``<Document>`` elements hold ``<DocumentPart>`` elements
that hold ``<Sentence>`` elements, whose text carries inline ``<ccue type="...">`` spans
(the uncertainty cues). A sentence is *uncertain* when it holds at least one cue.

The ``type`` attribute reads like ``speculation_hypo_doxastic _``; ``cue_type`` turns it
into one of the five short Szeged names: ``epistemic`` (``modal_probable`` and
``modal_possible``, merged in the Wikipedia file), ``doxastic``, ``investigation``,
``condition``. Documents are numbered from 0 in file order, so ``index % 2 == 0`` is
the development half and the odd documents are the held-out half.

The corpus is read in place (``../shared/corpora/szeged_uncertainty``), never copied.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis.records import Span

#: Szeged ``type`` attribute fragments -> short cue type names.
CUE_TYPES = {
    "modal_probable": "epistemic",
    "modal_possible": "epistemic",
    "hypo_doxastic": "doxastic",
    "hypo_investigation": "investigation",
    "hypo_condition": "condition",
}


@dataclass(frozen=True, slots=True)
class GoldCue:
    """One ``<ccue>``: its text, span in the sentence text and short Szeged type."""

    text: str
    span: Span
    type: str


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One ``<Sentence>``: id, 0-based document index, text and its gold cues."""

    doc_index: int
    sentence_id: str
    part: str
    text: str
    cues: tuple[GoldCue, ...]

    @property
    def uncertain(self) -> bool:
        """True when the sentence holds at least one gold cue."""
        return bool(self.cues)


def cue_type(raw: str) -> str:
    """Short Szeged cue type for a raw ``type`` attribute (``"other"`` if unknown)."""
    for fragment, name in CUE_TYPES.items():
        if fragment in raw:
            return name
    return "other"


def _sentence(element: ET.Element, doc_index: int, part: str) -> GoldSentence:
    pieces: list[str] = [element.text or ""]
    length = len(pieces[0])
    cues: list[GoldCue] = []
    for child in element:
        inner = "".join(child.itertext())
        if child.tag.lower() == "ccue":
            span = (length, length + len(inner))
            cues.append(GoldCue(inner, span, cue_type(child.get("type", ""))))
        pieces.append(inner)
        length += len(inner)
        pieces.append(child.tail or "")
        length += len(child.tail or "")
    return GoldSentence(doc_index, element.get("id", ""), part, "".join(pieces), tuple(cues))


def read_szeged(path: str | Path) -> Iterator[GoldSentence]:
    """Every sentence of one Szeged XML file (``factbank.xml`` or ``wiki.xml``), in order."""
    root = ET.parse(path).getroot()
    for doc_index, document in enumerate(root.iter("Document")):
        for part in document.iter("DocumentPart"):
            part_type = part.get("type", "")
            for element in part:
                if element.tag.lower() == "sentence":
                    yield _sentence(element, doc_index, part_type)


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from counts (0.0 when a denominator is 0)."""

    tp_pred: int
    n_pred: int
    tp_gold: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def sentence_prf(gold: list[GoldSentence], predicted: list[list[Span]]) -> PRF:
    """Sentence level: a sentence is predicted uncertain when it has any predicted cue."""
    pred = [bool(p) for p in predicted]
    true = [g.uncertain for g in gold]
    tp = sum(p and t for p, t in zip(pred, true, strict=True))
    return PRF(tp, sum(pred), tp, sum(true))


def cue_prf(
    gold: list[GoldSentence],
    predicted: list[list[Span]],
    gold_type: str | None = None,
    predicted_types: list[list[str]] | None = None,
    predicted_type: str | None = None,
) -> PRF:
    """Cue level, by overlap: a predicted cue is right when it overlaps any gold cue, a gold
    cue is found when any predicted cue overlaps it. ``gold_type`` restricts the gold cues
    (recall by Szeged type); ``predicted_type`` with ``predicted_types`` restricts the
    predicted cues (precision of the cues mapped to that type)."""
    tp_pred = n_pred = tp_gold = n_gold = 0
    for index, (sentence, spans) in enumerate(zip(gold, predicted, strict=True)):
        all_gold = [c.span for c in sentence.cues]
        for cue in sentence.cues:
            if gold_type is None or cue.type == gold_type:
                n_gold += 1
                tp_gold += any(_overlaps(cue.span, p) for p in spans)
        for j, span in enumerate(spans):
            if (
                predicted_type is not None
                and predicted_types is not None
                and predicted_types[index][j] != predicted_type
            ):
                continue
            n_pred += 1
            tp_pred += any(_overlaps(span, g) for g in all_gold)
    return PRF(tp_pred, n_pred, tp_gold, n_gold)
