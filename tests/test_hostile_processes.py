"""Worker processes die with their parent: `kill -9` of the site build's page writer leaves no
worker running (procs.die_with_parent is every pool's initializer). The same for `wenxian add`
is part of tests/test_crash_safety.py."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hostile import processes

WRITER = """
import time
from wenxian.site import pagewriter

def job(chunk):
    time.sleep(600)  # a page writer that would run for ten minutes
    return len(chunk)

pagewriter.run(list(range(2000)), job, workers=2)
"""


def assert_nothing_outlives(script: str, members: int) -> None:
    """Run `script` in its own process group, wait until the group has `members` processes,
    kill -9 the leader: no other member may survive it."""
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True, cwd=Path(__file__).parent.parent)
    try:
        deadline = time.monotonic() + 60
        while len(processes.members(proc.pid)) < members and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(processes.members(proc.pid)) == members
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert processes.survivors(proc.pid) == []
    finally:
        processes.kill_all(proc.pid)
        proc.wait()


def test_build_workers_die_with_the_build():
    assert_nothing_outlives(WRITER, 3)  # the build and its 2 workers


FORKED = """
import os, sys, time
from wenxian import procs
pid = os.fork()
if pid == 0:
    sys.platform = "darwin"  # take the portable path
    procs.die_with_parent()
    time.sleep(600)
    os._exit(0)
time.sleep(600)
"""


def test_die_with_parent_without_prctl_falls_back_to_watching_the_parent():
    """Where prctl is unavailable (not Linux), a thread polls the parent's pid."""
    assert_nothing_outlives(FORKED, 2)
