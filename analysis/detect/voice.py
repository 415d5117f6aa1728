"""Whose words a span is in: the reporter's, a quoted source's, or a reported source's.

- ``"quoted"``: inside the quotation marks of a quote in ``doc.quotes`` whose ``kind`` is
  ``"direct"`` or ``"partial"`` (scare quotes and titles are the writer's own words).
- ``"reported"``: inside a content span of an attribution in ``doc.attributions``
  ("Kadyrov said the spies *may* ..."), when no direct or partial quote holds it; or the
  cue is itself the reporting verb of an attribution with a source ("officials *believe*
  that ...", "the trust *expected* demand to rise"): the belief is the source's.
- ``"reporter"``: everything else.

Only the record fields ``Quote.span``, ``Quote.kind`` and ``Attribution.content_spans`` are
read (and ``Attribution.cue_span`` / ``source`` for the second ``"reported"`` case), so
the rule does not depend on how the attribution detector finds them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from analysis.records import SPOKEN_KINDS, Attribution, Quote, Span

VOICES = ("reporter", "quoted", "reported")


class _Intervals:
    """Sorted, merged spans with an O(log n) membership test."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[1] > s[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, span: Span) -> bool:
        """True when ``span`` starts inside one of the intervals."""
        i = bisect_right(self.starts, span[0]) - 1
        return i >= 0 and span[0] < self.ends[i]


class VoiceMap:
    """Answers ``voice(span)`` for one document's quotes and attributions."""

    def __init__(self, quotes: Sequence[Quote], attributions: Sequence[Attribution]) -> None:
        self.quoted = _Intervals(q.span for q in quotes if q.kind in SPOKEN_KINDS)
        self.reported = _Intervals(
            span for a in attributions for span in a.content_spans if span is not None
        )
        self.cues = _Intervals(
            a.cue_span
            for a in attributions
            if a.cue_span and (a.source is not None or a.source_span is not None)
        )

    def voice(self, span: Span, *, stance_cue: bool = True) -> str:
        """``"quoted"``, ``"reported"`` or ``"reporter"`` for the cue at ``span``.

        ``stance_cue=False`` skips the "the cue is the attribution's verb" case (used for
        verification disclaimers: "The Ledger could not confirm" stays the reporter's).
        """
        if span in self.quoted:
            return "quoted"
        if span in self.reported:
            return "reported"
        if stance_cue and span in self.cues:
            return "reported"
        return "reporter"
