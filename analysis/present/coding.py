"""Hand coding: export a sample of detector records for people to label, and measure
how well coders and the detector agree (Krippendorff's alpha).

The workflow a class or a newsroom can follow::

    sample = analysis.export_for_coding(analysis.attributions(articles), "coding/cues",
                                        articles=articles, n=40, seed=1)
    # coders fill the ``coder_label`` column of coding/cues.xlsx (or .csv)
    coded = pandas.read_excel("coding/cues.xlsx")
    analysis.agreement(coded["coder_label"], sample["detector_label"])

By default the files given to coders do not show the detector's label (``blind=True``):
a coder who sees the machine's answer tends to agree with it. The detector's labels go
to a separate ``<name>_key.csv`` that is joined back on ``item_id``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from analysis.tables.spreadsheets import write_table, write_workbook

# records table -> (span prefix, text column, label column)
TABLE_KINDS = {
    "quote": ("quote", "quote_text", "quote_kind"),
    "cue": ("cue", "cue", "stance"),
    "hedge": ("hedge", "hedge_cue", "category"),
    "booster": ("booster", "booster_cue", "voice"),
}

CODING_COLUMNS = ["item_id", "article_id", "field", "start", "end", "context_before", "span",
                  "context_after", "coder_label", "coder_notes"]


def _kind_of(table: pd.DataFrame) -> tuple[str, str, str]:
    for prefix, text_column, label_column in TABLE_KINDS.values():
        if f"{prefix}_start" in table and label_column in table:
            return prefix, text_column, label_column
    raise ValueError(
        "export_for_coding needs a records table with spans: analysis.quotes, "
        f"attributions, hedges or boosters (columns found: {list(table.columns)})"
    )


def _texts(articles: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    if articles is None:
        return {}
    texts = {}
    for field in ("title", "text"):
        if field in articles:
            for article_id, value in zip(articles["article_id"], articles[field], strict=True):
                if isinstance(value, str):
                    texts[(str(article_id), field)] = value
    return texts


def coding_sample(records: pd.DataFrame, *, n: int = 40, seed: int = 0,
                  articles: pd.DataFrame | None = None, context: int = 120) -> pd.DataFrame:
    """A seeded random sample of ``records`` laid out for hand coding (no files written).

    Columns: ``item_id``, ``article_id``, ``field``, ``start``, ``end``,
    ``context_before``, ``span`` (the words the detector marked), ``context_after``
    (``context`` characters each side, from ``articles``), empty ``coder_label`` and
    ``coder_notes``, then ``detector_label`` and ``rule``.
    """
    prefix, text_column, label_column = _kind_of(records)
    texts = _texts(articles)
    chosen = records.sample(n=min(n, len(records)), random_state=seed) if len(records) else records
    chosen = chosen.sort_values(["article_id", "field", f"{prefix}_start"], kind="stable")
    rows = []
    for number, (_, rec) in enumerate(chosen.iterrows(), start=1):
        start, end = int(rec[f"{prefix}_start"]), int(rec[f"{prefix}_end"])
        text = texts.get((str(rec["article_id"]), str(rec.get("field", "text"))))
        span = text[start:end] if text is not None else str(rec[text_column])
        rows.append({
            "item_id": f"{prefix}-{number:04d}", "article_id": rec["article_id"],
            "field": rec.get("field", "text"), "start": start, "end": end,
            "context_before": text[max(0, start - context):start] if text else "",
            "span": span,
            "context_after": text[end:end + context] if text else "",
            "coder_label": "", "coder_notes": "",
            "detector_label": rec[label_column], "rule": rec.get("rule", ""),
        })
    return pd.DataFrame(rows, columns=[*CODING_COLUMNS, "detector_label", "rule"])


def export_for_coding(records_table: pd.DataFrame, path: str | Path, *, n: int = 40,
                      seed: int = 0, articles: pd.DataFrame | None = None,
                      context: int = 120, blind: bool = True) -> pd.DataFrame:
    """Write a seeded sample of records for hand coding as ``<path>.csv`` and ``.xlsx``.

    The files are safe to open in a spreadsheet (``analysis.tables.spreadsheets``): text cells
    that start like a formula get a leading ``'``, Excel cells are strings, control
    characters are replaced, and the CSV has a UTF-8 byte-order mark.

    ``records_table`` is ``analysis.quotes``, ``attributions``, ``hedges`` or ``boosters``;
    pass ``articles`` to include the surrounding text. With ``blind=True`` the coder files
    leave out the detector's label and rule, which go to ``<path>_key.csv``. Returns the
    full sample (with ``detector_label``); ``.attrs["files"]`` lists the files written.
    """
    sample = coding_sample(records_table, n=n, seed=seed, articles=articles, context=context)
    base = Path(path)
    if base.suffix.lower() in (".csv", ".xlsx"):
        base = base.with_suffix("")
    base.parent.mkdir(parents=True, exist_ok=True)
    sheet = sample[CODING_COLUMNS] if blind else sample
    files = [base.with_suffix(".csv"), base.with_suffix(".xlsx")]
    write_table(sheet, files[0])
    write_workbook({"coding": sheet}, files[1])
    if blind:
        key = base.with_name(base.name + "_key.csv")
        write_table(sample[["item_id", "detector_label", "rule"]], key)
        files.append(key)
    sample.attrs["files"] = [str(f) for f in files]
    return sample


def _codes(labels: Sequence[object], vocabulary: dict[str, int]) -> list[float]:
    codes = []
    for label in labels:
        if label is None or (not isinstance(label, str) and pd.isna(label)) or (
            isinstance(label, str) and not label.strip()
        ):
            codes.append(np.nan)
        else:
            codes.append(float(vocabulary.setdefault(str(label).strip(), len(vocabulary))))
    return codes


def agreement(coder_labels: Sequence[object] | pd.Series,
              detector_labels: Sequence[object] | pd.Series, *,
              level: str = "nominal") -> float:
    """Krippendorff's alpha between a coder's labels and the detector's, item by item.

    Both sequences are aligned by position (or by index, when both are Series). Blank or
    missing labels count as missing, not as a category. 1.0 is perfect agreement, 0.0 is
    what chance would give, negative is systematic disagreement; NaN when there are no
    items both labelled or only one label value in the whole data.

    >>> agreement(["a", "b", "a", "b"], ["a", "b", "a", "b"])
    1.0
    """
    if isinstance(coder_labels, pd.Series) and isinstance(detector_labels, pd.Series):
        coder_labels, detector_labels = coder_labels.align(detector_labels, join="inner")
    coder, detector = list(coder_labels), list(detector_labels)
    if len(coder) != len(detector):
        raise ValueError(f"{len(coder)} coder labels but {len(detector)} detector labels")
    vocabulary: dict[str, int] = {}
    data = np.array([_codes(coder, vocabulary), _codes(detector, vocabulary)], dtype=float)
    paired = ~np.isnan(data).any(axis=0)
    if paired.sum() == 0 or len(vocabulary) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def percent_agreement(coder_labels: Sequence[object], detector_labels: Sequence[object]) -> float:
    """Share of items both labelled where the two labels are the same (ignores chance)."""
    pairs = [(str(a).strip(), str(b).strip()) for a, b in zip(coder_labels, detector_labels,
                                                              strict=True)
             if not pd.isna(a) and not pd.isna(b) and str(a).strip() and str(b).strip()]
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else float("nan")


def agreement_summary(coder_labels: Sequence[object], detector_labels: Sequence[object]
                      ) -> str:
    """One sentence on coder-detector agreement that is true whatever the data: the
    number of items, percent agreement and alpha rounded, what alpha's size means by the
    common rule of thumb, or why alpha is not defined (never a bare ``nan``).

    >>> agreement_summary(["a", "b", "a"], ["a", "b", "b"])[:40]
    '3 items coded: percent agreement 0.67, K'
    """
    coder, detector = list(coder_labels), list(detector_labels)
    pairs = [(a, b) for a, b in zip(coder, detector, strict=True)
             if not pd.isna(a) and not pd.isna(b) and str(a).strip() and str(b).strip()]
    if not pairs:
        return "No item has both a coder's and the detector's label: nothing to compare."
    percent = percent_agreement(coder, detector)
    alpha = agreement(coder, detector)
    head = f"{len(pairs)} item{'s' if len(pairs) != 1 else ''} coded: percent agreement " \
           f"{percent:.2f}"
    if np.isnan(alpha):
        return (f"{head}. Krippendorff's alpha is not defined here: every label in the data "
                "is the same value, so agreement cannot be told from chance.")
    if alpha >= 0.8:
        meaning = "high enough to rely on the labels (0.8 or more)"
    elif alpha >= 0.667:
        meaning = "enough for tentative conclusions only (0.667 to 0.8)"
    else:
        meaning = "too low to rely on the detector's labels (below 0.667)"
    return f"{head}, Krippendorff's alpha {alpha:.2f}: {meaning}."
