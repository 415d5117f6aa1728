"""PolNeAR gold attributions as a tidy DataFrame (one row per attribution).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) ships each article as ``text/<stem>.txt``
and its annotations as brat standoff files ``attributions/<stem>_<annotator>.ann``.
A brat line is either a text-bound annotation::

    T3<TAB>Content 115 290;300 310<TAB>the covered text

(a label, then one or more ``start end`` pieces separated by ``;``) or an event that
ties them together::

    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1

Some articles were annotated by several people; we keep ONE annotator per text, the
first ``.ann`` file in sorted order. ``Discuss`` and ``Discard`` annotations are not
attributions and are dropped. Offsets are character offsets into the raw ``.txt``
(headline included), read as UTF-8 with newlines kept as they are.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.loading.table import article_id

Span = tuple[int, int]

SPLITS = ("train", "dev", "test", "annotator-training")
COLUMNS = {
    "article_id": "string", "file": "string", "article": "string", "split": "string",
    "annotator": "string",
    "attribution_id": "string", "label": "string",
    "cue_start": "Int64", "cue_end": "Int64", "cue_text": "string", "cue_spans": "object",
    "source_start": "Int64", "source_end": "Int64", "source_text": "string",
    "source_spans": "object",
    "content_start": "Int64", "content_end": "Int64", "content_text": "string",
    "content_spans": "object",
}


def _data_dir(root: str | Path) -> Path:
    """Accept the corpora folder, the ``polnear`` folder or its ``data`` folder."""
    root = Path(root)
    for candidate in (root / "polnear" / "data", root / "data", root):
        if (candidate / "metadata.tsv").is_file() or (candidate / "train").is_dir():
            return candidate
    raise FileNotFoundError(f"no PolNeAR data folder under {root}")


def _parse_spans(field: str) -> tuple[Span, ...]:
    """``"10 20;30 40"`` -> ``((10, 20), (30, 40))``."""
    pieces = []
    for piece in field.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def parse_ann(ann_text: str) -> list[dict]:
    """The attributions of one brat ``.ann`` file, with their pieces as spans.

    Returns one dict per ``E`` line: ``attribution_id``, ``label`` and, for each role
    (``cue``, ``source``, ``content``), the tuple of spans that fill it (empty when the
    role is missing). ``Content2`` pieces join ``content``.
    """
    bound: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[str, str]] = []
    for line in ann_text.splitlines():
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0]:
            continue
        ident = cells[0]
        if ident.startswith("T"):
            label, _, offsets = cells[1].partition(" ")
            try:
                bound[ident] = (label, _parse_spans(offsets))
            except ValueError:
                continue
        elif ident.startswith("E"):
            events.append((ident, cells[1]))
    rows = []
    for ident, body in events:
        arguments = [arg.split(":", 1) for arg in body.split() if ":" in arg]
        if not arguments:
            continue
        label = arguments[0][0]
        if label not in ("Attribution", "Attribution-no-source"):
            continue
        row: dict = {"attribution_id": ident, "label": label,
                     "cue": (), "source": (), "content": ()}
        for role, target in arguments[1:]:
            key = role.rstrip("0123456789").lower()
            if key in ("cue", "source", "content") and target in bound:
                row[key] = tuple(sorted(row[key] + bound[target][1]))
        rows.append(row)
    return rows


def _annotation_files(folder: Path) -> dict[str, Path]:
    """Map each article stem to its first ``.ann`` file in sorted order."""
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, path)
    return chosen


def _role_columns(name: str, spans: tuple[Span, ...], text: str) -> dict:
    if not spans:
        return {f"{name}_start": pd.NA, f"{name}_end": pd.NA, f"{name}_text": pd.NA,
                f"{name}_spans": ()}
    return {
        f"{name}_start": spans[0][0],
        f"{name}_end": spans[-1][1],
        f"{name}_text": " ".join(text[s:e] for s, e in spans),
        f"{name}_spans": spans,
    }


def polnear_gold(root: str | Path, split: str) -> pd.DataFrame:
    """PolNeAR gold attributions of ``split`` as character spans into the raw ``.txt``.

    ``root`` is the shared corpora folder (or ``polnear`` or ``polnear/data``); ``split``
    is ``"train"``, ``"dev"``, ``"test"`` or ``"annotator-training"``. One row per
    attribution; ``*_spans`` hold every piece (relations can be discontinuous),
    ``*_start`` / ``*_end`` the overall extent, ``*_text`` the pieces joined by a space.
    ``source_*`` is missing for ``Attribution-no-source``. ``article_id`` equals the id
    ``load_articles`` gives the text when it loads PolNeAR's ``data`` folder.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    folder = _data_dir(root) / split
    rows = []
    for stem, ann_path in sorted(_annotation_files(folder / "attributions").items()):
        text_path = folder / "text" / f"{stem}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        annotator = ann_path.stem.rsplit("_", 1)[1] if "_" in ann_path.stem else ""
        for relation in parse_ann(ann_path.read_text(encoding="utf-8")):
            row = {"article_id": article_id(f"{split}/text/{text_path.name}"),
                   "file": text_path.name, "article": stem, "split": split, "annotator": annotator,
                   "attribution_id": relation["attribution_id"], "label": relation["label"]}
            for name in ("cue", "source", "content"):
                row.update(_role_columns(name, relation[name], text))
            rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype(COLUMNS)


def polnear_texts(root: str | Path, split: str) -> dict[str, str]:
    """The raw texts of ``split``, keyed by article stem."""
    folder = _data_dir(root) / split / "text"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
