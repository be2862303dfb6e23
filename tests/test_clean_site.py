"""wenxian.site.old_output (hooks/clean_site.py): the previous output is moved aside and deleted in the background, with
MkDocs' rules (hidden entries stay), and nothing is left once the build is over."""
import types
from pathlib import Path

from wenxian.site import old_output


def _hook():
    """The hook's events, as hooks/clean_site.py calls them."""
    return types.SimpleNamespace(on_pre_build=old_output.move_aside, on_post_build=old_output.wait,
                                 trash_dir=old_output.trash_dir)


def _old_site(site: Path) -> None:
    for rel in ("index.html", "articles/0123456789ab/index.html", "hant/regions/650000000000/index.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("old", "utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref", "utf-8")


def test_old_output_is_gone_hidden_entries_stay_and_no_trash_is_left(tmp_path):
    hook, site = _hook(), tmp_path / "site"
    _old_site(site)
    hook.on_pre_build({"site_dir": str(site)})
    assert sorted(p.name for p in site.iterdir()) == [".git"]  # MkDocs finds nothing to clean
    (site / "index.html").write_text("new", "utf-8")             # the build writes its output
    hook.on_post_build({"site_dir": str(site)})
    assert sorted(p.name for p in site.iterdir()) == [".git", "index.html"]
    assert (site / "index.html").read_text("utf-8") == "new" and (site / ".git" / "HEAD").is_file()
    assert not hook.trash_dir(site.resolve()).exists()


def test_leftovers_of_an_interrupted_build_are_deleted_by_the_next(tmp_path):
    hook, site = _hook(), tmp_path / "site"
    _old_site(site)
    leftover = hook.trash_dir(site.resolve()) / "12345" / "articles"
    leftover.mkdir(parents=True)
    (leftover / "x.html").write_text("stale", "utf-8")
    hook.on_pre_build({"site_dir": str(site)})
    hook.on_post_build({"site_dir": str(site)})
    assert not hook.trash_dir(site.resolve()).exists()


def test_a_missing_site_directory_is_left_to_mkdocs(tmp_path):
    hook = _hook()
    hook.on_pre_build({"site_dir": str(tmp_path / "site")})
    hook.on_post_build({"site_dir": str(tmp_path / "site")})
    assert not (tmp_path / "site").exists() and not hook.trash_dir(tmp_path / "site").exists()
