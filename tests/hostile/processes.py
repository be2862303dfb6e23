"""Processes of a process group, read from /proc (no ps needed): a test starts a command in a
new session (its own group), kills the leader and checks that no member outlives it."""
from __future__ import annotations

import os
import time
from pathlib import Path


def members(group: int) -> list[int]:
    """Live (not zombie) processes whose process group is `group`."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, pgrp = fields[0], int(fields[2])
        if pgrp == group and state not in ("Z", "X"):
            out.append(int(entry))
    return out


def survivors(group: int, wait: float = 10.0) -> list[int]:
    """Members of `group` still alive after up to `wait` seconds (they should die at once)."""
    deadline = time.monotonic() + wait
    while True:
        alive = members(group)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def kill_all(group: int) -> None:
    """Clean up after a failed assertion, so the suite leaves nothing running."""
    import signal

    for pid in members(group):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
