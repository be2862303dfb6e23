"""scripts/score_folder.py on a folder made here: a text capture scored by whole lines, a saved
page by substrings, the per-kind totals printed, and a capture's misses only with --misses."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARA = "某县多措并举促进劳动力转移就业，今年以来累计转移农村劳动力三万余人次，人均年收入增长一成。"


def _run(folder: Path, *flags: str) -> list[str]:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "score_folder.py"), str(folder), *flags],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.strip().splitlines()


def test_totals_per_kind_and_misses_on_request(tmp_path):
    text = "\n".join(["某县促进劳动力转移就业_某某网", "首页", "某县促进劳动力转移就业", "2024-11-25 来源：某某日报",
                      PARA, PARA + "下一步将继续拓宽渠道。", "版权所有 某某网"]) + "\n"
    (tmp_path / "a.txt").write_text(text, "utf-8")
    (tmp_path / "a.expected.json").write_text(json.dumps(
        {"title": "某县促进劳动力转移就业", "date": "2024-11-25", "source": "某某日报", "script": "hans",
         "must_keep": [PARA], "must_drop": ["首页", "版权所有 某某网"]}, ensure_ascii=False), "utf-8")
    page = (f"<html><head><meta charset='utf-8'><title>某县促进劳动力转移就业_某某网</title></head><body>"
            f"<div class='nav'><a>首页</a><a>新闻</a></div><h1>某县促进劳动力转移就业</h1>"
            f"<div class='content'><p>{PARA}</p><p>{PARA}下一步将继续拓宽渠道。</p></div></body></html>")
    (tmp_path / "b.html").write_text(page, "utf-8")
    (tmp_path / "b.expected.json").write_text(json.dumps(
        {"title": "某县促进劳动力转移就业", "date": "2099-01-01", "script": "hans", "must_keep": [PARA[:20]],
         "must_drop": ["首页"]}, ensure_ascii=False), "utf-8")
    out = _run(tmp_path)
    assert out == [
        "text: 1 captures, 1 fully right | keep 1/1 (1.000) | drop 2/2 (1.000) | title 1/1 (1.000) | "
        "date 1/1 (1.000) | source 1/1 (1.000) | script 1/1 (1.000)",
        "saved page: 1 captures, 0 fully right | keep 1/1 (1.000) | drop 1/1 (1.000) | title 1/1 (1.000) | "
        "date 0/1 (0.000) | script 1/1 (1.000)"]
    misses = _run(tmp_path, "--misses")
    assert misses[0] == "b: date: None != '2099-01-01'"
