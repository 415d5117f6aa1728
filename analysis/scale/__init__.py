"""Engines that map the per-article work over a corpus: processes, Dask, chunked and
resumable runs.
"""
