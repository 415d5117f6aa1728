"""Shallow syntax: the part of speech of a word, from Pattern's English lexicon.

TextBlob bundles Pattern's English tagger (``textblob/en/en-lexicon.txt``: about 94,000
words, each with its most frequent Penn Treebank tag, from the Brown and WSJ corpora). We
read that lexicon as data and look words up over the product's own tokens, only where a
rule asks (a cue candidate, a mention), so no sentence is tokenised twice and nothing is
downloaded. Pattern's Brill context rules are not applied: measured here they run at
about 21,000 tokens a second (30 times slower than the look-up) and still tag
"Kadyrov claims his men" as adjective + plural noun. The contextual decisions the
attribution rules need ("claims" as a verb or a noun) are the small named rules in
``analysis.detect.attribution``, which read these tags.

>>> lexicon_tag("claims"), lexicon_tag("said"), lexicon_tag("Ramzan")
('NNS', 'VBD', None)
>>> is_common_word("time"), is_common_word("tesco")
(True, False)
"""

from __future__ import annotations

from functools import cache

#: Penn tags of finite verbs and modals ("were", "has", "will").
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@cache
def _lexicon() -> dict[str, str]:
    """``{word: tag}`` from TextBlob's copy of Pattern's English lexicon (BSD licence)."""
    from textblob.en import lexicon  # the lexicon file is read on first use only

    return dict(lexicon.items())


def lexicon_tag(word: str) -> str | None:
    """The most frequent Penn tag of ``word`` (as written, else lower-cased), or ``None``."""
    table = _lexicon()
    return table.get(word) or table.get(word.lower())


#: Pattern's default for words its lexicon lacks, by suffix (``textblob._text._suffix_rules``
#: applies the same idea): later entries win, as there.
_SUFFIX_TAGS = (("ing", "VBG"), ("ly", "RB"), ("s", "NNS"), ("ed", "VBD"))


def guess_tag(word: str, *, opens_sentence: bool = False) -> str:
    """The tag of ``word`` in running text: a capitalised word inside a sentence is a
    name (NNP); otherwise the lexicon's tag, else a guess from the suffix, else NN.

    >>> guess_tag("blogged"), guess_tag("Ramzan"), guess_tag("The", opens_sentence=True)
    ('VBD', 'NNP', 'DT')
    """
    if word[:1].isupper() and not opens_sentence:
        return "NNP"
    tag = lexicon_tag(word)
    if tag is not None:
        return tag
    if word[:1].isupper():
        return "NNP"
    lower = word.lower()
    guess = "NN"
    for suffix, suffix_tag in _SUFFIX_TAGS:
        if lower.endswith(suffix) and not lower.endswith("ss"):
            guess = suffix_tag
    return guess


def is_common_word(word: str) -> bool:
    """Whether the lower-cased ``word`` is an ordinary English word (not only a name)."""
    tag = _lexicon().get(word.lower())
    return tag is not None and not tag.startswith("NNP")
