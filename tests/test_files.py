"""wenxian.files: atomic writes get the mode open() gives; a built site is made readable by all."""
import os
import stat
from pathlib import Path

import pytest

from wenxian import files


@pytest.fixture
def mask():
    """Set the process umask for one test (and forget the cached value before and after)."""
    old = os.umask(0o022)
    os.umask(old)

    def set_mask(m):
        os.umask(m)
        files._UMASK = None
    yield set_mask
    os.umask(old)
    files._UMASK = None


@pytest.mark.parametrize("m", [0o022, 0o077, 0o002, 0o027])
def test_atomic_write_gets_the_mode_open_gives(m, mask, tmp_path):
    mask(m)
    assert files.umask() == m
    files.atomic_write(tmp_path / "a" / "x.txt", "文献")
    with open(tmp_path / "plain.txt", "w") as fh:
        fh.write("x")
    got = stat.S_IMODE((tmp_path / "a" / "x.txt").stat().st_mode)
    assert got == stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode) == 0o666 & ~m
    assert (tmp_path / "a" / "x.txt").read_text("utf-8") == "文献"
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["x.txt"]  # no temporary file left


def test_atomic_write_replaces_and_cleans_up_on_error(mask, tmp_path):
    mask(0o022)
    path = tmp_path / "f.bin"
    files.atomic_write(path, b"one")
    files.atomic_write(path, b"two")
    assert path.read_bytes() == b"two"
    with pytest.raises(TypeError):
        files.atomic_write(path, 3)  # not bytes: nothing written, no temporary file left
    assert path.read_bytes() == b"two" and sorted(p.name for p in tmp_path.iterdir()) == ["f.bin"]


def test_make_readable_widens_only_what_is_missing(mask, tmp_path):
    mask(0o077)
    (tmp_path / "site" / "sub" / "deep").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text("x")
    (tmp_path / "site" / "sub" / "deep" / "a.js").write_text("x")
    files.atomic_write(tmp_path / "site" / "sub" / "fold.txt", "x")
    (tmp_path / "site" / "tool").write_text("x")
    os.chmod(tmp_path / "site" / "tool", 0o700)
    os.symlink("/nonexistent", tmp_path / "site" / "link")
    assert files.make_readable(tmp_path / "site") > 0
    for p in [tmp_path / "site", *(tmp_path / "site").rglob("*")]:
        if p.is_symlink():
            continue
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode & (0o755 if p.is_dir() else 0o644) == (0o755 if p.is_dir() else 0o644), (p, oct(mode))
    assert stat.S_IMODE((tmp_path / "site" / "tool").stat().st_mode) == 0o744  # nothing taken away
    assert files.make_readable(tmp_path / "site") == 0


def test_no_bare_mkstemp_outside_the_helper():
    """Every atomic write of the package and the hooks goes through wenxian.files (archive.py,
    owned by the ingest side, still has its own helper: see CHANGELOG)."""
    root = Path(__file__).resolve().parents[1]
    users = [p.relative_to(root).as_posix() for d in ("wenxian", "hooks") for p in (root / d).rglob("*.py")
             if "mkstemp(" in p.read_text("utf-8")]
    assert sorted(users) == ["wenxian/files.py"]


def _readable_hook():
    """The hook's event, as hooks/readable.py calls it."""
    import types

    from wenxian.files import make_site_readable
    return types.SimpleNamespace(on_post_build=lambda config: make_site_readable(Path(config["site_dir"])))


def test_the_hook_walks_the_whole_site_only_under_a_restrictive_umask(mask, tmp_path):
    hook = _readable_hook()
    site = tmp_path / "site"
    (site / "pagefind" / "index").mkdir(parents=True)
    for p in (site / "index.html", site / "pagefind" / "index" / "a.pf_index"):
        p.write_text("x")
        os.chmod(p, 0o600)  # a bundle hard-linked from a cache written under umask 077
    mask(0o022)
    hook.on_post_build({"site_dir": str(site)})
    assert stat.S_IMODE((site / "pagefind" / "index" / "a.pf_index").stat().st_mode) == 0o644
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o600  # not walked: a 022 build writes 0644
    mask(0o077)
    hook.on_post_build({"site_dir": str(site)})
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o644
