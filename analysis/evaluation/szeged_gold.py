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
Scoring a detector against it is ``analysis.evaluation.szeged``.
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
