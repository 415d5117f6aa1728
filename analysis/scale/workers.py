"""Local worker processes that end with their parent (the ``processes`` engine, and the
chunked stream's ``--jobs N``)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor


def end_with_parent() -> None:
    """In a worker process: exit as soon as the parent process is gone.

    A worker waits for work on a queue and would outlive a parent killed with ``kill -9``
    (holding its memory); a daemon thread waits on the parent's sentinel, which the
    operating system signals when the parent dies, and ends the worker.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="end-with-parent").start()


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` fresh ("spawn") worker processes that end with their parent.

    Fresh processes never inherit the threads of the parent (a Dask client, a progress
    bar), as plain ``fork`` would, and behave the same on Linux, macOS and Windows. Each
    imports ``analysis`` once (about a second), then takes chunk after chunk; each exits
    when the parent process dies, even by ``kill -9`` (``end_with_parent``).
    """
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=end_with_parent)
