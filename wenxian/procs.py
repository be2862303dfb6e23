"""Worker processes that die with their parent.

A pool worker (extraction in `wenxian add`, page writing in the site build) that outlives a
`kill -9` of its parent keeps a core busy for nothing. `die_with_parent` is every pool's
initializer: on Linux the kernel sends the worker SIGKILL when its parent dies
(prctl PR_SET_PDEATHSIG); elsewhere a daemon thread polls the parent's pid and exits.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
