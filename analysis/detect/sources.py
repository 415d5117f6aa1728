"""Distinct sources of a text: who is cited, how often, and how many words they get.

Built from the attributions and quotes of a ``Document`` (no second analysis):

- ``name``: the canonical source (``Attribution.source``), in order of first mention;
- ``source_type`` and ``role``: from the first attribution that names it;
- ``mentions``: distinct source spans that name it ("Kadyrov", "he", "the source"; a
  cue that shares its subject, "..., adding that", points at that subject's span);
- ``attributions``: every attribution resolved to it (also "..., adding that");
- ``words_quoted``: ``count_words`` of the direct and partial quotes it speaks;
- ``gender``, ``gender_evidence``, ``affiliation``: as on its attributions (the same for
  all of them: ``analysis.detect.people`` describes the source once).
"""

from __future__ import annotations

from analysis.nlp.text import count_words
from analysis.records import SPOKEN_KINDS, Source


def summarise_sources(doc) -> list[Source]:
    """One ``Source`` per distinct canonical source of ``doc``, in order of first mention."""
    order: list[str] = []
    info: dict[str, dict] = {}
    for attribution in doc.attributions:
        name = attribution.source
        if not name:
            continue
        if name not in info:
            order.append(name)
            info[name] = {"type": attribution.source_type, "role": attribution.role,
                          "spans": set(), "attributions": 0, "words": 0,
                          "who": (attribution.gender, attribution.gender_evidence,
                                  attribution.affiliation)}
        row = info[name]
        row["attributions"] += 1
        if attribution.source_span is not None:
            row["spans"].add(attribution.source_span)
        if row["role"] is None and attribution.role:
            row["role"] = attribution.role
    for quote in doc.quotes:
        if quote.speaker in info and quote.kind in SPOKEN_KINDS:
            info[quote.speaker]["words"] += count_words(quote.text)
    return [
        Source(name, info[name]["type"], info[name]["role"], len(info[name]["spans"]),
               info[name]["attributions"], info[name]["words"], *info[name]["who"])
        for name in order
    ]
