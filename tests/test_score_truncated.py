"""scripts/score_truncated.py on a capture made here: the annotation is restricted to what the
cut keeps, and what the cut removes is no miss."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAS = ["某县多措并举促进劳动力转移就业，今年以来累计转移农村劳动力三万余人次，人均年收入增长一成。",
         "一是摸清底数。组织乡镇、村干部入户走访，全面掌握农村劳动力就业意愿和技能需求，建立台账。",
         "二是强化培训。围绕市场需求开设电工、焊工、家政服务等培训班，累计培训三千余人次，持证上岗。",
         "三是拓宽渠道。与东部沿海城市建立劳务协作关系，组织专车点对点输送务工人员，确保安全到岗。"]


def _run(folder: Path, n: int) -> list[str]:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "score_truncated.py"), str(n), str(folder)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.strip().splitlines()


def test_what_the_cut_removes_is_not_scored(tmp_path):
    lines = ["某县多措并举促进劳动力转移就业_某某网", "首页", "新闻", "某县多措并举促进劳动力转移就业", "2024-11-25 来源：某某日报"]
    text = "\n".join(lines + PARAS * 3 + ["版权所有 某某网 京ICP备00000000号"]) + "\n"
    (tmp_path / "c1.txt").write_text(text, "utf-8")
    exp = {"title": "某县多措并举促进劳动力转移就业", "date": "2024-11-25", "source": "某某日报", "script": "hans",
           "must_keep": [PARAS[0], PARAS[3]], "must_drop": ["首页", "版权所有 某某网 京ICP备00000000号"]}
    (tmp_path / "c1.expected.json").write_text(json.dumps(exp, ensure_ascii=False), "utf-8")
    cut = len("\n".join(lines + PARAS[:2])) + 1  # the cut keeps the first two paragraphs only
    out = _run(tmp_path, cut)
    assert out[0] == f"1 captures cut at {cut} characters"
    header = [c.strip() for c in out[1].strip("|").split("|")]
    rows = {r.split("|")[1].strip(): [c.strip() for c in r.strip("|").split("|")[1:]] for r in out[2:]}
    # the first paragraph and 首页 are in the cut and scored; the fourth paragraph and the footer are not
    assert header[1:] == ["keep", "drop", "title", "date", "source"]
    assert rows["whole"] == rows["cut"] == ["1.000"] * 5
    assert _run(tmp_path, len(text) - 100)[0] == "0 captures cut at %d characters" % (len(text) - 100)
