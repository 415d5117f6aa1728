"""The command line: ``python -m analysis COMMAND``. The Makefile targets wrap these.

- ``report``  analyse a corpus and write the reports and tables (``make report``)
- ``tables``  write the article, profile and record tables as CSV
- ``profile`` analyse a large corpus in chunks into Parquet/CSV tables (resumable)
- ``notebooks`` sync each notebook with its percent-format ``.py`` twin (jupytext), strip
  outputs; ``--student DIR`` also writes the student edition (no solutions)
- ``test``    run the test suite (``make test``)
- ``lab``     open JupyterLab on the notebooks (``make lab``)
- ``bench``   run every script in ``benchmarks/`` (``make bench``)
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from analysis.paths import REPO_ROOT, resolve
from analysis.present.export import write_tables

__all__ = ["main", "write_tables"]


def _skip_iri_grammar() -> None:
    """Keep jsonschema (imported by nbformat and papermill) from importing
    ``rfc3987_syntax``, which builds a Lark grammar at import time: about 2 CPU s of this
    command's start-up, for "iri" format checks that no notebook schema uses. jsonschema
    imports it only if it can (``suppress(ImportError)``), so it simply goes without
    them. Done in this command's own process only, never on ``import analysis``."""
    if "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]


def _report(args: argparse.Namespace) -> int:
    """Run every notebook on the corpus into sanitised HTML reports plus CSV tables."""
    import time

    corpus, out = resolve(args.corpus), resolve(args.out)
    if args.no_notebooks:
        for path in write_tables(corpus, out / "data"):
            print(f"wrote {path}")
        return 0
    _skip_iri_grammar()
    from analysis.present.report import ReportError, build_reports

    started = time.perf_counter()
    try:
        index = build_reports(corpus, out, notebooks=resolve(args.notebooks),
                              only=args.only or None, jobs=args.jobs,
                              group_by=args.group_by)
    except ReportError as error:
        print(f"report failed: {error}", file=sys.stderr)
        return 1
    print(f"wrote {index} ({time.perf_counter() - started:.0f} s); open it in a browser")
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    _skip_iri_grammar()
    from analysis.present.notebook_files import sync, write_student_edition

    folder = resolve(args.notebooks)
    for path in sync(folder):
        print(f"synced {path.name} and {path.with_suffix('.py').name}")
    if args.student:
        for path in write_student_edition(folder, resolve(args.student)):
            print(f"wrote {path}")
    return 0


def _tables(args: argparse.Namespace) -> int:
    for path in write_tables(resolve(args.corpus), resolve(args.out)):
        print(f"wrote {path}")
    return 0


def _profile(args: argparse.Namespace) -> int:
    from analysis.scale.streaming import run_from_args

    return run_from_args(args)


def _test(args: argparse.Namespace) -> int:
    return subprocess.call([sys.executable, "-m", "pytest", *args.pytest_args], cwd=REPO_ROOT)


def _lab(args: argparse.Namespace) -> int:
    return subprocess.call(
        [sys.executable, "-m", "jupyter", "lab", str(REPO_ROOT / "notebooks")], cwd=REPO_ROOT
    )


def _bench(args: argparse.Namespace) -> int:
    status = 0
    for script in sorted((REPO_ROOT / "benchmarks").glob("*.py")):
        if script.name.startswith("_"):
            continue
        print(f"\n=== {script.name}", flush=True)
        status |= subprocess.call([sys.executable, str(script)], cwd=REPO_ROOT)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="analyse a corpus, write reports and tables")
    report.add_argument("--corpus", default="data/articles")
    report.add_argument("--out", default="reports")
    report.add_argument("--notebooks", default="notebooks",
                        help="folder of NN_name.ipynb notebooks to run (default notebooks)")
    report.add_argument("--only", nargs="*", metavar="NN",
                        help="run only the notebooks whose names start with these prefixes")
    report.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default 2)")
    report.add_argument("--group-by", default="auto", metavar="COLUMN",
                        help="what every comparison splits by: outlet, section, author, "
                             "month, year, any column, or auto (default)")
    report.add_argument("--no-notebooks", action="store_true",
                        help="write the CSV tables only, without running the notebooks")
    report.set_defaults(run=_report)

    tables = commands.add_parser("tables", help="write the tables of a corpus as CSV")
    tables.add_argument("--corpus", default="data/articles")
    tables.add_argument("--out", default="reports/data")
    tables.set_defaults(run=_tables)

    from analysis.scale.streaming import add_arguments as add_profile_arguments

    profile = commands.add_parser(
        "profile", help="analyse a large corpus in chunks into Parquet or CSV tables",
        description="Analyse INPUT files in chunks (bounded memory, resumable) and write "
        "the profile, quotes, attributions, sources, hedges, boosters, articles and "
        "skipped tables into --out. See analysis/scale/streaming.py and docs/scale.md.",
    )
    add_profile_arguments(profile)
    profile.set_defaults(run=_profile)

    notebooks = commands.add_parser(
        "notebooks", help="sync the notebooks with their .py twins (jupytext)")
    notebooks.add_argument("--notebooks", default="notebooks")
    notebooks.add_argument("--student", metavar="DIR",
                           help="also write the student edition (no solutions) into DIR")
    notebooks.set_defaults(run=_notebooks)

    test = commands.add_parser("test", help="run the test suite")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER)
    test.set_defaults(run=_test)

    commands.add_parser("lab", help="open JupyterLab").set_defaults(run=_lab)
    commands.add_parser("bench", help="run the benchmarks").set_defaults(run=_bench)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
