"""Closed-class words and the word pattern, each defined once for every detector.

All sets hold lower-case words (compare with ``word.lower()``); ``NAME_TITLES`` is
written as the titles appear before a name.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string (easier to read than a set literal)."""
    return frozenset(text.split())


#: A word: letters or digits, with inner apostrophes, hyphens, periods or commas
#: ("don't", "self-organised", "U.S", "2,900"). ``analysis.count_words`` counts these.
WORD_PATTERN = re.compile(r"\w+(?:[’'.,\-]\w+)*")

WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = word_set(
    "january february march april may june july august september october november december"
)
#: Cardinal numbers written as words, one to ten.
NUMBER_WORDS = word_set("one two three four five six seven eight nine ten")

#: Titles and honorifics that stand before a person's name, as mentions are read
#: (``analysis.detect.mentions``): "Mr Peskov", "Sen. Warren", "President Putin".
HONORIFICS = word_set("mr mr. mrs mrs. ms ms. dr dr. sen. sen rep. rep gov. gov prof. prof sir "
                      "lord lady dame president senator governor mayor judge gen. gen rev. rev")
#: Courtesy titles: a person, never an office ("Ms Lund", "Sir Keir").
COURTESY_TITLES = word_set("mr mrs ms miss dr sir lord lady dame")
#: Abbreviated titles that stand before a name and never end a sentence (the sentence
#: splitter, ``analysis.nlp.text``): "Mr. Tribe", "Gov. Brown".
NAME_TITLES = (
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gov", "Sen", "Rep", "Sgt", "Gen", "Lt",
    "Col", "Capt", "Cmdr", "Adm", "Maj", "Cpl", "Pvt", "Rev", "Hon", "Atty", "Supt",
    "Insp", "Det", "Pres",
)
