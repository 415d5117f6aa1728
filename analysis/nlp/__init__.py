"""Text processing shared by the detectors: words, sentences, parts of speech, name and
place lists, lexicons.
"""
