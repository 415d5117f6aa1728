"""The small types the loaders pass around: options, one input file, one record's outcome.

Every reader turns a ``Source`` (one file, or one member of an archive, already read
into memory) into a stream of outcomes: an ``Article`` for a record that loads, a
``Skip`` for a record that does not (with a reason a person can act on), and counts the
records it meets on a ``Tally`` before it decides what becomes of them, so that a record
that is neither a row nor a skip shows up as a mismatch in the load report. The table is
built from those in ``analysis.loading.table``; nothing else keeps state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Errors = Literal["report", "raise"]
DEFAULT_MAX_BYTES = 200_000_000  # 200 MB per file or decompressed archive member
MAX_ARCHIVE_DEPTH = 50  # the deepest Limits.max_archive_depth (well within Python's stack)


class LoadError(Exception):
    """A record could not be loaded and ``errors="raise"`` was asked for."""

    def __init__(self, path: str, record: str | None, reason: str) -> None:
        self.path, self.record, self.reason = path, record, reason
        where = f"{path} [{record}]" if record else path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class Limits:
    """Work limits of one load; a record or file over one is a skip naming the limit.

    Each is a count of bytes, levels or elements (never a clock), so the same input gives
    the same load report on any machine. With the defaults, loading any one file keeps
    the process under about 1 GB (``benchmarks/adversarial.py`` measures it).

    - ``max_record_bytes``: bytes of one article as stored: a text or HTML file or
      archive member (checked before it is read or unpacked), a JSON Lines line, a WARC
      response. 10 MB is a very long article; the analysis of one text costs about 20
      times its size in memory.
    - ``max_archive_bytes``: bytes unpacked from one ``.zip`` (all members, nested
      archives included); the members after it are skips.
    - ``max_members``: members read from one ``.zip``; the members after it are skips.
    - ``max_archive_depth``: archives inside archives; a ``.zip`` or ``.gz`` at a deeper
      level is a skip (1: a zip's members load, a zip inside it does not).
    - ``max_json_depth``: nesting of arrays and objects in a JSON document or line (news
      records need fewer than 10; Python's parser fails near 1,000).
    - ``max_elements``: tags of one HTML page (real pages: at most a few thousand) or
      Reuters SGML story (about 30), cells of one CSV row.

    Raises ``ValueError`` for a limit below 1, or ``max_archive_depth`` over
    ``MAX_ARCHIVE_DEPTH`` (archives are opened recursively).
    """

    max_record_bytes: int = 10_000_000
    max_archive_bytes: int = 2_000_000_000
    max_members: int = 100_000
    max_archive_depth: int = 3
    max_json_depth: int = 100
    max_elements: int = 50_000

    def __post_init__(self) -> None:
        for name in self.__dataclass_fields__:
            if getattr(self, name) < 1:
                raise ValueError(f"Limits.{name} must be at least 1")
        if self.max_archive_depth > MAX_ARCHIVE_DEPTH:
            raise ValueError(f"Limits.max_archive_depth can be at most {MAX_ARCHIVE_DEPTH}")


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
    - ``limits``: the work limits (``Limits``).
    """

    recursive: bool = True
    errors: Errors = "report"
    max_bytes: int = DEFAULT_MAX_BYTES
    fields: Mapping[str, str | Sequence[str]] | None = None
    boilerplate: bool = True
    detect_language: bool = True
    progress: bool | None = None
    limits: Limits = Limits()


@dataclass(frozen=True, slots=True)
class Part:
    """A slice of a JSON Lines or CSV/TSV file (``analysis.loading.lines.cut``): bytes
    ``start`` to ``end``, beginning at a line or row start; ``first`` is the number of
    that line or row in the whole file (1-based; the CSV header is row 1)."""

    start: int
    end: int
    first: int


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read: a file on disk or a member of an archive.

    ``data`` holds its bytes, or is None for a line or row format on disk (JSON Lines,
    CSV/TSV, XLSX), which its reader streams from ``disk_path``
    (``analysis.loading.files.open_source``). ``relative`` is the path relative to the
    root the user gave (``/``-separated, archive members appended after the archive's
    name); it keys ``article_id``. ``display`` is what ``source_path`` and the load
    report show. ``part``: only this slice of the file is read (None: all of it).
    """

    display: str
    relative: str
    name: str
    data: bytes | None
    folder: str | None = None  # the sub-folder the file sits in, below the root
    disk_path: Path | None = None  # the file on disk (None for an archive member)
    depth: int = 0  # archives this source sits in (0: a file on disk)
    part: Part | None = None

    @property
    def continues(self) -> bool:
        """True for a part after a file's first: the checks of a whole file (empty, no
        records, a header without rows) were made with the first part."""
        return self.part is not None and self.part.start > 0

    @property
    def extension(self) -> str:
        """Lower-case last suffix of ``name`` (``"txt"``, ``"gz"``), ``""`` if none."""
        stem, dot, ext = self.name.rpartition(".")
        return ext.lower() if dot and stem else ""


@dataclass(slots=True)
class Article:
    """One record that loaded, before it becomes a table row. ``text`` is raw here,
    unless ``normalised`` says a reader has already cleaned it (``normalise`` gives the
    same text again, so the table step skips it)."""

    key: str = ""  # record key inside the file ("" for a one-article file)
    title: str | None = None
    text: str = ""
    normalised: bool = False  # ``text`` is already ``cleaning.normalise``d (not redone)
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
    notes: list[str] = field(default_factory=list)  # values changed on load, and how


@dataclass(frozen=True, slots=True)
class Skip:
    """One record that did not load, and why."""

    key: str | None
    reason: str


Outcome = Article | Skip


@dataclass(slots=True)
class Tally:
    """Records a reader met in one source (lines, rows, list items, stories, responses).

    A reader counts a record when it finds it, before parsing it; a source in which the
    reader found no record at all counts as one (the file itself, loaded or skipped).
    """

    seen: int = 0

    def add(self, n: int = 1) -> None:
        """Count ``n`` more records."""
        self.seen += n
