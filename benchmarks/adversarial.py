"""Adversarial inputs (issue 15): how time grows with size, and memory on big inputs.

For each shape below at 10 KB, 100 KB and 1 MB, one file is written to a temporary
folder, loaded with ``analysis.load_articles`` (default limits) and each loaded text
analysed (``analysis.analyse(text)``: ``.attributions``, ``.quotes``, ``.hedges``).
Printed: seconds to load, to analyse, in all, and the growth ratio of the total over the
previous size (linear time: about 10 per 10x step; the goal is <= 15 and under 10 s at
1 MB). Each measurement runs in its own process, stopped after ``--timeout`` seconds
(printed as ``>N``; the sizes after it are not tried).

Memory: big inputs made at run time in a temporary folder and deleted after (a 190 MB
text file; a zip of 12 members of 180 MB each, about 5 MB compressed; a 190 MB JSON
Lines file of 100 KB records, loaded whole and in the streaming command's chunks), each
loaded in a fresh process with the default limits (``analysis.loading.Limits``), whose
peak RSS is printed with the load report.

Run: ``.venv/bin/python benchmarks/adversarial.py`` (all, several minutes);
``--quick`` (10 and 100 KB, no big inputs), ``--shapes a,b``, ``--sizes 10,100``,
``--timeout S``, ``--no-big``, ``--only-big``, ``--big text,zip,jsonl,jsonl_stream``.
BBC texts come from ``../shared/corpora`` when present, else the shipped seed article is
repeated.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "articles" / "000_1f5ea510983bc6a6.txt"
BBC = REPO.parent / "shared" / "corpora" / "bbc_news" / "bbc"
SIZES_KB = (10, 100, 1000)
TIMEOUT = 300.0
BIG_TEXT_MB = 190
BIG_JSONL_MB, JSONL_RECORD_KB = 190, 100
ZIP_MEMBERS, ZIP_MEMBER_MB = 12, 180


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _bbc_text(size: int) -> str:
    """Real news paragraphs (BBC business, else the seed article), about ``size`` chars."""
    files = sorted((BBC / "business").glob("*.txt")) if BBC.is_dir() else [SEED] * 400
    paragraphs: list[str] = []
    total = 0
    while total < size:
        for path in files:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
            for line in (x for x in lines if x.strip()):
                paragraphs.append(line)
                total += len(line) + 1
                if total >= size:
                    return "\n".join(paragraphs)
    return "\n".join(paragraphs)


def _text_file(body: str) -> tuple[str, str]:
    return "txt", "Adversarial input\n" + body + "\n"


# name: (what it is, maker of (extension, file content) for a size in bytes)
SHAPES: dict[str, tuple[str, Callable[[int], tuple[str, str]]]] = {
    "according_to": ("one paragraph of repeated 'according to'",
                     lambda n: _text_file(_repeat("according to ", n))),
    "long_word_said": ("one word of n letters, then 'said'",
                       lambda n: _text_file("x" * n + " said.")),
    "quoting_smith": ('repeated \'Quoting Smith, "a"\' in one paragraph',
                      lambda n: _text_file(_repeat('Quoting Smith, "a" ', n))),
    "bbc_text": ("real BBC paragraphs (the reference)", lambda n: _text_file(_bbc_text(n))),
    "bbc_no_punctuation": ("the same with punctuation stripped (transcript-like)",
                           lambda n: _text_file(re.sub(r"[^\w\s]", "", _bbc_text(n)))),
    "quotes_unclosed": ("one paragraph of opening quote marks and words",
                        lambda n: _text_file(_repeat('"He said ', n))),
    "html_repeated_p": ("an HTML page of one paragraph repeated",
                        lambda n: ("html", "<html><body><article>" + _repeat(
                            "<p>The council met on Monday, the mayor said.</p>", n)
                            + "</article></body></html>")),
    "html_nested_div": ("an HTML page of nested <div>s around a story",
                        lambda n: ("html", "<html><body>" + _repeat("<div>", n // 2)
                                   + "<p>The council met on Monday, the mayor said.</p>"
                                   + "</body></html>")),
    "sgml_unclosed": ("Reuters SGML with stories and bodies never closed",
                      lambda n: ("sgm", _repeat('<REUTERS NEWID="1"><BODY>said <D>x ', n))),
    "csv_quotes": ("a CSV of quote marks and commas (the stdlib sniffer backtracks)",
                   lambda n: ("csv", "title,text\n" + _repeat('a,"b', n))),
    "json_deep": ("JSON nested n/2 levels deep", lambda n: ("json", "[" * (n // 2)
                                                            + "]" * (n // 2))),
}


def _warm_up() -> None:
    """Load and analyse a small article once: imports and lazy models are not timed."""
    import analysis

    for text in analysis.load_articles(SEED)["text"]:
        analysis.analyse(text).attributions  # noqa: B018 - computed for its side effect


def measure(shape: str, size: int) -> None:
    """Write, load and analyse one input (runs in the child process); prints a JSON line
    after the load and another after the analysis, so a timeout still shows the load."""
    import analysis

    _warm_up()
    extension, content = SHAPES[shape][1](size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{shape}.{extension}"
        path.write_text(content, encoding="utf-8")
        started = time.perf_counter()
        articles = analysis.load_articles(path)
        result = {"load": time.perf_counter() - started, "rows": len(articles),
                  "skipped": len(articles.attrs["skipped"])}
        print(json.dumps(result), flush=True)
        started = time.perf_counter()
        for text in articles["text"]:
            document = analysis.analyse(text)
            document.attributions, document.quotes, document.hedges  # noqa: B018 - computed
        print(json.dumps({**result, "analyse": time.perf_counter() - started}), flush=True)


def _last_json(output: str | bytes | None) -> dict | None:
    lines = (output.decode() if isinstance(output, bytes) else output or "").splitlines()
    return json.loads(lines[-1]) if lines else None


def _child(args: list[str], timeout: float) -> dict | None:
    """Run this script with ``args`` in a fresh process; its last JSON line (None if it
    printed none), with ``timed_out`` set when it was stopped after ``timeout`` s."""
    try:
        done = subprocess.run([sys.executable, __file__, *args], capture_output=True,
                              text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired as stopped:
        partial = _last_json(stopped.stdout) or {}
        return {**partial, "timed_out": True}
    except subprocess.CalledProcessError as error:
        return {"error": error.stderr.strip().splitlines()[-1]}
    return _last_json(done.stdout)


def growth(shapes: list[str], sizes: list[int], timeout: float) -> None:
    """The growth table: one row per shape and size."""
    print(f"{'shape':<20}{'KB':>6}{'load s':>9}{'analyse s':>11}{'total s':>9}"
          f"{'x prev':>8}{'rows':>6}{'skips':>6}")
    for shape in shapes:
        previous = None
        for kb in sizes:
            result = _child(["--one", shape, str(kb * 1000)], timeout)
            if "error" in result:
                print(f"{shape:<20}{kb:>6}  error: {result['error']}")
                break
            load = f"{result['load']:.2f}" if "load" in result else f">{timeout:g}"
            if result.get("timed_out"):
                stopped = f">{timeout:g}"
                analyse = stopped if "load" in result else ""
                print(f"{shape:<20}{kb:>6}{load:>9}{analyse:>11}{stopped:>9}", flush=True)
                break
            total = result["load"] + result["analyse"]
            ratio = f"{total / previous:.1f}" if previous else ""
            print(f"{shape:<20}{kb:>6}{load:>9}{result['analyse']:>11.2f}"
                  f"{total:>9.2f}{ratio:>8}{result['rows']:>6}{result['skipped']:>6}",
                  flush=True)
            previous = max(total, 1e-3)


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def load_big(how: str, path: str) -> dict[str, object]:
    """Load one big input with the default limits (runs in the child process): whole
    (``load_articles``) or in the streaming command's chunks (``iter_articles``), the
    chunks dropped one after the other as the command does."""
    import analysis
    from analysis.scale.streaming import iter_articles

    baseline = peak_rss_mb()
    started = time.perf_counter()
    chunks = [analysis.load_articles(path)] if how == "load" else iter_articles(path)
    rows = skipped = seen = n_chunks = 0
    reasons: set[str] = set()
    for articles in chunks:
        n_chunks += 1
        rows += len(articles)
        skipped += len(articles.attrs["skipped"])
        seen += articles.attrs["records_seen"]
        reasons |= {s["reason"] for s in articles.attrs["skipped"]}
        del articles
    return {"rows": rows, "skipped": skipped, "seen": seen, "reasons": sorted(reasons),
            "chunks": n_chunks, "seconds": time.perf_counter() - started,
            "baseline_mb": baseline, "peak_mb": peak_rss_mb()}


_LINE = ("The council met on Monday and agreed the budget for next year, "
         "the mayor said in a statement.\n")
_BLOCK = (_LINE * (1_000_000 // len(_LINE) + 1))[:1_000_000]  # 1 MB of text


def _big_text(folder: Path) -> Path:
    path = folder / "big.txt"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A very long file\n")
        for _ in range(BIG_TEXT_MB):
            handle.write(_BLOCK)
    return path


def _big_zip(folder: Path) -> Path:
    path = folder / "members.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for k in range(ZIP_MEMBERS):
            with bundle.open(f"member_{k:02d}.txt", "w", force_zip64=True) as member:
                member.write(b"A very long member\n")
                for _ in range(ZIP_MEMBER_MB):
                    member.write(_BLOCK.encode())
    return path


def _big_jsonl(folder: Path) -> Path:
    path = folder / "big.jsonl"
    body = _BLOCK[: JSONL_RECORD_KB * 1000]
    with path.open("w", encoding="utf-8") as handle:
        for k in range(BIG_JSONL_MB * 1000 // JSONL_RECORD_KB):
            handle.write(json.dumps({"title": f"Record {k}", "text": f"Story {k}. {body}"})
                         + "\n")
    return path


# name: (what it is, maker, how it is loaded: "load" = load_articles, "stream" = the
# chunks of the streaming command, ``analysis.scale.streaming.iter_articles``)
BIG: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "text": (f"{BIG_TEXT_MB} MB .txt, load_articles", _big_text, "load"),
    "zip": (f"zip of {ZIP_MEMBERS} x {ZIP_MEMBER_MB} MB members, load_articles",
            _big_zip, "load"),
    "jsonl": (f"{BIG_JSONL_MB} MB .jsonl of {JSONL_RECORD_KB} KB records, load_articles",
              _big_jsonl, "load"),
    "jsonl_stream": (f"the same .jsonl in chunks (iter_articles, {'{chunk}'} MB)",
                     _big_jsonl, "stream"),
}


def big_inputs(names: list[str], timeout: float) -> None:
    """The memory table: each big input loaded in a fresh process, default limits."""
    from analysis.loading import Limits
    from analysis.scale.streaming import CHUNK_BYTES

    print(f"\nBig inputs, default limits: {Limits()}")
    with tempfile.TemporaryDirectory() as folder:
        made: dict[Callable[[Path], Path], Path] = {}
        for name in names:
            what, maker, how = BIG[name]
            path = made[maker] = made.get(maker) or maker(Path(folder))
            what = what.format(chunk=CHUNK_BYTES // 2**20)
            size = f"{path.stat().st_size / 1e6:.1f} MB on disk"
            result = _child(["--big-one", how, str(path)], timeout)
            if "error" in result or result.get("timed_out"):
                print(f"{what} ({size}): "
                      f"{result.get('error', f'stopped after {timeout:g} s')}")
                continue
            print(f"{what} ({size}): {result['rows']} rows in {result['chunks']} chunks, "
                  f"{result['skipped']} skipped, {result['seen']} seen, "
                  f"{result['seconds']:.1f} s, peak RSS {result['peak_mb']:.0f} MB "
                  f"(after import: {result['baseline_mb']:.0f} MB)", flush=True)
            for reason in result["reasons"]:
                print(f"    reason: {reason}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", default=",".join(SHAPES),
                        help=f"comma-separated, from: {', '.join(SHAPES)}")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES_KB)), help="KB")
    parser.add_argument("--timeout", type=float, default=TIMEOUT,
                        help="seconds per measurement (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help="10 and 100 KB, no big inputs")
    parser.add_argument("--no-big", action="store_true", help="skip the memory check")
    parser.add_argument("--only-big", action="store_true", help="only the memory check")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--big", default=",".join(BIG),
                        help=f"big inputs to load, from: {', '.join(BIG)}")
    parser.add_argument("--big-one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        measure(args.one[0], int(args.one[1]))
        return 0
    if args.big_one:
        print(json.dumps(load_big(*args.big_one)))
        return 0
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shapes: {', '.join(unknown)}")
    sizes = [10, 100] if args.quick else [int(k) for k in args.sizes.split(",")]
    if not args.only_big:
        for name in shapes:
            print(f"{name:<20}{SHAPES[name][0]}")
        print()
        growth(shapes, sizes, args.timeout)
    if not (args.quick or args.no_big):
        big_inputs([b for b in args.big.split(",") if b], args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
