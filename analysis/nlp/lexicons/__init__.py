"""Lexicons are data: tab-separated files in this folder, loaded once.

Each file opens with ``#`` comment lines that say where every entry class comes from,
then a header row naming the columns, then one entry per row. Blank lines are ignored.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent


@cache
def load_lexicon(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``analysis/nlp/lexicons/<name>.tsv`` as dicts keyed by the header row."""
    path = LEXICON_DIR / f"{name}.tsv"
    lines = [
        line.rstrip("\n")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    if not lines:
        raise ValueError(f"lexicon {path} has no header row")
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(
                f"lexicon {path.name}, data line {number}: {len(cells)} cells, "
                f"expected {len(header)} ({', '.join(header)})"
            )
        rows.append(dict(zip(header, cells, strict=True)))
    return tuple(rows)
