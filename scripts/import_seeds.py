"""(Re)build the seed articles in docs/articles from the seed captures and their annotations.

    .venv/bin/python scripts/import_seeds.py [SEED_DIR]

SEED_DIR defaults to tests/fixtures/seeds (byte-exact copies of ../shared/seeds). Each capture
is added with `wenxian.archive.add`; the hand annotations in its `.expected.json` (title, date,
source, where not null) override what the pipeline extracted. An existing article for the same
capture is rewritten, so this is how the seeds pick up pipeline improvements (regions, tags);
the raw capture in archive/ is byte-identical and is not touched.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenxian import archive  # noqa: E402
from wenxian.ingest.pipeline import article_id  # noqa: E402


def main(argv: list[str]) -> int:
    seeds = Path(argv[0]) if argv else ROOT / "tests" / "fixtures" / "seeds"
    for exp_path in sorted(seeds.glob("*.expected.json")):
        cap = exp_path.with_name(exp_path.name.replace(".expected.json", ".txt"))
        exp = json.loads(exp_path.read_text("utf-8"))
        overrides = {k: exp.get(k) for k in ("title", "date", "source")}
        md = ROOT / "docs" / "articles" / f"{article_id(cap.read_bytes())}.md"
        md.unlink(missing_ok=True)
        aid, status = archive.add(ROOT, cap, overrides)
        print(f"{cap.name}: {status} {aid}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
