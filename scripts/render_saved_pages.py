"""Turn the annotated saved pages into annotated text captures, as a naive scraper would save
them (the <title> line, then all visible text, one block per line), so the text path is measured
on 26 more outlets. Annotations are copied; snippets stay substrings (scored that way).

    .venv/bin/python scripts/render_saved_pages.py [SRC] [DEST]
"""
import json
import sys
from pathlib import Path

from wenxian.ingest.decode import decode
from wenxian.ingest.html_page import visible_text

ROOT = Path(__file__).resolve().parents[1]
src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "corpus-html"
dest = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "fixtures" / "corpus-rendered"
dest.mkdir(parents=True, exist_ok=True)


def stated_date(iso: str, text: str) -> bool:
    """Whether the visible text states the date in one of the ways pages print dates."""
    y, m, d = (iso.split("-") + ["", ""])[:3]
    forms = [iso, f"{y}/{m}/{d}", f"{y}.{m}.{d}", f"{y}年{int(m)}月{int(d)}日" if d else "", f"{y}年{m}月{d}日",
             f"{y}/{int(m)}/{int(d)}" if d else "", f"{y}-{int(m)}-{int(d)}" if d else ""]
    return any(f and f in text for f in forms)


for page in sorted(src.glob("*.html")):
    text = visible_text(decode(page.read_bytes(), str(page), markup=True).text)
    (dest / (page.stem + ".txt")).write_text(text, "utf-8")
    exp = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
    # A value the page states only in its markup (a meta tag, a script variable) is not in the
    # text capture: the annotation of the capture says what its text states.
    adjusted = []
    if exp.get("date") and not stated_date(exp["date"], text):
        exp["date"] = None; adjusted.append("date")
    if exp.get("source") and exp["source"] not in text.replace(" ", "") and exp["source"] not in text:
        exp["source"] = None; adjusted.append("source")
    if any(a not in text for a in exp.get("author") or []):
        exp["author"] = [a for a in exp["author"] if a in text]; adjusted.append("author")
    if adjusted:
        exp["notes"] = (exp.get("notes") or "") + f" [rendered capture: {', '.join(adjusted)} not stated in the visible text, annotation adjusted]"
    exp["snippets"] = "substring"
    exp["rendered_from"] = f"corpus-html/{page.name}"
    (dest / (page.stem + ".expected.json")).write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(dest / (page.stem + ".txt"))
