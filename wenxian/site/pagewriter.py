"""Run the writing of many pages on every core.

Filling and writing tens of thousands of shell pages (wenxian.site.shell) is pure Python work
per page, independent between pages, so it is split into chunks handed to forked worker
processes: they inherit the build's catalog and shells without pickling them, write their
pages and return only counts. Where fork is unavailable, or the job is small, it runs in this
process. An error in a worker is raised here, as the same exception.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

from ..procs import die_with_parent

# Below this many items a worker pool costs more than it saves.
MIN_PARALLEL = 400
CHUNK = 250

_job: Callable[[Sequence], int] | None = None


def cores() -> int:
    """Worker processes to use: the `page_workers` setting when set (`WENXIAN_WORKERS`; 1 = in
    this process), else the cores this process may run on."""
    from .state import current_settings

    configured = current_settings().page_workers
    if configured is not None:
        return configured
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        n = os.cpu_count() or 1
    return max(1, min(n, _cgroup_cpus() or n))


def _cgroup_cpus() -> int | None:
    """CPUs a cgroup v2 quota allows (CI containers: 2 CPUs of a 64-core host), else None."""
    try:
        quota, period = open("/sys/fs/cgroup/cpu.max").read().split()[:2]
    except (OSError, ValueError):
        return None
    return None if quota == "max" else max(1, -(-int(quota) // int(period)))


def _run_chunk(chunk: Sequence) -> int:
    return _job(chunk)


def run(items: Sequence, job: Callable[[Sequence], int], workers: int | None = None) -> int:
    """job(chunk) for consecutive chunks of `items`; the sum of what it returns."""
    global _job
    workers = cores() if workers is None else workers
    if workers <= 1 or len(items) < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return job(items)
    size = max(1, min(CHUNK, len(items) // (workers * 4) or 1))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    _job = job
    # Objects that exist now are left out of the workers' garbage collections: a collection
    # writes to every object it scans, which would copy the parent's memory into each worker.
    gc.freeze()
    try:
        # An executor, not multiprocessing.Pool: a worker killed from outside (out of memory)
        # makes it raise BrokenProcessPool, where a Pool would wait forever.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent) as pool:
            return sum(pool.map(_run_chunk, chunks))
    finally:
        gc.unfreeze()
        _job = None
