"""Matching predicted spans to gold spans, and precision / recall / F1 from the counts.

A span is a ``(start, end)`` pair of character offsets, end exclusive. Two spans
*overlap* when they share at least one character, so ``(0, 4)`` and ``(4, 9)`` do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.records import Span


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def overlap_size(a: Span, b: Span) -> int:
    """How many characters two spans share (0 when they do not overlap)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair_up(gold: list[Span], predicted: list[Span], match: str) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``, greedy by largest overlap.

    ``match`` is ``"exact"`` (same start and end) or ``"overlap"`` (any shared character).
    Ties are broken by the lower gold index, then the lower predicted index.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if match == "exact":
                if g == p:
                    candidates.append((g[1] - g[0], gi, pi))
            else:
                size = overlap_size(g, p)
                if size > 0:
                    candidates.append((size, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


@dataclass(slots=True)
class PRF:
    """Precision, recall and F1 from counts (each 0.0 when its denominator is 0).

    ``tp_pred`` of the ``n_pred`` predicted items are right and ``tp_gold`` of the
    ``n_gold`` gold items are found. The two right-counts differ when one prediction can
    cover several gold items; they are fractions when partial matches earn partial
    credit (the token-proportional matching of ``analysis.evaluation.polnear``). The
    counts start at 0 so that a scorer can add to them article by article.
    """

    tp_pred: float = 0
    n_pred: int = 0
    tp_gold: float = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """Right predictions / predictions."""
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Found gold items / gold items."""
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
