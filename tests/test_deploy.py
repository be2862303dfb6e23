"""Deployment guard rails: the site's address for a deployment, the Pages workflow's wiring, and
the size measurement (scripts/site_size.py) the workflow checks against the host's limit."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wenxian.errors import WenxianError
from wenxian.site import deploy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import site_size  # noqa: E402


def test_placeholder_or_missing_address_fails_in_deploy_mode():
    for configured in (deploy.PLACEHOLDER, "https://wenxian.example.org", "", None, "/relative/", "ftp://x.example/"):
        with pytest.raises(WenxianError, match="WENXIAN_SITE_URL"):
            deploy.site_url(configured, {"WENXIAN_DEPLOY": "1"})


def test_address_from_the_environment_wins_and_ends_with_a_slash():
    env = {"WENXIAN_DEPLOY": "1", "WENXIAN_SITE_URL": "https://someone.github.io/wenxian"}
    assert deploy.site_url(deploy.PLACEHOLDER, env) == "https://someone.github.io/wenxian/"
    assert deploy.site_url("https://archive.example.net/", {"WENXIAN_DEPLOY": "1"}) == "https://archive.example.net/"


def test_outside_deploy_mode_the_placeholder_builds():
    assert deploy.site_url(deploy.PLACEHOLDER, {}) == deploy.PLACEHOLDER
    assert deploy.site_url(deploy.PLACEHOLDER, {"WENXIAN_DEPLOY": "0"}) == deploy.PLACEHOLDER
    assert deploy.site_url(None, {}) == ""


def test_mkdocs_yml_holds_the_placeholder_the_guard_knows():
    assert yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("theme:")[0])["site_url"] == deploy.PLACEHOLDER


def test_a_ci_deploy_build_with_the_placeholder_fails_before_writing(tmp_path):
    """A real `mkdocs build` in deploy mode (what the Pages workflow runs) stops at once, naming
    the setting, and writes no site."""
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    env = {k: v for k, v in os.environ.items() if k != "WENXIAN_SITE_URL"}
    env.update(WENXIAN_DEPLOY="1", CI="true", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "site_url is https://wenxian.example.org/" in done.stderr and "WENXIAN_SITE_URL" in done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_pages_workflow_takes_the_address_from_configure_pages_and_caches_the_build():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    steps = wf["jobs"]["build"]["steps"]
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in steps if s.get("run") == "make build")
    assert steps.index(pages) < steps.index(build)
    assert build["env"] == {"WENXIAN_DEPLOY": "1", "WENXIAN_SITE_URL": "${{ steps.%s.outputs.base_url }}" % pages["id"]}
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/wenxian" and steps.index(cache) < steps.index(build)
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    size = next(s for s in steps if s.get("id") == "size")
    assert "scripts/site_size.py site --max-bytes" in size["run"] and steps.index(size) > steps.index(build)


def test_site_size_counts_bytes_and_files_by_kind(tmp_path):
    page = '<html><body><header>chrome</header><article class="md-content__inner md-typeset">text</article></body></html>'
    files = {"articles/0123456789ab/index.html": page, "hant/articles/0123456789ab/index.html": page,
             "regions/650000000000/index.html": page, "regions/index.html": page, "raw/0123456789ab.txt": "原文",
             "pagefind/fragment/x.pf_fragment": "x", "assets/stylesheets/main.css": "body{}", "index.html": page}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, "utf-8")
    result = site_size.measure(tmp_path)
    kinds = result["kinds"]
    assert result["total"]["files"] == len(files)
    assert result["total"]["bytes"] == sum(len(t.encode()) for t in files.values())
    assert kinds["article pages, simplified"]["files"] == kinds["article pages, traditional"]["files"] == 1
    assert kinds["region pages"]["files"] == kinds["listing pages"]["files"] == 1
    chrome = len(page) - len('<article class="md-content__inner md-typeset">text</article>')
    assert kinds["region pages"]["chrome"] == chrome
    assert site_size.main([str(tmp_path), "--max-files", str(len(files))]) == 0
    assert site_size.main([str(tmp_path), "--max-files", str(len(files) - 1)]) == 1
