"""Line and row formats read as a stream: decoded lines with their byte offsets.

JSON Lines and CSV/TSV files are never held whole in memory: ``open_lines`` checks the
head of the file (empty, only whitespace, binary), then ``Lines`` yields one decoded line
at a time, with the byte offset just after it. Lines are decoded as ``cleaning.decode``
decodes a whole file (UTF-8, a BOM dropped, a per-byte cp1252/Latin-1 fallback), which
gives the same text line by line, since a line end ``\\n`` is never part of a UTF-8 or
cp1252 character. A UTF-16 file (a BOM says so) is decoded whole: its lines have no byte
offsets and it is never cut.

The byte offsets let a big file be cut into parts (``formats.structured.cut``, for the
streaming command) and a part be read alone (``Lines.read(start, end)``).
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from analysis.loading.cleaning import looks_binary
from analysis.loading.model import Skip

HEAD_BYTES = 4 * 65_536  # the head read first: the blank and binary checks, CSV sniffing
BLOCK = 1 << 20  # bytes read at a time when scanning
_BARE_CR = re.compile(rb"(?<=\r)(?!\n)")  # a line end of its own (old Mac files)


def _decode_line(raw: bytes) -> str:
    return raw.decode("utf-8", errors="analysis_cp1252_fallback")


def _blank(handle: BinaryIO, head: bytes) -> bool:
    """True when the file holds only whitespace (read on from ``head`` block by block)."""
    if head.strip():
        return False
    while block := handle.read(BLOCK):
        if block.strip():
            return False
    return True


class Lines:
    """The decoded lines of an open file (line ends kept), from byte ``start`` to ``end``.

    Iterating yields ``(offset after the line, line)``; ``universal`` also ends a line
    at a ``\\r`` alone (what ``csv`` expects), else lines end at ``\\n`` only (JSON
    Lines, where U+2028 and a lone ``\\r`` may sit inside a string). ``limit``: a line of
    more bytes is yielded as ``None`` (and never read whole).
    """

    def __init__(self, handle: BinaryIO, *, universal: bool, utf16: bool = False) -> None:
        self.handle, self.universal, self.utf16 = handle, universal, utf16

    def read(self, start: int = 0, end: int | None = None,
             limit: int | None = None) -> Iterator[tuple[int, str | None]]:
        """The lines from ``start`` (a line start) to ``end`` (None: the end of the file)."""
        if self.utf16:
            yield from self._utf16(limit)
            return
        handle = self.handle
        handle.seek(start)
        if start == 0 and handle.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
            handle.seek(0)
        position = handle.tell()
        while end is None or position < end:
            raw = handle.readline(limit + 1) if limit else handle.readline()
            if not raw:
                return
            if limit and len(raw) > limit and not raw.endswith(b"\n"):
                position += len(raw) + self._skip_rest_of_line()
                yield position, None
                continue
            pieces = _BARE_CR.split(raw) if self.universal and b"\r" in raw else (raw,)
            for piece in pieces:
                if piece:
                    position += len(piece)
                    yield position, _decode_line(piece)

    def _skip_rest_of_line(self) -> int:
        skipped = 0
        while block := self.handle.readline(BLOCK):
            skipped += len(block)
            if block.endswith(b"\n"):
                break
        return skipped

    def _utf16(self, limit: int | None) -> Iterator[tuple[int, str | None]]:
        """Every line of a UTF-16 file, decoded whole (no offsets: -1)."""
        self.handle.seek(0)
        text = self.handle.read().decode("utf-16")
        for line in io.StringIO(text, newline="" if self.universal else "\n"):
            yield -1, None if limit and len(line) > limit else line


def open_lines(handle: BinaryIO, *, universal: bool) -> tuple[Lines, bytes] | Skip:
    """``(Lines, head)`` of an open file, or a ``Skip``: empty, only whitespace, binary.

    ``head`` is the file's first ``HEAD_BYTES`` bytes (for sniffing a CSV delimiter).
    """
    head = handle.read(HEAD_BYTES)
    if not head:
        return Skip(None, "empty file")
    if _blank(handle, head):
        return Skip(None, "only whitespace, no text")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Lines(handle, universal=universal, utf16=True), head
    if looks_binary(head):
        return Skip(None, "binary content, not text")
    return Lines(handle, universal=universal), head


def head_text(head: bytes, lines: Lines) -> str:
    """The head of the file as text (whole lines are what matter; the cut end is dropped
    by its reader)."""
    if lines.utf16:
        return head.decode("utf-16", errors="replace")
    return _decode_line(head.removeprefix(codecs.BOM_UTF8))
