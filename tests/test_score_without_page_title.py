"""scripts/score_without_page_title.py on a capture made here: the capture is scored as saved and
without its first line, against the same annotation."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAS = ["某县多措并举促进劳动力转移就业，今年以来累计转移农村劳动力三万余人次，人均年收入增长一成。",
         "一是摸清底数。组织乡镇、村干部入户走访，全面掌握农村劳动力就业意愿和技能需求，建立台账。",
         "二是强化培训。围绕市场需求开设电工、焊工、家政服务等培训班，累计培训三千余人次，持证上岗。"]


def test_a_capture_with_its_headline_over_its_dateline_reads_the_same_without_its_first_line(tmp_path):
    lines = ["某县多措并举促进劳动力转移就业_某某网", "首页", "新闻", "某县多措并举促进劳动力转移就业", "2024-11-25 来源：某某日报"]
    (tmp_path / "c1.txt").write_text("\n".join(lines + PARAS + ["版权所有 某某网"]) + "\n", "utf-8")
    exp = {"title": "某县多措并举促进劳动力转移就业", "date": "2024-11-25", "source": "某某日报", "script": "hans",
           "must_keep": PARAS, "must_drop": ["首页", "版权所有 某某网", lines[0]]}
    (tmp_path / "c1.expected.json").write_text(json.dumps(exp, ensure_ascii=False), "utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "score_without_page_title.py"), str(tmp_path)],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip().splitlines()
    assert out[0] == "1 captures"
    rows = {r.split("|")[1].strip(): [c.strip() for c in r.strip("|").split("|")[1:]] for r in out[2:]}
    assert rows["as saved"] == rows["without the first line"] == ["1.000"] * 5
