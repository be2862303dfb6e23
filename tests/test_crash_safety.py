"""SIGKILL in the middle of a large `wenxian add` batch: the archive stays valid (`wenxian check`
passes; temp files and captures without an article are reported as leftovers, never counted as
articles), no worker process outlives the killed `add`, and re-running the same batch
completes it."""
import os
import signal
import subprocess
import sys
import time

from hostile import processes
from hostile.builders import PARAGRAPHS, article_text
from wenxian import archive

N = 300


def test_kill_mid_batch_then_rerun(tmp_path):
    caps = []
    for i in range(N):
        p = tmp_path / "in" / f"{i:04d}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(article_text(f"第{i}号合作社带动群众增收", [f"{par}（第{i}篇）" for par in PARAGRAPHS]) * 40, "utf-8")
        caps.append(str(p))
    root = tmp_path / "repo"
    cmd = [sys.executable, "-m", "wenxian.cli", "add", *caps, "--root", str(root)]
    # Its own session and process group, so that its workers can be found after the kill.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    arts = root / "docs" / "articles"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if arts.is_dir() and len(list(arts.glob("*.md"))) >= 20:
            break
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    left = processes.survivors(proc.pid)
    processes.kill_all(proc.pid)
    assert left == []  # the extraction workers died with `add` (procs.die_with_parent)
    written = len(list(arts.glob("*.md")))
    assert 20 <= written < N, written  # killed in the middle
    check = subprocess.run([sys.executable, "-m", "wenxian.cli", "check", "--root", str(root)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert all(": warning: " in line for line in check.stdout.splitlines())
    assert archive.check(root) == []
    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.count("already in the archive") >= written
    assert len(list(arts.glob("*.md"))) == N and archive.check(root) == []
    assert [p for p in archive.leftovers(root) if ".tmp-" not in p] == []  # every capture has its article now
