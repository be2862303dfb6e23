"""The text path on saved pages rendered as naive scrapers save them, by two renderers
(scripts/render_saved_pages.py): tests/fixtures/corpus-rendered (wenxian's reading of the page)
and tests/fixtures/corpus-scraped (a plain lxml walk sharing no code with wenxian, which breaks
lines differently and keeps hidden text): 97 outlets the text rules were not written for. A
ratchet: the scores may rise, never fall below the floors measured when the sets were last
extended (set k, 13 pages, lowered the averages; the issue's goals are higher;
scripts/bench_extract.py prints the current figures)."""
import json

import pytest

from wenxian.errors import WenxianError
from wenxian.dev.evaluation import Score, score_article
from wenxian.ingest.pipeline import extract

from conftest import FIXTURES

FLOORS = {
    "corpus-rendered": {"keep": .975, "drop": .95, "title": .975, "date": .96, "source": .85, "script": 1.0},
    "corpus-scraped": {"keep": .97, "drop": .935, "title": .955, "date": .975, "source": .83, "script": 1.0},
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_rendered_captures_do_not_regress(folder, capsys):
    floors = FLOORS[folder]
    total = Score()
    caps = sorted((FIXTURES / folder).glob("*.txt"))
    assert len(caps) >= 97
    for cap in caps:
        exp = json.loads(cap.with_suffix(".expected.json").read_text("utf-8"))
        try:
            art = extract(cap.read_bytes(), str(cap))
        except WenxianError:  # a capture the text path refuses (a line over the limits) scores nothing
            art = {"body": "", "title": None, "date": None, "source": None, "author": [], "script": None}
        total.add(score_article(art, exp, drop_mode="substring"))
    with capsys.disabled():
        print(f"\n{folder} scores: " + "  ".join(f"{f} {total.ratio(f):.3f}" for f in floors))
    assert {f: round(total.ratio(f), 3) for f in floors if total.ratio(f) < floors[f]} == {}


def test_rendering_is_current():
    """The rendered captures are what scripts/render_saved_pages.py makes of the saved pages
    (the plain renderer is checked by running the script; it lives there, not in the package)."""
    from wenxian.ingest.decode import decode
    from wenxian.ingest.html_page import visible_text
    for page in sorted((FIXTURES / "corpus-html").glob("*.html")):
        rendered = FIXTURES / "corpus-rendered" / (page.stem + ".txt")
        assert rendered.read_text("utf-8") == visible_text(decode(page.read_bytes(), str(page), markup=True).text), page.name
