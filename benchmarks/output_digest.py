"""Fingerprints of every record the detectors give, to prove a refactor changes nothing.

For each corpus (the shipped articles, BBC, Reuters-21578 stories with a body, PolNeAR
test) every title and text is analysed and each quote, attribution, source, hedge and
booster is written as one tab-separated line (the record's fields in declaration order)
to ``OUT/<corpus>.tsv``; the script prints the SHA-256 of each file. Run it before and
after a change (``--out`` two folders), then ``--compare A B`` prints the first lines that
differ per corpus. A speed-up or a restructuring that changes a line is a bug.

    .venv/bin/python benchmarks/output_digest.py --out /tmp/before [--corpora shipped,bbc]
    .venv/bin/python benchmarks/output_digest.py --compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import analysis
from analysis.evaluation.polnear_gold import polnear_texts
from analysis.paths import REPO_ROOT, SHARED_CORPORA

LAYERS = ("quotes", "attributions", "sources", "hedges", "boosters")


def corpus_texts(name: str) -> Iterator[tuple[str, str]]:
    """``(key, text)`` for every title and text of corpus ``name``, in a fixed order
    (PolNeAR: each raw test text whole, as its gold offsets count it)."""
    if name == "polnear":
        yield from polnear_texts(SHARED_CORPORA / "polnear", "test").items()
        return
    paths = {
        "shipped": REPO_ROOT / "data" / "articles",
        "bbc": SHARED_CORPORA / "bbc_news" / "bbc",
        "reuters": SHARED_CORPORA / "reuters21578",
    }
    frame = analysis.load_articles(paths[name])
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


def write(out: Path, corpora: list[str]) -> None:
    """Write ``OUT/<corpus>.tsv`` for each corpus and print its SHA-256."""
    out.mkdir(parents=True, exist_ok=True)
    for name in corpora:
        if name != "shipped" and not SHARED_CORPORA.is_dir():
            print(f"{name}: skipped (needs {SHARED_CORPORA})")
            continue
        path = out / f"{name}.tsv"
        with path.open("w", encoding="utf-8") as handle:
            for key, text in corpus_texts(name):
                for line in record_lines(key, text):
                    handle.write(line + "\n")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines = sum(1 for _ in path.open(encoding="utf-8"))
        print(f"{name:8} {lines:8,} records  sha256 {digest[:16]}")


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
        print(f"{path.stem:8} {len(a):8,} / {len(b):8,} records; "
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
    args = parser.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare) else 0
    if args.out is None:
        parser.error("give --out or --compare")
    write(args.out, args.corpora.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
