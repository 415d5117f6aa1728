"""Scoring the detectors against gold: the code behind ``benchmarks/`` and notebook 07.

One module per gold set, plus the matching helpers they share:

- ``matching``: span overlap, one-to-one pairing of gold and predicted spans, and ``PRF``
  (precision, recall and F1 from counts).
- ``shipped_gold``: the hand-labelled gold of the shipped articles (``data/gold/``).
- ``polnear``: attributions on PolNeAR (the gold reader is ``polnear_gold``).
- ``szeged``: hedges on the Szeged Uncertainty Corpus (the reader is ``szeged_gold``).
- ``html_extraction``: the HTML path of ``load_articles`` on the Zyte benchmark.
- ``polnear_gold``, ``szeged_gold``: the readers of the PolNeAR and Szeged gold.
- ``scoring``: the same scores as DataFrames for notebook 07.
- ``gate``: the quality gate's figures per benchmark and the hash of the gold each
  scores (``tests/eval_baseline.json`` pins their floors).

The scripts in ``benchmarks/`` print these scores as tables; ``scoring`` turns
them into DataFrames for notebook 07. Both import from here, so they cannot disagree.
"""
