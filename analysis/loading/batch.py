"""One load: the one loop from file entries to the article table and its load report.

``load_articles`` and the chunks of ``analysis.scale.streaming`` both find their files with
``find`` and load them with ``load``, so the two cannot drift apart.

The report counts ``records_seen`` from what the readers meet (``Tally``), not from the
rows and skips, so that ``rows + len(skipped) != records_seen`` reveals a record lost
without a trace.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.loading import files, formats, table
from analysis.loading.formats.polnear import is_metadata_file, remembering_folders
from analysis.loading.model import Errors, LoadError, LoadOptions, Skip, Tally


@dataclass
class LoadReport:
    """What a load met besides its rows; ``attach`` puts it in ``df.attrs`` as plain data.

    - ``skipped``: ``{"path", "record", "reason"}`` per record that did not load;
    - ``notes``: ``{"path", "record", "note"}`` per value changed on load (a date set to
      NaT, a lone surrogate replaced, a file name shown with ``\\xNN``);
    - ``ignored``: files passed over on purpose; ``layouts``: rows per named layout;
    - ``seen``: records met (lines, rows, list items, stories, responses; one per file of
      a one-article format, one per file or archive member that is a skip as a whole).
    """

    errors: Errors = "report"
    skipped: list[dict[str, object]] = field(default_factory=list)
    notes: list[dict[str, object]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    layouts: Counter[str] = field(default_factory=Counter)
    seen: int = 0

    def skip(self, path: str, record: str | None, reason: str) -> None:
        """Record a skip; raises ``LoadError`` instead when ``errors="raise"``."""
        if self.errors == "raise":
            raise LoadError(path, record, reason)
        self.skipped.append({"path": path, "record": record, "reason": reason})

    def note(self, path: str, record: str | None, note: str) -> None:
        """Record a value changed on load."""
        self.notes.append({"path": path, "record": record, "note": note})

    def attach(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with the report in ``frame.attrs`` (plain lists and dicts)."""
        frame.attrs["skipped"] = self.skipped
        frame.attrs["notes"] = self.notes
        frame.attrs["ignored"] = sorted(set(self.ignored), key=self.ignored.index)
        frame.attrs["layouts"] = dict(self.layouts)
        frame.attrs["records_seen"] = self.seen
        return frame


def find(path: Path, display: str, *,
         recursive: bool) -> tuple[list[files.FileEntry], list[str]]:
    """``(entries to read, files ignored on purpose)`` for one path given by the user:
    ``files.walk``, with a PolNeAR ``metadata.tsv`` among the ignored files."""
    found, ignored = files.walk(path, display, recursive=recursive)
    entries = []
    for entry in found:
        if is_metadata_file(entry.path):
            ignored.append(entry.display)
        else:
            entries.append(entry)
    return entries, ignored


def load(entries: Iterable[files.FileEntry], options: LoadOptions, *,
         ignored: Iterable[str] = (), missing: Iterable[str] = ()) -> pd.DataFrame:
    """The article table of ``entries``, with its load report in ``attrs``.

    ``ignored``: files passed over on purpose; ``missing``: paths given that do not exist
    (each a record seen and a skip). Raises ``LoadError`` on the first skip when
    ``options.errors == "raise"``.
    """
    report = LoadReport(errors=options.errors, ignored=list(ignored))
    for path in missing:
        report.seen += 1
        report.skip(path, None, "path does not exist")
    rows = table.Builder()
    tally = Tally()
    with remembering_folders():
        for entry in entries:
            _load_entry(entry, options, report, rows, tally)
    report.seen += tally.seen
    return report.attach(rows.frame())


def _load_entry(entry: files.FileEntry, options: LoadOptions, report: LoadReport,
                rows: table.Builder, tally: Tally) -> None:
    """Read one file: its rows into ``rows``, its skips and notes into ``report``."""
    renamed = files.name_note(entry.path)
    if renamed:
        report.note(entry.display, None, renamed)
    source = files.read_entry(entry, options)
    if isinstance(source, Skip):
        tally.add()
        report.skip(entry.display, source.key, source.reason)
        return
    for origin, outcome in formats.read(source, options, report.ignored, tally):
        row = outcome if isinstance(outcome, Skip) else table.finish(outcome, origin, options)
        if isinstance(row, Skip):
            report.skip(origin.display, row.key, row.reason)
            continue
        for note in outcome.notes:
            report.note(origin.display, outcome.key or None, note)
        rows.add(row)
        if outcome.layout:
            report.layouts[outcome.layout] += 1
