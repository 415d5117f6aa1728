"""Fingerprints of every record and table row, to prove a refactor changes nothing.

For each corpus (the shipped articles, BBC, Reuters-21578 stories with a body, PolNeAR
test) every title and text is analysed and each quote, attribution, source, hedge and
booster is written as one tab-separated line (the record's fields in declaration order)
to ``OUT/<corpus>.tsv``. With ``--tables``, the six tables of the article corpora
(``analysis.tables.corpus.analyse_tables``: profile, quotes, attributions, sources,
hedges, boosters) are written too, row for row with a header of column names and dtypes,
to ``OUT/<corpus>.<table>.tsv``. The script prints the SHA-256 of each file. Run it before
and after a change (``--out`` two folders), then ``--compare A B`` prints the first lines
that differ per file. A speed-up or a restructuring that changes a line is a bug.

    .venv/bin/python benchmarks/output_digest.py --out /tmp/before [--corpora bbc] [--tables]
    .venv/bin/python benchmarks/output_digest.py --compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

import analysis
from analysis.evaluation.polnear_gold import polnear_texts
from analysis.paths import REPO_ROOT, SHARED_CORPORA
from analysis.tables.corpus import analyse_tables

#: Corpora that are article tables (PolNeAR test is read as raw texts, with no table).
ARTICLE_CORPORA = {
    "shipped": REPO_ROOT / "data" / "articles",
    "bbc": SHARED_CORPORA / "bbc_news" / "bbc",
    "reuters": SHARED_CORPORA / "reuters21578",
}

LAYERS = ("quotes", "attributions", "sources", "hedges", "boosters")


def corpus_texts(name: str) -> Iterator[tuple[str, str]]:
    """``(key, text)`` for every title and text of corpus ``name``, in a fixed order
    (PolNeAR: each raw test text whole, as its gold offsets count it)."""
    if name == "polnear":
        yield from polnear_texts(SHARED_CORPORA / "polnear", "test").items()
        return
    frame = analysis.load_articles(ARTICLE_CORPORA[name])
    for row in frame.itertuples(index=False):
        for field in ("title", "text"):
            value = getattr(row, field)
            if isinstance(value, str) and value:
                yield f"{row.article_id}\t{field}", value


def record_lines(key: str, text: str) -> Iterator[str]:
    """One line per record of ``text``: key, layer, then the record's fields."""
    doc = analysis.analyse(text)
    for layer in LAYERS:
        for record in getattr(doc, layer):
            values = (repr(getattr(record, f.name)) for f in dataclasses.fields(record))
            yield "\t".join((key, layer, *values))


def table_lines(table: pd.DataFrame) -> Iterator[str]:
    """A header of ``column:dtype`` and then one line per row (values as ``repr``)."""
    yield "\t".join(f"{column}:{dtype}" for column, dtype in table.dtypes.items())
    for row in table.itertuples(index=False):
        yield "\t".join(repr(value) for value in row)


def _write_lines(path: Path, lines: Iterator[str], what: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    count = sum(1 for _ in path.open(encoding="utf-8"))
    print(f"{path.stem:20} {count:8,} {what}  sha256 {digest[:16]}")


def write(out: Path, corpora: list[str], tables: bool = False) -> None:
    """Write ``OUT/<corpus>.tsv`` (and, with ``tables``, ``OUT/<corpus>.<table>.tsv``)
    for each corpus and print the SHA-256 of each file."""
    out.mkdir(parents=True, exist_ok=True)
    for name in corpora:
        if name != "shipped" and not SHARED_CORPORA.is_dir():
            print(f"{name}: skipped (needs {SHARED_CORPORA})")
            continue
        _write_lines(out / f"{name}.tsv", (line for key, text in corpus_texts(name)
                                           for line in record_lines(key, text)), "records")
        if tables and name in ARTICLE_CORPORA:
            frames = analyse_tables(analysis.load_articles(ARTICLE_CORPORA[name]))
            for table, frame in frames.items():
                _write_lines(out / f"{name}.{table}.tsv", table_lines(frame), "rows")


def compare(first: Path, second: Path, shown: int = 5) -> int:
    """Print the differing lines of each corpus file; return the number of differences."""
    differences = 0
    for path in sorted(first.glob("*.tsv")):
        other = second / path.name
        a = path.read_text(encoding="utf-8").splitlines()
        b = other.read_text(encoding="utf-8").splitlines() if other.exists() else []
        only_a = sorted(set(a) - set(b))
        only_b = sorted(set(b) - set(a))
        differences += len(only_a) + len(only_b)
        print(f"{path.stem:20} {len(a):8,} / {len(b):8,} lines; "
              f"{len(only_a)} only before, {len(only_b)} only after")
        for line in only_a[:shown]:
            print(f"  - {line[:220]}")
        for line in only_b[:shown]:
            print(f"  + {line[:220]}")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--corpora", default="shipped,bbc,reuters,polnear")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--tables", action="store_true",
                        help="also the six tables of the article corpora, row for row")
    args = parser.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare) else 0
    if args.out is None:
        parser.error("give --out or --compare")
    write(args.out, args.corpora.split(","), tables=args.tables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
