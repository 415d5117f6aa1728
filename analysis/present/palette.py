"""The colours of every view: the Okabe-Ito palette and one colour per label.

The highlighted article (``analysis.present.highlight``), the charts
(``analysis.present.plots``) and the
notebooks take their colours from here, so a label has the same colour everywhere.
"""

from __future__ import annotations

# The Okabe-Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

#: label -> colour, per layer of the highlighted view (and the charts of the same labels).
#: The quote, cue and source labels are those of ``analysis.records``
#: (``tests/test_highlight.py`` checks); a label missing here is drawn grey.
COLOURS: dict[str, dict[str, str]] = {
    "quote": {
        "direct": OKABE_ITO["sky_blue"],
        "partial": OKABE_ITO["yellow"],
        "scare": OKABE_ITO["orange"],
        "title": OKABE_ITO["grey"],
    },
    "cue": {
        "neutral": OKABE_ITO["blue"],
        "distancing": OKABE_ITO["vermillion"],
        "endorsing": OKABE_ITO["bluish_green"],
        "admission": OKABE_ITO["reddish_purple"],
        "refusal": OKABE_ITO["black"],
    },
    "source": {
        "named_person": OKABE_ITO["blue"],
        "anonymous": OKABE_ITO["vermillion"],
        "organisation": OKABE_ITO["bluish_green"],
        "media": OKABE_ITO["reddish_purple"],
        "document": OKABE_ITO["orange"],
        "unknown": OKABE_ITO["grey"],
    },
    "hedge": {
        "epistemic": OKABE_ITO["blue"],
        "belief": OKABE_ITO["reddish_purple"],
        "hearsay": OKABE_ITO["vermillion"],
        "verification": OKABE_ITO["black"],
        "weasel": OKABE_ITO["orange"],
        "conditional": OKABE_ITO["bluish_green"],
        "question": OKABE_ITO["sky_blue"],
        "approximator": OKABE_ITO["grey"],
    },
    "booster": {
        "booster": OKABE_ITO["bluish_green"],
        "negated": OKABE_ITO["grey"],
    },
}
