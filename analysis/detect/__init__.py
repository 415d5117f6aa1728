"""The detectors: quotes, cues, mentions, coreference, attributions, sources, hedges and
boosters (their records are analysis.records).
"""
