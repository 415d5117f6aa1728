"""Plain table functions: an article table in, one tidy DataFrame per record type out; and
the one table writer (CSV, Excel, Parquet), safe to open.
"""
