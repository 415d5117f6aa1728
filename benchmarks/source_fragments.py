"""Sources that are fragments, not noun phrases: an audit of real news, not a score.

For every attribution of every BBC text (``../shared/corpora``; titles left out, and the
relative pronoun of a ``who_clause`` too, which stands for the name before it), the
source as written (``source_text``) is read for the part of speech of its last word
(``analysis.nlp.syntax.lexicon_tag``, lower-case words only, so names do not count). A
noun phrase does not end in a preposition (IN), an adverb (RB), a determiner (DT), a
conjunction (CC) or a finite verb (VBD, VBZ, VBP); a source that does is a fragment
("He angered colleagues by", "He has"). Prints how many sources end each way, with a
few examples of each. This is how this release found the kinds of fault it fixed; there
is no gold, so read the counts as a list of places to look.

    .venv/bin/python benchmarks/source_fragments.py [--examples 5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed import BBC, load, need_corpora

import analysis
from analysis.nlp import syntax

#: Last-word tags no noun phrase ends with.
FRAGMENT_TAGS = ("IN", "RB", "DT", "CC", "VBD", "VBZ", "VBP")


def fragment_tag(source_text: str) -> str | None:
    """The tag of ``source_text``'s last word when it is one of ``FRAGMENT_TAGS``."""
    last = source_text.split()[-1].strip(".,;:")
    if not last[:1].islower():
        return None
    tag = syntax.lexicon_tag(last)
    return tag if tag in FRAGMENT_TAGS else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5, help="examples shown per tag")
    args = parser.parse_args(argv)
    need_corpora()
    if not BBC.is_dir():
        print(f"skipped: needs the BBC News corpus at {BBC}")
        return 0
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {tag: [] for tag in FRAGMENT_TAGS}
    total = 0
    for text in load("bbc")["text"]:
        for found in analysis.find_attributions(text):
            if not found.source_text or found.rule == "who_clause":
                continue  # "who"/"that" stands for the name before it (coreference)
            total += 1
            tag = fragment_tag(found.source_text)
            if tag is None:
                continue
            counts[tag] += 1
            if len(examples[tag]) < args.examples:
                examples[tag].append(f"{found.source_text!r} + cue {found.cue!r}")
    print(f"BBC: {total:,} attributions with a source; "
          f"{sum(counts.values()):,} end in a word no noun phrase ends with")
    for tag in FRAGMENT_TAGS:
        print(f"  ends in {tag:<4} {counts[tag]:6,}")
        for line in examples[tag]:
            print(f"      {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
