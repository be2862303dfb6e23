"""Per-source boilerplate learned from recurring lines (wenxian/ingest/recurring_lines.py)."""
import subprocess
import sys
from pathlib import Path

from wenxian.ingest import clean
from wenxian.ingest import recurring_lines as recurring
from wenxian.ingest.clean import Line

ROOT = Path(__file__).resolve().parents[1]
SLOGAN = "携手民生之声构建和谐社会竭力打造第一民生网站"


def capture(n: int) -> list[str]:
    return [f"第{n}篇报道的标题_某某民生网", f"村里第{n}次召开大会，部署春耕生产工作，村民们积极参与讨论，提出了很多建议。",
            SLOGAN, f"会后，工作队走访了{n}户村民，详细了解他们的生产生活困难，并逐一登记。"]


def test_a_line_on_three_captures_of_one_site_is_learned_for_that_site_only():
    learned = recurring.learn([("某某民生网", capture(i)) for i in range(3)] + [("别的网", [SLOGAN]), (None, [SLOGAN])])
    assert learned == {"某某民生网": [SLOGAN]}


def test_two_captures_teach_nothing_and_content_lines_differ():
    assert recurring.learn([("某某民生网", capture(i)) for i in range(2)]) == {}
    assert recurring.learn([("某某民生网", capture(i)) for i in range(5)]) == {"某某民生网": [SLOGAN]}


def test_cleaner_removes_learned_lines_with_their_reason_and_keeps_the_rest():
    lines = [Line(i + 1, t) for i, t in enumerate(capture(7))]
    without = clean.clean(lines, "第7篇报道的标题")
    assert SLOGAN in [k.line.text for k in without.kept]  # between two paragraphs: looks like text
    cleaned = clean.clean(lines, "第7篇报道的标题", frozenset([SLOGAN]))
    assert [(r.line.text, r.reason) for r in cleaned.removed if r.line.text == SLOGAN] == [(SLOGAN, recurring.REASON)]
    assert len(cleaned.kept) == len(without.kept) - 1


def test_committed_learned_file_is_what_the_archive_teaches():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "learn_boilerplate.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
