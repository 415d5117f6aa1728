"""Print the quality gate: every figure of ``analysis.evaluation.gate`` beside its floor.

``tests/test_quality_gate.py`` fails on the same comparisons; this script shows them all,
with the value pinned in ``tests/eval_baseline.json`` and whether the gold files still hash
to the pinned SHA-256. Benchmarks whose corpus is absent are listed as skipped.

    .venv/bin/python benchmarks/quality_gate.py [NAME ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from analysis.evaluation.gate import BENCHMARKS
from analysis.paths import REPO_ROOT

BASELINE = REPO_ROOT / "tests" / "eval_baseline.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["benchmarks"]
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
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
