"""Turn the annotated saved pages into annotated text captures, as a naive scraper would save
them (the <title> line, then all visible text, one block per line), so the text path is measured
on more outlets. Annotations are copied; snippets stay substrings (scored that way).

    .venv/bin/python scripts/render_saved_pages.py [SRC] [DEST]            # tests/fixtures/corpus-rendered
    .venv/bin/python scripts/render_saved_pages.py --plain [SRC] [DEST]    # tests/fixtures/corpus-scraped

The default rendering is wenxian's own reading of the page (html_page.visible_text: hidden text
left out, bare link lists one link per line). `--plain` is a second scraper that shares no code
with wenxian: every element's text, a line break at each block element and <br>, scripts,
styles and the <head> dropped, nothing else decided; the text path must not depend on how one
scraper happens to break lines.
"""
import json
import re
import sys
from pathlib import Path

import lxml.html

from wenxian.ingest.decode import decode
from wenxian.ingest.html_page import visible_text

ROOT = Path(__file__).resolve().parents[1]

# elements that start a new line in the plain rendering
_BLOCK = set("""address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html iframe legend li main menu nav
noframes ol option p pre section select summary table tbody td tfoot th thead title tr ul textarea""".split())
_DROP = {"head", "script", "style", "noscript", "template"}


def plain_text(html: str) -> str:
    """The <title> line, then the text of every element, one line per block element or <br>."""
    doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    title = doc.find(".//title")
    out = [title.text_content() if title is not None else "", "\n"]
    # an explicit stack (a hostile page may nest deeper than Python's recursion limit)
    stack = [(doc, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if closing:
            out.append("\n" if tag in _BLOCK else "")
            out.append(el.tail or "")
            continue
        if tag is None or tag in _DROP:  # a comment, or text no reader sees: its tail stays
            out.append(el.tail or "")
            continue
        out.append("\n" if tag in _BLOCK or tag == "br" else "")
        out.append(el.text or "")
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def stated_date(iso: str, text: str) -> bool:
    """Whether the visible text states the date in one of the ways pages print dates."""
    y, m, d = (iso.split("-") + ["", ""])[:3]
    forms = [iso, f"{y}/{m}/{d}", f"{y}.{m}.{d}", f"{y}年{int(m)}月{int(d)}日" if d else "", f"{y}年{m}月{d}日",
             f"{y}/{int(m)}/{int(d)}" if d else "", f"{y}-{int(m)}-{int(d)}" if d else ""]
    return any(f and f in text for f in forms)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--plain"]
    plain = "--plain" in sys.argv
    src = Path(args[0]) if args else ROOT / "tests" / "fixtures" / "corpus-html"
    dest = Path(args[1]) if len(args) > 1 else ROOT / "tests" / "fixtures" / ("corpus-scraped" if plain else "corpus-rendered")
    dest.mkdir(parents=True, exist_ok=True)
    for page in sorted(src.glob("*.html")):
        render(page, dest, plain)


def render(page: Path, dest: Path, plain: bool) -> None:
    html = decode(page.read_bytes(), str(page), markup=True).text
    text = plain_text(html) if plain else visible_text(html)
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


if __name__ == "__main__":
    main()
