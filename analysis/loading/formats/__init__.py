"""One reader per file format, chosen by file extension; archives are opened first.

``read(source, options, ignored, tally)`` yields ``(source, outcome)`` pairs: the source
is the file (or archive member) the record came from, the outcome an ``Article`` or a
``Skip``. Each reader counts the records it meets on a ``Tally``; ``tally`` receives
those counts (a file in which the reader found no record counts as one, and so does each
archive member that is a skip), so that a record that is neither a row nor a skip shows
up as rows + skipped records != records seen. A file that yields no record at all is
reported as one skip. A reader that fails in a way it did not foresee (a bug, or input
that breaks a library) ends the file with one skip naming the error: no exception
escapes a load.

======================== =========================================================
extension                reader
======================== =========================================================
txt, text, md, markdown  ``text.read_text`` (also PolNeAR texts, see ``polnear``)
json                     ``structured.read_json`` (object, list, {"articles": [...]})
jsonl, ndjson            ``structured.read_jsonl``
csv, tsv                 ``structured.read_csv``
xlsx                     ``structured.read_xlsx``
html, htm, xhtml         ``html.read_html`` (trafilatura + post-processing)
sgm, sgml                ``reuters.read_sgml`` (Reuters-21578)
warc                     ``warc.read_warc`` (each HTML response is an article)
gz                       decompressed, then read as the file inside (``x.sgm.gz``)
zip                      each member read as a file
======================== =========================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from analysis.loading import files
from analysis.loading.formats import html, reuters, structured, text, warc
from analysis.loading.model import LoadOptions, Outcome, Skip, Source, Tally

Reader = Callable[[Source, LoadOptions, Tally], Iterator[Outcome]]

READERS: dict[str, Reader] = {
    "txt": text.read_text, "text": text.read_text, "md": text.read_text,
    "markdown": text.read_text,
    "json": structured.read_json,
    "jsonl": structured.read_jsonl, "ndjson": structured.read_jsonl,
    "csv": structured.read_csv, "tsv": structured.read_csv,
    "xlsx": structured.read_xlsx,
    "html": html.read_html, "htm": html.read_html, "xhtml": html.read_html,
    "sgm": reuters.read_sgml, "sgml": reuters.read_sgml,
    "warc": warc.read_warc,
}


def read(
    source: Source, options: LoadOptions, ignored: list[str], tally: Tally,
    unpacked: files.Unpacked | None = None,
) -> Iterator[tuple[Source, Outcome]]:
    """Every record of one source, archives opened, as ``(source, outcome)`` pairs.

    ``unpacked`` is what the enclosing archive has unpacked so far (None for a file on
    disk: a new archive starts its own count).
    """
    extension = source.extension
    if extension in ("gz", "zip"):
        unpacked = unpacked or files.Unpacked()
        yield from _read_archive(source, options, ignored, tally, unpacked)
        return
    reader = READERS.get(extension)
    if reader is None:
        kind = f"'.{extension}'" if extension else "no extension"
        known = ", ".join(sorted({*READERS, "gz", "zip"}))
        tally.add()
        yield source, Skip(None, f"unknown file type ({kind}); readable types: {known}")
        return
    yield from _read_file(reader, source, options, tally)


def _read_archive(source: Source, options: LoadOptions, ignored: list[str], tally: Tally,
                  unpacked: files.Unpacked) -> Iterator[tuple[Source, Outcome]]:
    """The records of a ``.gz`` or ``.zip`` source; each member that is a skip counts one."""
    if source.extension == "gz":
        inner = files.gunzip(source, options, unpacked)
        members = iter([inner])
    else:
        members = files.unzip(source, options, ignored, unpacked)
    for member in members:
        if isinstance(member, Skip):
            tally.add()
            yield source, member
        else:
            yield from read(member, options, ignored, tally, unpacked)


def _read_file(reader: Reader, source: Source, options: LoadOptions,
               tally: Tally) -> Iterator[tuple[Source, Outcome]]:
    """One reader on one file: its outcomes, its records counted, its failures a skip."""
    own = Tally()
    count = 0
    try:
        for outcome in reader(source, options, own):
            count += 1
            yield source, outcome
    except Exception as error:  # the safety net: no reader error escapes a load
        count += 1
        where = f" after {count - 1} records" if count > 1 else ""
        yield source, Skip(None, f"reader failed{where}: {type(error).__name__}: {error}")
    if source.continues:  # a later part of a file: only its own records count
        tally.add(own.seen)
        return
    if count == 0:
        count = 1
        yield source, Skip(None, "no records found in the file")
    tally.add(max(own.seen, 1))
