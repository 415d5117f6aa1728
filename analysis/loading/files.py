"""From the paths a user gives to ``Source`` objects: walking folders, reading, unpacking.

- A folder is walked (recursively unless ``recursive=False``) in sorted order, so row
  order never depends on the file system.
- Files passed over on purpose are listed, not read: ``README*``, ``LICENSE*``,
  ``SOURCE*``, ``NOTICE*``, dotfiles, SGML ``.dtd`` files, brat ``.ann`` annotation files
  (gold, see ``polnear_gold``) and a PolNeAR ``metadata.tsv`` (read with its texts).
- A ``.gz`` file is decompressed and read as the file it contains (``x.json.gz`` is
  JSON); a ``.zip`` is opened and each member read as a file, in sorted order.
- Size limit: a file, or a decompressed member, over ``max_bytes`` is a skip ("too large").
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from analysis.loading.model import Skip, Source

IGNORED_PREFIXES = ("readme", "license", "licence", "source", "notice")
IGNORED_EXTENSIONS = (".dtd", ".ann")


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file found on disk, with its path relative to the root the user gave."""

    path: Path
    display: str
    relative: str
    folder: str | None


def is_ignored(name: str) -> bool:
    """True for names passed over on purpose (README, LICENSE, dotfiles, .dtd, .ann...)."""
    lower = name.lower()
    return (
        lower.startswith(".")
        or lower.startswith(IGNORED_PREFIXES)
        or lower.endswith(IGNORED_EXTENSIONS)
        or lower.startswith("__macosx")
    )


def _folder_of(relative: PurePosixPath) -> str | None:
    """The sub-folder a file sits in below the root (the BBC layout's topic), if any."""
    return relative.parent.name if len(relative.parts) > 1 else None


def walk(path: Path, display: str, *, recursive: bool) -> tuple[list[FileEntry], list[str]]:
    """``(files to read, files ignored on purpose)`` for one path given by the user."""
    if path.is_file():
        entry = FileEntry(path, display, path.name, None)
        return ([], [display]) if is_ignored(path.name) else ([entry], [])
    candidates = path.rglob("*") if recursive else path.glob("*")
    files, ignored = [], []
    for file in sorted(candidates, key=lambda p: p.relative_to(path).as_posix()):
        relative = PurePosixPath(file.relative_to(path).as_posix())
        if any(part.startswith(".") for part in relative.parts[:-1]):
            continue  # inside a hidden folder (.git, .ipynb_checkpoints)
        if not file.is_file():
            continue
        shown = str(Path(display) / relative)
        if is_ignored(file.name):
            ignored.append(shown)
        else:
            files.append(FileEntry(file, shown, relative.as_posix(), _folder_of(relative)))
    return files, ignored


def open_file(path: Path) -> io.BufferedReader:
    """Open a file for reading bytes (one place, so tests can simulate unreadable files)."""
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def read_entry(entry: FileEntry, max_bytes: int) -> Source | Skip:
    """The bytes of one file as a ``Source``, or a ``Skip`` (too large, unreadable)."""
    try:
        size = entry.path.stat().st_size
        if size > max_bytes:
            return Skip(None, f"too large: {size:,} bytes > limit of {max_bytes:,}")
        with open_file(entry.path) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return Skip(None, f"unreadable: {error.strerror or error}")
    if len(data) > max_bytes:
        return Skip(None, f"too large: more than the limit of {max_bytes:,} bytes")
    return Source(entry.display, entry.relative, entry.path.name, data, entry.folder, entry.path)


def gunzip(source: Source, max_bytes: int) -> Source | Skip:
    """The file inside a ``.gz`` source, or a ``Skip`` saying why it cannot be read."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(source.data)) as handle:
            data = handle.read(max_bytes + 1)
    except EOFError:
        return Skip(None, "truncated gzip file (compressed data ends early)")
    except (OSError, zlib.error) as error:
        return Skip(None, f"corrupt gzip file: {error}")
    if len(data) > max_bytes:
        return Skip(None, f"too large: decompressed size over the limit of {max_bytes:,} bytes")
    inner = source.name[: -len(".gz")] if source.name.lower().endswith(".gz") else source.name
    return Source(source.display, source.relative, inner, data, source.folder, source.disk_path)


def unzip(source: Source, max_bytes: int, ignored: list[str]) -> Iterator[Source | Skip]:
    """Each member of a ``.zip`` source as a ``Source`` (sorted), or ``Skip``s.

    Members passed over on purpose (README, dotfiles, ...) are appended to ``ignored``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
    except (zipfile.BadZipFile, OSError) as error:
        yield Skip(None, f"corrupt zip file: {error}")
        return
    with archive:
        members = sorted((m for m in archive.infolist() if not m.is_dir()),
                         key=lambda m: m.filename)
        if not members:
            yield Skip(None, "empty zip file (no members)")
        for member in members:
            inner = PurePosixPath(member.filename)
            display = f"{source.display}/{inner}"
            if any(is_ignored(part) for part in inner.parts):
                ignored.append(display)
                continue
            if member.file_size > max_bytes:
                yield Skip(str(inner),
                           f"too large: {member.file_size:,} bytes > limit of {max_bytes:,}")
                continue
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as error:
                yield Skip(str(inner), f"corrupt zip member: {error}")
                continue
            folder = inner.parent.name if len(inner.parts) > 1 else source.folder
            yield Source(display, f"{source.relative}/{inner}", inner.name, data, folder, None)
