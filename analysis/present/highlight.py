"""The highlighted article view: every record the detectors found, marked in the text.

``analysis.highlight(text_or_article_row)`` returns a ``Highlight`` that renders itself in
JupyterLab and in exported HTML (``_repr_html_``). Five layers are marked:

=========  ==============================  ===============================================
layer      what                            how it looks (colour is never the only cue)
=========  ==============================  ===============================================
quote      quotes, by ``kind``             tinted background, a dotted outline, a tag
cue        attribution cues, by stance     bold, solid underline, a tag
source     source mentions, by type        a box (solid / dashed by type), a tag
hedge      hedges, by category             wavy underline, a tag
booster    boosters                        double underline, a tag
=========  ==============================  ===============================================

Every mark ends with a small text tag ("direct", "distancing", "anonymous", ...), so the
view reads in greyscale and on a screen reader, and carries a hover title with the
record's layer, label and the ``rule`` that produced it. Colours come from the Okabe-Ito
palette, which stays distinguishable for the common forms of colour blindness.

All article text goes through ``html.escape``: markup inside an article is shown as
text, never run. Overlapping marks are nested properly: ``nest_marks`` splits a mark
that crosses the boundary of another, so the HTML is always well formed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from analysis.detect.document import Document, analyse
from analysis.loading.language import is_english
from analysis.present.palette import COLOURS
from analysis.records import QUOTE_KINDS, SOURCE_TYPES, STANCES

LAYERS = ("quote", "cue", "source", "hedge", "booster")

#: What each label means, where the records define it (the legend's hover text).
MEANINGS: dict[str, Mapping[str, str]] = {"quote": QUOTE_KINDS, "cue": STANCES,
                                         "source": SOURCE_TYPES}

LAYER_NAMES = {
    "quote": "Quotes (by kind)",
    "cue": "Attribution cues (by stance)",
    "source": "Source mentions (by type)",
    "hedge": "Hedges (by category)",
    "booster": "Boosters (certainty markers)",
}

# Short tags shown after each mark (the non-colour cue).
TAGS = {
    "named_person": "named",
    "organisation": "org",
    "approximator": "approx",
    "verification": "verify",
    "conditional": "cond",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``layer`` (see ``LAYERS``), ``label`` and a hover ``title``."""

    start: int
    end: int
    layer: str
    label: str
    title: str

    @property
    def css_class(self) -> str:
        """Class names: ``hl hl-<layer> hl-<layer>-<label>``."""
        return f"hl hl-{self.layer} hl-{self.layer}-{_slug(self.label)}"


def _slug(label: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in str(label).lower()) or "none"


def _tag(mark: Mark) -> str:
    return TAGS.get(mark.label, mark.label)


# ---------------------------------------------------------------------------
# Records -> marks
# ---------------------------------------------------------------------------


def _title(*parts: tuple[str, object]) -> str:
    return " · ".join(f"{name}: {value}" for name, value in parts if value not in (None, ""))


def marks_of(doc: str | Document) -> list[Mark]:
    """The marks of every record the detectors find in ``doc``, in text order."""
    doc = analyse(doc)
    marks: list[Mark] = []
    for q in doc.quotes:
        marks.append(Mark(q.span[0], q.span[1], "quote", q.kind, _title(
            ("quote", q.kind), ("speaker", q.speaker), ("rule", q.rule))))
    for a in doc.attributions:
        marks.append(Mark(a.cue_span[0], a.cue_span[1], "cue", a.stance, _title(
            ("cue", a.stance), ("source", a.source), ("kind", a.kind), ("rule", a.rule))))
        if a.source_span is not None:
            marks.append(Mark(a.source_span[0], a.source_span[1], "source", a.source_type,
                              _title(("source", a.source_type), ("name", a.source),
                                     ("role", a.role), ("rule", a.rule))))
    for h in doc.hedges:
        marks.append(Mark(h.span[0], h.span[1], "hedge", h.category, _title(
            ("hedge", h.category), ("voice", h.voice), ("rule", h.rule))))
    for b in doc.boosters:
        label = "negated" if b.negated else "booster"
        marks.append(Mark(b.span[0], b.span[1], "booster", label, _title(
            ("booster", label), ("voice", b.voice), ("rule", b.rule))))
    # The same source mention may back several attributions: mark it once.
    unique = list(dict.fromkeys(marks))
    return sorted(unique, key=lambda m: (m.start, -m.end, LAYERS.index(m.layer)))


# ---------------------------------------------------------------------------
# Overlapping spans -> properly nested pieces
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """One event of the nested rendering: open a mark, a run of text, or close a mark.

    ``kind`` is ``"open"``, ``"text"`` or ``"close"``. For ``"text"``, ``start``/``end``
    is the run; for ``"close"``, ``last`` says whether the mark ends here for good (its
    tag is shown) or is only interrupted by another mark's boundary (it reopens).
    """

    kind: str
    start: int
    end: int
    mark: Mark | None = None
    last: bool = False


def nest_marks(marks: Iterable[Mark], length: int) -> list[Piece]:
    """Turn possibly overlapping ``marks`` over a text of ``length`` into nested pieces.

    Marks are clipped to ``[0, length]``; empty marks are dropped. At each boundary the
    marks that end are closed; a mark that must close while others opened after it are
    still open forces those to close and reopen (they are split), so every open has a
    matching close in last-in-first-out order. Marks that start together open longest
    first, so a quote containing a cue contains it rather than being split by it.
    """
    clean = sorted(
        {Mark(max(0, m.start), min(length, m.end), m.layer, m.label, m.title)
         for m in marks if min(length, m.end) > max(0, m.start)},
        key=lambda m: (m.start, -m.end, LAYERS.index(m.layer) if m.layer in LAYERS else 99,
                       m.label, m.title),
    )
    boundaries = sorted({0, length, *(m.start for m in clean), *(m.end for m in clean)})
    starting: dict[int, list[Mark]] = {}
    for m in clean:
        starting.setdefault(m.start, []).append(m)
    pieces: list[Piece] = []
    stack: list[Mark] = []
    for i, pos in enumerate(boundaries):
        # Close the marks that end here, splitting any opened inside them.
        if any(m.end == pos for m in stack):
            deepest = min(k for k, m in enumerate(stack) if m.end == pos)
            popped = []
            while len(stack) > deepest:
                m = stack.pop()
                pieces.append(Piece("close", pos, pos, m, last=m.end == pos))
                popped.append(m)
            reopen = [m for m in reversed(popped) if m.end > pos]
        else:
            reopen = []
        # Reopen the interrupted marks and open the new ones, outermost (longest) first.
        opening = sorted(reopen + starting.get(pos, []),
                         key=lambda m: (-m.end, m.start, LAYERS.index(m.layer)
                                        if m.layer in LAYERS else 99, m.label, m.title))
        for m in opening:
            pieces.append(Piece("open", pos, pos, m))
            stack.append(m)
        if i + 1 < len(boundaries) and boundaries[i + 1] > pos:
            pieces.append(Piece("text", pos, boundaries[i + 1]))
    while stack:  # only when a mark ends at ``length``; closed above, kept for safety
        m = stack.pop()
        pieces.append(Piece("close", length, length, m, last=True))
    return pieces


def render_marked(text: str, marks: Iterable[Mark], *, tags: bool = True) -> str:
    """``text`` as escaped HTML with ``marks`` as nested ``<span>`` elements."""
    out: list[str] = []
    for piece in nest_marks(marks, len(text)):
        if piece.kind == "text":
            out.append(html.escape(text[piece.start:piece.end]))
        elif piece.kind == "open":
            m = piece.mark
            out.append(f'<span class="{m.css_class}" title="{html.escape(m.title)}">')
        else:
            m = piece.mark
            if tags and piece.last:
                out.append(f'<sup class="hl-tag">{html.escape(_tag(m))}</sup>')
            out.append("</span>")
    return "".join(out)


# ---------------------------------------------------------------------------
# The view
# ---------------------------------------------------------------------------


def _css() -> str:
    rules = [
        ".hl-view{font-family:Georgia,'Times New Roman',serif;line-height:1.9;"
        "max-width:48em;color:#111}",
        ".hl-view .hl-head{font-size:1.25em;font-weight:bold;margin:.2em 0 .6em 0;"
        "white-space:pre-wrap}",
        ".hl-view .hl-meta{font-family:sans-serif;font-size:.8em;color:#444;margin-bottom:.6em}",
        ".hl-view .hl-body{white-space:pre-wrap}",
        ".hl-view .hl-tag{font-family:sans-serif;font-size:.62em;color:#333;"
        "margin-left:1px;font-style:normal;font-weight:normal;letter-spacing:0}",
        ".hl-view .hl{border-radius:2px}",
        ".hl-view .hl-quote{outline:1px dotted #555;outline-offset:0}",
        ".hl-view .hl-cue{font-weight:bold;text-decoration-line:underline;"
        "text-decoration-style:solid;text-decoration-thickness:2px}",
        ".hl-view .hl-source{border:1.5px solid;padding:0 1px}",
        ".hl-view .hl-source-anonymous,.hl-view .hl-source-unknown{border-style:dashed}",
        ".hl-view .hl-source-organisation,.hl-view .hl-source-media{border-style:double;"
        "border-width:3px}",
        ".hl-view .hl-source-document{border-style:dotted;border-width:2px}",
        ".hl-view .hl-hedge{text-decoration-line:underline;text-decoration-style:wavy;"
        "text-decoration-thickness:1.5px;text-underline-offset:3px}",
        ".hl-view .hl-booster{text-decoration-line:underline;text-decoration-style:double;"
        "text-underline-offset:3px}",
        ".hl-view .hl-legend{font-family:sans-serif;font-size:.8em;line-height:2.1;"
        "border:1px solid #ccc;padding:.4em .7em;margin-bottom:1em;background:#fafafa}",
        ".hl-view .hl-legend b{display:inline-block;min-width:15em}",
        ".hl-view .hl-note{font-family:sans-serif;font-size:.8em;color:#444}",
    ]
    for layer, colours in COLOURS.items():
        for label, colour in colours.items():
            sel = f".hl-view .hl-{layer}-{_slug(label)}"
            if layer == "quote":
                rules.append(f"{sel}{{background:{colour}40}}")
            elif layer == "source":
                rules.append(f"{sel}{{border-color:{colour}}}")
            else:
                rules.append(f"{sel}{{text-decoration-color:{colour}}}")
    return "\n".join(rules)


CSS = _css()


def _legend_title(layer: str, label: str) -> str:
    meaning = MEANINGS.get(layer, {}).get(label)
    return f"{layer}: {label}" + (f": {meaning}" if meaning else "")


def legend_html(layers: Iterable[str] = LAYERS) -> str:
    """A legend: one line per layer, one example mark per label."""
    lines = []
    for layer in layers:
        samples = " ".join(
            render_marked(label, [Mark(0, len(label), layer, label, _legend_title(layer, label))],
                          tags=False)
            for label in COLOURS[layer]
        )
        lines.append(f"<div><b>{html.escape(LAYER_NAMES[layer])}</b> {samples}</div>")
    return '<div class="hl-legend">' + "".join(lines) + "</div>"


def _field(row: object, name: str) -> object:
    if isinstance(row, Mapping):
        return row.get(name)
    getter = getattr(row, "get", None)
    return getter(name) if getter is not None else None


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


class Highlight:
    """A highlighted article: ``html`` is the full view, ``marks`` the body's marks."""

    def __init__(self, text: str, *, title: str | None = None,
                 meta: Mapping[str, object] | None = None, legend: bool = True,
                 note: str | None = None) -> None:
        self.text = text
        self.title = title
        self.meta = dict(meta or {})
        self.legend = legend
        self.note = note  # set when the text is shown without analysis
        self.marks = marks_of(text) if note is None else []
        self.title_marks = marks_of(title) if title and note is None else []

    def counts(self) -> dict[str, int]:
        """How many marks of each layer (body and headline together)."""
        counts = dict.fromkeys(LAYERS, 0)
        for m in [*self.marks, *self.title_marks]:
            counts[m.layer] += 1
        return counts

    @property
    def html(self) -> str:
        """The view as an HTML fragment: a ``<style>`` block, legend, headline, body."""
        parts = [f'<div class="hl-view"><style>{CSS}</style>']
        if self.legend:
            parts.append(legend_html())
        if self.meta:
            meta = " · ".join(f"{html.escape(str(k))}: {html.escape(str(v))}"
                              for k, v in self.meta.items() if v not in (None, ""))
            parts.append(f'<div class="hl-meta">{meta}</div>')
        if self.title:
            parts.append(f'<div class="hl-head">{render_marked(self.title, self.title_marks)}'
                         "</div>")
        parts.append(f'<div class="hl-body">{render_marked(self.text, self.marks)}</div>')
        if self.note is not None:
            parts.append(f'<p class="hl-note">{html.escape(self.note)}</p>')
        elif not self.marks and not self.title_marks:
            parts.append('<p class="hl-note">No quotes, attributions, hedges or boosters '
                         "were found in this text.</p>")
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.counts().items())
        return f"Highlight({len(self.text)} characters; {counts})"


def highlight(text_or_article_row: object, *, legend: bool = True) -> Highlight:
    """The highlighted view of a text, a ``Document``, or an article row.

    An article row (a ``pandas.Series`` or a dict with ``text`` and optionally ``title``,
    ``outlet``, ``published``, ``article_id``) shows its headline, analysed as well, above
    the body. Display the result in a notebook, or take ``.html``.

    >>> view = highlight('"We won," she said.')
    >>> "hl-view" in view.html
    True
    """
    if isinstance(text_or_article_row, Document):
        return Highlight(text_or_article_row.text, legend=legend)
    if isinstance(text_or_article_row, str):
        return Highlight(text_or_article_row, legend=legend)
    text = _field(text_or_article_row, "text")
    if not isinstance(text, str):
        raise TypeError("highlight() takes a text, a Document or an article row with 'text'")
    title = _field(text_or_article_row, "title")
    meta = {}
    for name in ("article_id", "outlet", "published", "language"):
        value = _field(text_or_article_row, name)
        if value is not None and str(value) not in ("", "NaT", "<NA>", "nan"):
            meta[name] = value
    language = _field(text_or_article_row, "language")
    note = None
    if not is_english(language):
        note = (f"Not analysed: language {language!r}; the detectors are English-only. "
                "The text is shown without marks.")
    return Highlight(text, title=title if _is_text(title) else None, meta=meta, legend=legend,
                     note=note)
