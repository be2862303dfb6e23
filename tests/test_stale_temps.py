"""Temporary files of a killed earlier `add` are removed when the same file is written again, and
an `add` lists each folder once for them (wenxian.archive.StaleTemps), not once per article."""
import os
import subprocess
import sys

from wenxian import archive


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_leftovers_of_a_dead_writer_go_and_live_ones_stay(tmp_path):
    folder = tmp_path / "docs" / "articles"
    folder.mkdir(parents=True)
    target = folder / "abcdef012345.md"
    dead = folder / f".tmp-{target.name}.{_dead_pid()}.abcd1234"
    live = folder / f".tmp-{target.name}.{os.getpid()}.efgh5678"
    other = folder / f".tmp-other.md.{_dead_pid()}.ijkl9012"
    for p in (dead, live, other):
        p.write_bytes(b"x")
    temps = archive.StaleTemps()
    assert archive.remove_stale_temps(target, temps) == [dead]
    assert not dead.exists() and live.exists() and other.exists()
    assert archive.remove_stale_temps(folder / "other.md", temps) == [other]
    assert archive.remove_stale_temps(folder / "other.md") == []  # listed again: nothing left


def test_one_listing_per_folder_for_a_whole_add(tmp_path, monkeypatch):
    folder = tmp_path / "d"
    folder.mkdir()
    calls = []
    real = os.scandir
    monkeypatch.setattr(archive.os, "scandir", lambda p: calls.append(p) or real(p))
    temps = archive.StaleTemps()
    for n in range(50):
        archive.remove_stale_temps(folder / f"{n:012d}.md", temps)
    assert calls == [folder]
