"""Fixity of archive/: `wenxian check` reports any changed, missing or added byte, each fault
with its exact message."""
import json
import os
import subprocess

import pytest

from conftest import FIXTURES, line_of
from wenxian import archive

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))[:2]


@pytest.fixture
def repo(tmp_path):
    ids = [archive.add(tmp_path, s, {})[0] for s in SEEDS]
    assert archive.check(tmp_path) == []
    return tmp_path, ids


def raw(aid, ext=".txt"):
    return archive.raw_path(aid, ext)


def md(aid):
    return f"docs/articles/{aid}.md"


def test_changed_byte_anywhere_in_a_capture(repo):
    root, (a, _) = repo
    data = (root / raw(a)).read_bytes()
    for pos in (0, len(data) // 2, len(data) - 1):
        changed = bytearray(data)
        changed[pos] ^= 0x20
        (root / raw(a)).write_bytes(bytes(changed))
        assert archive.check(root) == [f"docs/articles/{a}.md:{line_of(root / md(a), 'raw')}: raw file {raw(a)} does not match its sha256 (fixity)"]
    (root / raw(a)).write_bytes(data + b"\n")  # an added byte
    assert archive.check(root) == [f"docs/articles/{a}.md:{line_of(root / md(a), 'raw')}: raw file {raw(a)} does not match its sha256 (fixity)"]


def test_missing_capture_and_sidecar(repo):
    root, (a, b) = repo
    (root / raw(a)).unlink()
    (root / raw(b, ".json")).unlink()
    assert archive.check(root) == [f"docs/articles/{a}.md:{line_of(root / md(a), 'raw')}: raw file {raw(a)} is missing",
                                   f"docs/articles/{b}.md:{line_of(root / md(b), 'raw')}: sidecar {raw(b, '.json')} is missing"]


def test_sidecar_about_another_capture(repo):
    root, (a, b) = repo
    side = json.loads((root / raw(a, ".json")).read_text("utf-8"))
    side["sha256"] = "0" * 64
    (root / raw(a, ".json")).write_text(json.dumps(side), "utf-8")
    (root / raw(b, ".json")).write_text("{not json", "utf-8")
    assert archive.check(root) == [f"docs/articles/{a}.md:{line_of(root / md(a), 'raw')}: sidecar {raw(a, '.json')} does not match the article (id, sha256)",
                                   f"docs/articles/{b}.md:{line_of(root / md(b), 'raw')}: sidecar {raw(b, '.json')} is not valid JSON"]


def test_added_files_links_and_non_articles(repo, tmp_path):
    root, (a, _) = repo
    (root / "archive" / "notes.txt").write_text("x")
    (root / "archive" / a[:2] / f"{a}.html").write_text("<script>x</script>")  # second raw for one id
    (root / "archive" / "00").mkdir()
    os.symlink("/etc/hostname", root / "archive" / "00" / "000000000000.txt")
    (root / "docs" / "articles" / "page.html").write_text("<script>x</script>")
    assert sorted(archive.check(root)) == sorted([
        "archive/notes.txt:1: file in archive/ that no article references (added or left over)",
        f"archive/{a[:2]}/{a}.html:1: file in archive/ that no article references (added or left over)",
        "archive/00/000000000000.txt:1: not a regular file (links and special files are not allowed)",
        "docs/articles/page.html:1: not an article file (docs/articles/ holds only <id>.md)",
    ])


def dead_pid() -> int:
    """The pid of a process that has exited (a killed `add`)."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_leftovers_of_an_interrupted_add_are_warnings_not_problems(repo, tmp_path):
    root, _ = repo
    seed = sorted((FIXTURES / "seeds").glob("*.txt"))[3]
    aid = archive.add(root, seed, {})[0]
    (root / "docs" / "articles" / f"{aid}.md").unlink()  # killed before the article was written
    temp = f"docs/articles/.tmp-{aid}.md.{dead_pid()}.k3x_9abc"  # atomic_write's exact name
    (root / temp).write_text("half")
    assert archive.check(root) == []
    assert archive.leftovers(root) == sorted([raw(aid), raw(aid, ".json"), temp])
    assert archive.add(root, seed, {})[1] == "added"
    assert archive.leftovers(root) == [] and not (root / temp).exists()  # the re-add removed its own leftover


@pytest.mark.parametrize("name", [".tmp-abc123", ".tmp-0123456789ab.txt.1.abcdefgh.bin", ".tmp-x.zip"])
def test_other_temp_named_files_fail_check(repo, name):
    root, (a, _) = repo
    where = root / "archive" / a[:2] / name
    where.write_bytes(b"\x89PNG" + bytes(3000))
    rel = where.relative_to(root).as_posix()
    assert archive.check(root) == [f"{rel}:1: file in archive/ that no article references (added or left over)"]
    assert archive.leftovers(root) == []
