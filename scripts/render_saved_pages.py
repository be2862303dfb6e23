"""Turn the annotated saved pages into annotated text captures, as a naive scraper would save
them (the <title> line, then all visible text, one block per line), so the text path is measured
on 26 more outlets. Annotations are copied; snippets stay substrings (scored that way).

    .venv/bin/python scripts/render_saved_pages.py [SRC] [DEST]
"""
import json
import sys
from pathlib import Path

from wenxian.decode import decode
from wenxian.html_page import visible_text

ROOT = Path(__file__).resolve().parents[1]
src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "corpus-html"
dest = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "fixtures" / "corpus-rendered"
dest.mkdir(parents=True, exist_ok=True)
for page in sorted(src.glob("*.html")):
    text = visible_text(decode(page.read_bytes(), str(page)).text)
    (dest / (page.stem + ".txt")).write_text(text, "utf-8")
    exp = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
    exp["snippets"] = "substring"
    exp["rendered_from"] = f"corpus-html/{page.name}"
    (dest / (page.stem + ".expected.json")).write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(dest / (page.stem + ".txt"))
