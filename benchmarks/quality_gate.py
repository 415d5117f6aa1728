"""Print the quality gate: every figure of ``analysis.evaluation.gate`` beside its floor.

``tests/test_quality_gate.py`` fails on the same comparisons; this script shows them all,
with the value pinned in ``tests/eval_baseline.json`` and whether the gold files still hash
to the pinned SHA-256. Benchmarks whose corpus is absent are listed as skipped.

``--raise`` pins the figures measured now and raises each floor to ``measured -
tolerance`` where that is higher; it never lowers a floor (that needs a reason written
by hand in the file) and never pins a benchmark whose gold changed.

    .venv/bin/python benchmarks/quality_gate.py [--raise] [NAME ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time

from analysis.evaluation.gate import BENCHMARKS
from analysis.paths import REPO_ROOT

BASELINE = REPO_ROOT / "tests" / "eval_baseline.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})")
    parser.add_argument("--raise", dest="raise_floors", action="store_true",
                        help="pin the figures measured now and raise floors (never lower)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    document = json.loads(BASELINE.read_text(encoding="utf-8"))
    baseline, tolerance = document["benchmarks"], document["tolerance"]
    failed = False
    for name in args.names or BENCHMARKS:
        benchmark, entry = BENCHMARKS[name], baseline[name]
        if not benchmark.available():
            print(f"\n{name}: skipped, needs {benchmark.corpus}")
            continue
        started = time.perf_counter()
        measured = benchmark.measure()
        gold_ok = benchmark.gold_sha256() == entry["gold_sha256"]
        print(f"\n{name} ({time.perf_counter() - started:.1f} s; gold "
              f"{'as pinned' if gold_ok else 'CHANGED since pinned'})")
        print(f"  {'figure':<36}{'now':>8}{'floor':>8}{'pinned':>8}")
        for figure, value in measured.items():
            pin = entry["figures"].get(figure, {})
            floor = pin.get("floor", float("nan"))
            below = not value >= floor
            failed |= below or not gold_ok
            print(f"  {figure:<36}{value:8.4f}{floor:8.4f}{pin.get('measured', float('nan')):8.4f}"
                  f"{'  BELOW FLOOR' if below else ''}")
            if args.raise_floors and gold_ok and figure in entry["figures"]:
                pin["measured"] = round(value, 4)
                pin["floor"] = max(floor, round(pin["measured"] - tolerance, 4))
    if args.raise_floors:
        BASELINE.write_text(_format(document), encoding="utf-8")
        print(f"\npinned in {BASELINE.relative_to(REPO_ROOT)}")
    return int(failed)


def _format(document: dict) -> str:
    """``document`` as indented JSON with every object or list of plain values on one
    line (one figure a line, as the file is written by hand)."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    flat = re.compile(r"[{\[]\n\s*([^{}\[\]]*?)\n\s*[}\]]")
    while True:
        joined = flat.sub(lambda m: m.group(0)[0] + re.sub(r",\n\s*", ", ", m.group(1))
                          + m.group(0)[-1], text)
        if joined == text:
            return text + "\n"
        text = joined


if __name__ == "__main__":
    sys.exit(main())
