"""Learn per-source boilerplate from the archive and write wenxian/data/learned_boilerplate.yml.

    .venv/bin/python scripts/learn_boilerplate.py [--min 3] [--check]

A line of at most 80 characters that appears in at least --min different captures of the same
publishing site (the site named in the capture's page-title line) becomes boilerplate for that
site. Review the diff of the data file before committing it: a recurring line can also be a
standard sentence a site prints in every article. --check exits 1 when the committed file is not
what the archive teaches (CI can use it to keep the file current).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenxian.ingest import clean  # noqa: E402
from wenxian.ingest import meta  # noqa: E402
from wenxian.ingest import recurring_lines as recurring  # noqa: E402
from wenxian.archive import atomic_write  # noqa: E402
from wenxian.ingest import kinds  # noqa: E402
from wenxian.ingest.reading_form import reading_form, restore  # noqa: E402
from wenxian.ingest.decode import decode  # noqa: E402
from wenxian.ingest.html_page import visible_text  # noqa: E402

DATA = ROOT / "wenxian" / "data" / "learned_boilerplate.yml"
HEADER = """# Per-source boilerplate learned from archive/ by scripts/learn_boilerplate.py (do not edit by
# hand: change the archive or the script's --min, then regenerate and review the diff).
# {site: [line, ...]}: a line printed on at least {min} captures of that publishing site is
# removed from its captures with the reason "recurs across captures of this source".
"""


def captures(root: Path):
    for raw in sorted((root / "archive").glob("*/*")):
        kind = kinds.kind_of(raw.name)
        if kind is None or kind.family not in ("text", "html"):  # sidecars; web archives are left out
            continue
        text = decode(raw.read_bytes(), str(raw)).text
        if kind.family == "html":
            text = visible_text(text)  # as a text capture of the page would read
        lines = clean.split_lines(text)
        read = [clean.Line(l.number, reading_form(l.text)) for l in lines]  # as the cleaner reads them
        yield restore(meta.find_title(read)[1], [(r.text, l.text) for r, l in zip(read, lines)]), [l.text for l in lines]


def render(min_captures: int, root: Path = ROOT) -> str:
    learned = recurring.learn(captures(root), min_captures)
    body = yaml.safe_dump(learned, allow_unicode=True, sort_keys=True) if learned else "{}\n"
    return HEADER.replace("{min}", str(min_captures)) + body


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min", type=int, default=recurring.MIN_CAPTURES)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    text = render(args.min)
    if args.check:
        same = DATA.exists() and DATA.read_text("utf-8") == text
        print("learned boilerplate is current" if same else f"{DATA}: out of date; run scripts/learn_boilerplate.py")
        return 0 if same else 1
    atomic_write(DATA, text.encode("utf-8"))
    print(f"wrote {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
