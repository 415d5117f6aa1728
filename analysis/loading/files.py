"""From the paths a user gives to ``Source`` objects: walking folders, reading, unpacking.

- A folder is walked (recursively unless ``recursive=False``) in sorted order, so row
  order never depends on the file system. Symbolic links to folders are followed once
  (a link back up the tree is not walked again).
- Files passed over on purpose are listed, not read: ``README*``, ``LICENSE*``,
  ``SOURCE*``, ``NOTICE*``, dotfiles, SGML ``.dtd`` files, brat ``.ann`` annotation files
  (gold, see ``polnear_gold``), a PolNeAR ``metadata.tsv`` (read with its texts) and
  the ``metadata.csv`` at the top of a folder given (its sidecar, read by
  ``analysis.present.sidecar``: metadata for the articles, no article itself).
- Everything else found is an entry, and an entry that cannot be read is a skip with its
  reason: a folder the user may not list, a FIFO, device or socket, a broken symbolic
  link, a file that cannot be opened.
- A file name that is not valid UTF-8 is shown with its undecodable bytes as ``\\xNN``
  (``display_name``); ``name_note`` says so in the load report's notes.
- A ``.gz`` file is decompressed and read as the file it contains (``x.json.gz`` is
  JSON); a ``.zip`` is opened and each member read as a file, in sorted order.
- JSON Lines, CSV/TSV and XLSX files on disk are not read here: their readers stream
  them (``open_source``), a line or row at a time, so memory stays near the size of the
  table they make, not a multiple of the file.
- Size limits (``read_limit``): a one-article file (text, Markdown, HTML) or archive
  member over ``Limits.max_record_bytes``, any other over ``max_bytes``, is a skip ("too
  large"), known from its size before it is read or unpacked, and never more than the
  limit plus one byte is read. An archive stops unpacking at ``Limits.max_members``
  members or ``Limits.max_archive_bytes`` bytes (nested archives included), and an
  archive deeper than ``Limits.max_archive_depth`` is a skip.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from analysis.loading.model import LoadOptions, Part, Skip, Source

IGNORED_PREFIXES = ("readme", "license", "licence", "source", "notice")
IGNORED_EXTENSIONS = (".dtd", ".ann")
SIDECAR = "metadata.csv"  # a corpus folder's metadata for its files (analysis.present.sidecar)
# Formats with one article per file: the per-record limit applies to the whole file.
ONE_ARTICLE = frozenset({"txt", "text", "md", "markdown", "html", "htm", "xhtml"})
# Formats whose readers stream a file on disk (a line or row at a time).
STREAMED = frozenset({"jsonl", "ndjson", "csv", "tsv", "xlsx"})
_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file found on disk, with its path relative to the root the user gave
    (``part``: only that slice of it, for the chunks of ``analysis.scale.streaming``)."""

    path: Path
    display: str
    relative: str
    folder: str | None
    part: Part | None = None


def is_ignored(name: str) -> bool:
    """True for names passed over on purpose (README, LICENSE, dotfiles, .dtd, .ann...)."""
    lower = name.lower()
    return (
        lower.startswith(".")
        or lower.startswith(IGNORED_PREFIXES)
        or lower.endswith(IGNORED_EXTENSIONS)
        or lower.startswith("__macosx")
    )


def display_name(name: str) -> str:
    """``name`` as valid text: bytes a file name holds that are not UTF-8 become ``\\xNN``.

    >>> display_name(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def name_note(path: Path) -> str | None:
    """The note for a path whose name is not valid UTF-8, else None."""
    if display_name(str(path)) == str(path):
        return None
    return "file name is not valid UTF-8: its undecodable bytes are shown as \\xNN"


def _folder_of(relative: str) -> str | None:
    """The sub-folder a file sits in below the root (the BBC layout's topic), if any.

    >>> _folder_of("tech/001.txt"), _folder_of("a/b/c.txt"), _folder_of("c.txt")
    ('tech', 'b', None)
    """
    parent, slash, _ = relative.rpartition("/")
    return parent.rpartition("/")[2] if slash else None


def _tree(path: Path, recursive: bool) -> list[tuple[str, str]]:
    """``(relative path, path)`` of every path below ``path`` that is not a folder walked
    into, plus unreadable folders; the relative path is ``/``-separated, as
    ``Path.relative_to(path).as_posix()`` gives it (``"."`` for ``path`` itself).

    Hidden folders (``.git``, ``.ipynb_checkpoints``) are not entered; a folder reached
    twice through symbolic links is walked once. Paths stay strings (no ``Path`` per
    file): on the BBC corpus this walk was a tenth of a load.
    """
    top = str(path)
    found: list[tuple[str, str]] = []
    walked: set[tuple[int, int]] = set()

    def relative(full: str) -> str:
        return Path(os.path.relpath(full, top)).as_posix()

    def unreadable(error: OSError) -> None:
        found.append((relative(error.filename), error.filename))

    for folder, dirs, names in os.walk(top, onerror=unreadable, followlinks=True):
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in walked:
            dirs.clear()
            continue
        walked.add((info.st_dev, info.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")] if recursive else []
        inside = relative(folder)
        prefix = "" if inside == "." else f"{inside}/"
        found += [(prefix + name, os.path.join(folder, name)) for name in names]
    return found


def walk(path: Path, display: str, *, recursive: bool) -> tuple[list[FileEntry], list[str]]:
    """``(entries to read, files ignored on purpose)`` for one path given by the user."""
    if not path.is_dir():
        entry = FileEntry(path, display_name(display), display_name(path.name), None)
        return ([], [entry.display]) if is_ignored(path.name) else ([entry], [])
    entries, ignored = [], []
    shown_root = Path(display)
    for relative, file in sorted(_tree(path, recursive), key=lambda found: found[0]):
        shown = display_name(str(shown_root / relative))
        name = display_name(relative)
        if is_ignored(os.path.basename(file)) or name == SIDECAR:
            ignored.append(shown)
        else:
            entries.append(FileEntry(Path(file), shown, name, _folder_of(name)))
    return entries, ignored


def open_file(path: Path) -> io.BufferedReader:
    """Open a file for reading bytes (one place, so tests can simulate unreadable files)."""
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def open_source(source: Source) -> BinaryIO:
    """The bytes of ``source`` as a binary stream: its ``data``, else its file on disk.

    Raises ``OSError`` when the file cannot be opened.
    """
    if source.data is not None:
        return io.BytesIO(source.data)
    return open_file(source.disk_path)


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def read_limit(name: str, options: LoadOptions) -> int:
    """The most bytes a file or member called ``name`` may hold (see the module docstring)."""
    if _extension(name) in ONE_ARTICLE:
        return min(options.max_bytes, options.limits.max_record_bytes)
    return options.max_bytes


def _too_large(size: int | None, limit: int) -> Skip:
    measured = f"{size:,} bytes" if size is not None else "more than that"
    return Skip(None, f"too large: {measured} > limit of {limit:,} bytes")


def _regular_size(path: Path) -> int | Skip:
    """The size of a regular file, or a skip for an entry that is not one (folder, FIFO,
    device, dead link) or cannot be examined."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return Skip(None, "broken symbolic link (its target does not exist)")
    except OSError as error:
        return Skip(None, f"unreadable: {error.strerror or error}")
    if stat.S_ISDIR(info.st_mode):
        try:
            os.scandir(path).close()
        except OSError as error:
            return Skip(None, f"unreadable folder: {error.strerror or error}")
        return Skip(None, "a folder not walked (recursive=False)")
    for test, kind in _SPECIAL:
        if test(info.st_mode):
            return Skip(None, f"not a regular file: {kind}")
    return info.st_size


def _read_at_most(handle: BinaryIO, limit: int, expected: int) -> bytes:
    """Up to ``limit + 1`` bytes of ``handle``, asking for the ``expected`` size (plus one)
    first: a buffer of the whole limit (10 MB) for each small file costs more than
    reading the file. A file longer than expected (growing, or one of ``/proc``'s, which
    say 0) is read on, up to the limit."""
    data = handle.read(expected + 1)
    if expected < len(data) <= limit:
        data += handle.read(limit + 1 - len(data))
    return data


def read_entry(entry: FileEntry, options: LoadOptions) -> Source | Skip:
    """One file as a ``Source`` (its bytes read, unless its reader streams it), or a
    ``Skip`` (too large, unreadable...)."""
    size = _regular_size(entry.path)
    if isinstance(size, Skip):
        return size
    limit = read_limit(entry.path.name, options)
    if size > limit:
        return _too_large(size, limit)
    streamed = _extension(entry.path.name) in STREAMED
    try:
        with open_file(entry.path) as handle:
            data = None if streamed else _read_at_most(handle, limit, size)
    except OSError as error:
        return Skip(None, f"unreadable: {error.strerror or error}")
    if data is not None and len(data) > limit:
        return _too_large(None, limit)
    return Source(entry.display, entry.relative, display_name(entry.path.name), data,
                  entry.folder, entry.path, part=entry.part)


@dataclass(slots=True)
class Unpacked:
    """What one archive (with the archives inside it) has unpacked so far."""

    bytes: int = 0
    members: int = 0


def _deeper_than_allowed(source: Source, options: LoadOptions) -> Skip | None:
    depth = options.limits.max_archive_depth
    if source.depth >= depth:
        return Skip(None, f"archive nested too deep: more than {depth} archive levels "
                          "(Limits.max_archive_depth)")
    return None


def gunzip(source: Source, options: LoadOptions, unpacked: Unpacked) -> Source | Skip:
    """The file inside a ``.gz`` source, or a ``Skip`` saying why it cannot be read."""
    deep = _deeper_than_allowed(source, options)
    if deep is not None:
        return deep
    inner = source.name[: -len(".gz")] if source.name.lower().endswith(".gz") else source.name
    limit = min(read_limit(inner, options), options.limits.max_archive_bytes - unpacked.bytes)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(source.data)) as handle:
            data = handle.read(limit + 1)
    except EOFError:
        return Skip(None, "truncated gzip file (compressed data ends early)")
    except (OSError, zlib.error) as error:
        return Skip(None, f"corrupt gzip file: {error}")
    if len(data) > limit:
        return Skip(None, f"too large: decompressed size over the limit of {limit:,} bytes")
    unpacked.bytes += len(data)
    return Source(source.display, source.relative, inner, data, source.folder,
                  source.disk_path, source.depth + 1)


def _member_limit(member: zipfile.ZipInfo, options: LoadOptions,
                  unpacked: Unpacked) -> Skip | None:
    """Why a member may not be unpacked (a limit it would break), or None."""
    limits = options.limits
    if unpacked.members >= limits.max_members:
        return Skip(None, f"archive limit: more than {limits.max_members:,} members "
                          "(Limits.max_members)")
    limit = read_limit(member.filename, options)
    if member.file_size > limit:
        return _too_large(member.file_size, limit)
    if unpacked.bytes + member.file_size > limits.max_archive_bytes:
        return Skip(None, f"archive limit: more than {limits.max_archive_bytes:,} bytes "
                          "unpacked (Limits.max_archive_bytes)")
    return None


def unzip(source: Source, options: LoadOptions, ignored: list[str],
          unpacked: Unpacked) -> Iterator[Source | Skip]:
    """Each member of a ``.zip`` source as a ``Source`` (sorted), or ``Skip``s.

    Members passed over on purpose (README, dotfiles, ...) are appended to ``ignored``.
    A member's skip has the member's path as its key; the archive's own has None.
    """
    deep = _deeper_than_allowed(source, options)
    if deep is not None:
        yield deep
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield Skip(None, f"corrupt zip file: {error}")
        return
    with archive:
        members = sorted((m for m in archive.infolist() if not m.is_dir()),
                         key=lambda m: m.filename)
        if not members:
            yield Skip(None, "empty zip file (no members)")
        for member in members:
            inner = PurePosixPath(display_name(member.filename))
            display = f"{source.display}/{inner}"
            if any(is_ignored(part) for part in inner.parts):
                ignored.append(display)
                continue
            refused = _member_limit(member, options, unpacked)
            if refused is not None:
                yield Skip(str(inner), refused.reason)
                continue
            unpacked.members += 1
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError, ValueError,
                    NotImplementedError, RuntimeError) as error:
                yield Skip(str(inner), f"corrupt zip member: {error}")
                continue
            unpacked.bytes += len(data)
            folder = inner.parent.name if len(inner.parts) > 1 else source.folder
            yield Source(display, f"{source.relative}/{inner}", inner.name, data, folder,
                         None, source.depth + 1)
