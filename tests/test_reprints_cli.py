"""`wenxian add` and the PR summary say when a new capture is a copy of an archived article, and
of which one, without refusing it (issue 20)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from wenxian.dev import pr_summary as summary
from wenxian.reprints import index
from wenxian.reprints.detect import Similarity
from wenxian.reprints.diff import Relation

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WENXIAN = Path(sys.executable).with_name("wenxian")


def _add(root: Path, *captures: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(WENXIAN), "add", *(str(FIXTURES / c) for c in captures), "--root", str(root)],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_add_names_the_archived_article_a_new_capture_copies(tmp_path):
    first = _add(tmp_path, "corpus/09-xinhuanet-strike.txt")
    assert first.returncode == 0, first.stderr
    [original] = re.findall(r"added ([0-9a-f]{12})", first.stdout)
    assert "is a copy of" not in first.stdout
    # an article file that does not parse is `wenxian check`'s to report: add neither fails nor skips the rest
    (tmp_path / "docs" / "articles" / "zzzzzzzzzzzz.md").write_text("---\nid: [unclosed\n---\n", "utf-8")
    done = _add(tmp_path, "corpus-html/d01-xinhuanet-strike.html", "corpus/15-xjdsb.com.txt")
    assert done.returncode == 0, done.stderr  # kept, not refused
    copy = re.search(r"d01-xinhuanet-strike.html: added ([0-9a-f]{12})", done.stdout).group(1)
    lines = [ln for ln in done.stdout.splitlines() if "is a copy of" in ln]
    assert lines == [f"{FIXTURES / 'corpus-html/d01-xinhuanet-strike.html'}: {copy} is a copy of the archived article "
                     f"{original} (edited, 100% shared); kept, the site lists it with the other versions of the story"]
    assert (tmp_path / "docs" / "articles" / f"{copy}.md").is_file()
    assert not (tmp_path / ".cache").exists()  # add writes no cache (it reads the build's)


def test_pr_summary_lists_copies_as_inert_text():
    c = index.CopyOf("a" * 12, "b" * 12, Relation("cut", "copy", 3, 0, 40), Similarity(1.0, 0.2, 0.2))
    md = summary.summary_markdown([], [], [], [c])
    assert "### Copies of archived articles\n\n- aaaaaaaaaaaa is a copy of bbbbbbbbbbbb: an excerpt of it, 100% shared" in md
    assert "Copies of archived" not in summary.summary_markdown([], [], [])
