"""Every text stage is linear: each capture of tests/hostile/slow_inputs.py (issue 16, point 6,
built at the shape limits) is extracted, scanned for personal data and has its masked
characters marked for one script page in at most 2 s of CPU each, measured with
time.process_time in a fresh process (caches warmed with a small capture first)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from hostile.slow_inputs import BUILDERS
from wenxian.escape import escape_line
from wenxian.site.article_page import _mark_slowly, _masked, mark_masked

HOSTILE = Path(__file__).resolve().parent / "hostile"
BUDGET = 2.0  # CPU seconds per capture and stage


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_each_slow_input_is_handled_within_the_budget(name):
    proc = subprocess.run([sys.executable, str(HOSTILE / "slow_inputs.py"), name], capture_output=True, text=True,
                          timeout=300, cwd=HOSTILE)
    assert proc.returncode == 0, proc.stderr[-2000:]
    seconds = json.loads(proc.stdout.splitlines()[-1])
    assert max(seconds["extract"], seconds["scan"], seconds["mark"]) <= BUDGET, seconds


@given(st.text(alphabet="村民*＊×\"“”-+=>:1.)#<&\\ab \ue000", max_size=30))
def test_marking_in_one_pass_gives_the_same_text_as_marking_piece_by_piece(text):
    line = escape_line(text)
    expected = _mark_slowly(text, _masked(), '<mark class="wx-masked" title="原文此处的字符被屏蔽">', "</mark>") \
        if _masked().search(text) else line
    assert mark_masked(line, "hans") == expected


@given(st.text(alphabet="ab1.)-+=>:#*\\&<;\n 村〔图片〕lt", max_size=40))
def test_escaping_and_checking_a_whole_body_at_once_is_the_same_as_line_by_line(text):
    from wenxian import article
    from wenxian.escape import escape_lines, unescape_line

    assert escape_lines(text) == "\n".join(escape_line(line) for line in text.split("\n"))
    one_by_one = [n for n, line in enumerate(text.split("\n"))
                  if (rest := article.split_prefix(line)[1]) and escape_line(unescape_line(rest)) != rest]
    assert [n for n, _ in article.unsafe_body_lines(text)] == one_by_one
