"""The small types the loaders pass around: options, one input file, one record's outcome.

Every reader turns a ``Source`` (one file, or one member of an archive, already read
into memory) into a stream of outcomes: an ``Article`` for a record that loads, a
``Skip`` for a record that does not (with a reason a person can act on). The table is
built from those in ``analysis.loading.table``; nothing else keeps state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Errors = Literal["report", "raise"]
DEFAULT_MAX_BYTES = 200_000_000  # 200 MB per file or decompressed archive member


class LoadError(Exception):
    """A record could not be loaded and ``errors="raise"`` was asked for."""

    def __init__(self, path: str, record: str | None, reason: str) -> None:
        self.path, self.record, self.reason = path, record, reason
        where = f"{path} [{record}]" if record else path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How ``load_articles`` behaves; every field is also a keyword argument of it.

    - ``recursive``: walk sub-folders of a folder given.
    - ``errors``: ``"report"`` (skip bad records, list them in the load report) or
      ``"raise"`` (raise ``LoadError`` on the first bad record).
    - ``max_bytes``: files (and decompressed archive members) larger than this are
      skipped with the reason "too large".
    - ``fields``: extra field names for json/jsonl/csv/xlsx, tried before the built-in
      ones, e.g. ``{"text": "story_body", "published": ["issued", "day"]}``.
    - ``boilerplate``: move promotion and footer lines from ``text`` to ``boilerplate``.
    - ``detect_language``: detect ``language`` with py3langid when the source is silent.
    - ``progress``: show a tqdm bar; ``None`` = only when stderr is a terminal.
    """

    recursive: bool = True
    errors: Errors = "report"
    max_bytes: int = DEFAULT_MAX_BYTES
    fields: Mapping[str, str | Sequence[str]] | None = None
    boilerplate: bool = True
    detect_language: bool = True
    progress: bool | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read: a file on disk or a member of an archive, as bytes.

    ``relative`` is the path relative to the root the user gave (``/``-separated,
    archive members appended after the archive's name); it keys ``article_id``.
    ``display`` is what ``source_path`` and the load report show.
    """

    display: str
    relative: str
    name: str
    data: bytes
    folder: str | None = None  # the sub-folder the file sits in, below the root
    disk_path: Path | None = None  # the file on disk (None for an archive member)

    @property
    def extension(self) -> str:
        """Lower-case last suffix of ``name`` (``"txt"``, ``"gz"``), ``""`` if none."""
        stem, dot, ext = self.name.rpartition(".")
        return ext.lower() if dot and stem else ""


@dataclass(slots=True)
class Article:
    """One record that loaded, before it becomes a table row. ``text`` is raw here."""

    key: str = ""  # record key inside the file ("" for a one-article file)
    title: str | None = None
    text: str = ""
    outlet: str | None = None
    author: str | None = None
    published: object = None  # str, datetime or None; parsed in the table step
    url: str | None = None
    section: str | None = None
    language: str | None = None
    layout: str | None = None  # a named layout (reuters21578, polnear, ...) if any
    extra: dict[str, object] = field(default_factory=dict)
    boilerplate: list[str] = field(default_factory=list)
    folder_is_section: bool = True  # may the sub-folder name stand in for ``section``?


@dataclass(frozen=True, slots=True)
class Skip:
    """One record that did not load, and why."""

    key: str | None
    reason: str


Outcome = Article | Skip
