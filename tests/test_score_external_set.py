"""scripts/score_external_set.py on a folder in the public set's layout, made here: the
figures it prints follow from the page and its annotation."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = """<html><head><title>老街换新颜_某某网</title></head><body><h1>老街换新颜</h1>
<div class="info">2021-05-06 作者：王小明</div>
<div class="content"><p>经过半年的改造，城东老街的石板路修好了，沿街的老房子也换上了新的门窗，街坊们都说老街又热闹起来了。</p>
<p>改造中，施工方保留了老街原有的格局和一批老字号招牌，让老街坊们找得到回家的路。</p></div>
<div class="footer">版权所有 某某网</div></body></html>"""


def _folder(tmp_path: Path, cleaned: str, date: str, author: str) -> Path:
    for kind, text in (("original", PAGE), ("cleaned", cleaned), ("date", date), ("author", author)):
        (tmp_path / kind).mkdir()
        (tmp_path / kind / ("p1.html" if kind == "original" else "p1.txt")).write_text(text, "utf-8")
    return tmp_path


def _run(folder: Path, *extra: str) -> str:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "score_external_set.py"), str(folder), "--quiet", *extra],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.strip().splitlines()[-1]


def test_a_page_read_as_annotated_scores_full(tmp_path):
    text = "经过半年的改造，城东老街的石板路修好了，沿街的老房子也换上了新的门窗，街坊们都说老街又热闹起来了。\n" \
           "改造中，施工方保留了老街原有的格局和一批老字号招牌，让老街坊们找得到回家的路。"
    line = _run(_folder(tmp_path, text, "2021-5-6 10:00:00", "王小明"))
    assert line == "1 pages, saved-page path: keep 1.000  precision 1.000  date 1/1  author 1/1"


def test_misses_are_counted(tmp_path):
    line = _run(_folder(tmp_path, "一段页面上没有的文字，annotator copied from elsewhere，整整两行。", "2020-1-1", "UNKNOWN"), "--text")
    assert line.startswith("1 pages, text path: keep 0.000  precision 0.000  date 0/1  author 0/1")
