"""A new contributor's first session, as CONTRIBUTING.md tells it, on a fresh clone: set up,
read the extraction report, add a capture, run `wenxian check`, install the pre-commit hooks and
commit. Offline: no command may reach the network (pip, git and pre-commit are pointed at a
closed port); the venv this suite runs in stands for the one `make install` made, so `make
install` must find nothing to do. Every step must succeed."""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from wenxian.ingest.pipeline import article_id

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens, every request fails at once


def guide_command(start: str) -> str:
    """The first command line of a ```sh block in CONTRIBUTING.md that starts with `start`."""
    for block in re.findall(r"```sh\n(.*?)```", GUIDE, re.S):
        for line in block.splitlines():
            if line.strip().startswith(start):
                return line.strip()
    raise AssertionError(f"CONTRIBUTING.md documents no command starting with {start!r}")


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout here (nothing to clone)")
    where = tmp_path_factory.mktemp("newcomer")
    repo = where / "wenxian"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(repo)], check=True,
                   capture_output=True)
    venv = Path(sys.prefix)
    (repo / ".venv").symlink_to(venv)  # `make install` already ran: its venv, reused
    # .gitignore's `.venv/` matches the folder a contributor has, not this link to it
    with open(repo / ".git" / "info" / "exclude", "a", encoding="utf-8") as exclude:
        exclude.write("/.venv\n")
    stamp = venv / ".installed"
    if stamp.exists():  # the clone's files are new; the venv was made from the same pyproject.toml
        older = stamp.stat().st_mtime - 1
        os.utime(repo / "pyproject.toml", (older, older))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "GIT_", "PRE_COMMIT"))}
    env.update({"PIP_NO_INDEX": "1", "PIP_INDEX_URL": CLOSED, "HTTP_PROXY": CLOSED, "HTTPS_PROXY": CLOSED,
                "http_proxy": CLOSED, "https_proxy": CLOSED, "ALL_PROXY": CLOSED, "NO_PROXY": "",
                "PRE_COMMIT_HOME": str(where / "pre-commit-cache"), "HOME": str(where),
                "GIT_AUTHOR_NAME": "新贡献者", "GIT_AUTHOR_EMAIL": "new@example.org",
                "GIT_COMMITTER_NAME": "新贡献者", "GIT_COMMITTER_EMAIL": "new@example.org",
                "GIT_CONFIG_NOSYSTEM": "1"})
    return repo, env, where


def step(command: str, repo: Path, env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(shlex.split(command), cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_a_new_contributor_meets_no_failing_step(clone):
    repo, env, where = clone
    in_archive = {p.stem for p in (repo / "docs" / "articles").glob("*.md")}
    source = next(p for p in sorted((FIXTURES / "corpus").glob("*.txt")) if article_id(p.read_bytes()) not in in_archive)
    capture = where / "capture.txt"  # saved outside the repository, as a contributor does
    shutil.copy(source, capture)

    # 1. Set up: the venv exists, so `make install` has nothing to do (and fetches nothing)
    done = step(guide_command("make install"), repo, env)
    assert "pip" not in done.stdout and "Nothing to be done" in done.stdout + done.stderr

    # 3. Read the extraction report
    report = step(guide_command(".venv/bin/wenxian extract").replace("path/to/capture.txt", str(capture)), repo, env)
    assert "removed:" in report.stdout and "body:" in report.stdout

    # 2. Add the capture, with the options the guide shows
    add = guide_command(".venv/bin/wenxian add path/to/capture.txt --url")
    add = add.replace("path/to/capture.txt", shlex.quote(str(capture))).replace("…", "s-token-123")
    added = step(add, repo, env)
    aid = re.match(r".*: added ([0-9a-f]{12})$", added.stdout.splitlines()[0]).group(1)
    assert any(l.startswith("  title ") for l in added.stdout.splitlines())

    # 5. The checks: `wenxian check` passes and says how many articles it checked
    checked = step(".venv/bin/wenxian check", repo, env)
    assert re.fullmatch(r"wenxian check: \d+ articles checked, 0 problems\n", checked.stderr)

    # Optional hooks: installed and run on the commit, offline
    step(guide_command(".venv/bin/pre-commit install"), repo, env)
    # 6. Branch, add, commit (the hooks run: wenxian check on the new article, file hooks)
    step("git switch -c add-yili-2019", repo, env)
    step("git add archive/ docs/articles/", repo, env)
    committed = step('git commit -m "Add 1 article"', repo, env)
    assert "wenxian check" in committed.stdout + committed.stderr  # the hook ran
    files = step("git show --name-only --format= HEAD", repo, env).stdout.split()
    assert f"docs/articles/{aid}.md" in files and any(f.startswith(f"archive/{aid[:2]}/{aid}.") for f in files)
    assert step("git status --porcelain", repo, env).stdout == ""  # no hook rewrote a capture or article
