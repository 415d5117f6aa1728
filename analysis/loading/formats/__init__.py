"""One reader per file format, chosen by file extension; archives are opened first.

``read(source, options, ignored)`` yields ``(source, outcome)`` pairs: the source is the
file (or archive member) the record came from, the outcome an ``Article`` or a ``Skip``.
A file that yields no record at all is reported as one skip, so that for every file
rows + skipped records = records seen.

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
from analysis.loading.model import LoadOptions, Outcome, Skip, Source

Reader = Callable[[Source, LoadOptions], Iterator[Outcome]]

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
    source: Source, options: LoadOptions, ignored: list[str]
) -> Iterator[tuple[Source, Outcome]]:
    """Every record of one source, archives opened, as ``(source, outcome)`` pairs."""
    extension = source.extension
    if extension == "gz":
        inner = files.gunzip(source, options.max_bytes)
        if isinstance(inner, Skip):
            yield source, inner
        else:
            yield from read(inner, options, ignored)
        return
    if extension == "zip":
        for member in files.unzip(source, options.max_bytes, ignored):
            if isinstance(member, Skip):
                yield source, member
            else:
                yield from read(member, options, ignored)
        return
    reader = READERS.get(extension)
    if reader is None:
        kind = f"'.{extension}'" if extension else "no extension"
        known = ", ".join(sorted({*READERS, "gz", "zip"}))
        yield source, Skip(None, f"unknown file type ({kind}); readable types: {known}")
        return
    count = 0
    for outcome in reader(source, options):
        count += 1
        yield source, outcome
    if count == 0:
        yield source, Skip(None, "no records found in the file")
