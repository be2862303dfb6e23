"""Hostile command lines (tests/hostile/cli_errors.yml): each ends with a clear one-line
error and the exit status given, without a traceback or a hang, and the repository is left
exactly as it was (apart from the captures a case expects to be added)."""
import errno
import os
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from wenxian import archive, cli

CASES = yaml.safe_load((Path(__file__).resolve().parent / "hostile" / "cli_errors.yml").read_text("utf-8"))
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def setup(kind: str | None, scratch: Path, root: Path) -> None:
    scratch.mkdir(exist_ok=True)
    if kind == "fifo":
        os.mkfifo(scratch / "x.txt")
    elif kind == "sparse":
        with open(scratch / "x.txt", "wb") as fh:
            fh.truncate(3 * 1024 ** 3)
    elif kind == "link_in_folder":
        (scratch.parent / "secret.txt").write_bytes(SEEDS[2].read_bytes())
        os.symlink(scratch.parent / "secret.txt", scratch / "private.txt")
        (scratch / "good.txt").write_bytes(SEEDS[3].read_bytes())
    elif kind == "articles_not_a_folder":
        articles = root / "docs" / "articles"
        for p in articles.iterdir():
            p.unlink()
        articles.rmdir()
        articles.write_text("not a folder")


@pytest.mark.parametrize("case", CASES, ids=lambda c: " ".join(map(str, c["args"]))[:50] + f" {c.get('setup', '')}")
def test_hostile_command_line_fails_cleanly(case, tmp_path, capsys, monkeypatch):
    root = tmp_path / "repo"
    assert cli.main(["add", str(SEEDS[0]), "--root", str(root)]) == 0
    scratch = tmp_path / "in"
    setup(case.get("setup"), scratch, root)
    before = tree(root)
    monkeypatch.chdir(root)
    args = [a.format(**{"in": scratch, "seed": SEEDS[1], "root": root}) for a in case["args"]]
    capsys.readouterr()
    try:
        status = cli.main(args + (["--root", str(root)] if args[0] in ("add", "check", "fixture") else []))
    except SystemExit as exc:  # argparse's own errors
        status = exc.code
    out, err = capsys.readouterr()
    assert status == case["status"], (out, err)
    assert case["err"] in err and "Traceback" not in err, err
    assert case.get("out", "") in out, out
    added = {p for p in set(tree(root)) - set(before) if p.startswith("docs/articles/")}
    assert len(added) == case.get("added", 0), added
    if not case.get("added"):
        assert tree(root) == before
    assert not (scratch / "out").exists() or not any((scratch / "out").iterdir())


@pytest.mark.parametrize("failing", [".json", ".md"])
def test_a_full_disk_leaves_nothing_behind_and_names_the_folder(failing, tmp_path, capsys, monkeypatch):
    root = tmp_path / "repo"
    assert cli.main(["add", str(SEEDS[0]), "--root", str(root)]) == 0
    before = tree(root)
    real = archive.atomic_write

    def full_disk(path, data):
        if path.suffix == failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data)
    monkeypatch.setattr(archive, "atomic_write", full_disk)
    capsys.readouterr()
    assert cli.main(["add", str(SEEDS[1]), "--root", str(root)]) == 1
    err = capsys.readouterr().err
    folder = "docs/articles" if failing == ".md" else "archive/"
    assert f"wenxian: {folder}" in err and "No space left on device (nothing was added)" in err, err
    assert tree(root) == before


def test_an_extracted_value_check_would_refuse_is_never_written(tmp_path):
    data, art = archive.prepare(SEEDS[1])
    art = art.replace(source="某" * 40002)  # what a hostile capture once yielded
    with pytest.raises(archive.WenxianError) as info:
        archive.render(SEEDS[1], art, {})
    assert "'source' is 40,002 characters long; the limit is 200" in info.value.problem
    assert "(give the value with --source)" in info.value.problem
    raw_rel, _, md = archive.render(SEEDS[1], art, {"source": "某报"})  # the contributor's value wins
    assert "source: 某报" in md.decode("utf-8")
