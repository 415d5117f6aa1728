"""The report site around the notebook pages: one page per article, the article index,
findings, glossary and rules (``analysis.present.report.build_reports`` writes them)."""
