"""Per-source boilerplate learned from the archive: lines that recur across captures of one site.

Pattern files cannot know every site's footer slogan or column banner ('携手民生之声，构建和谐社会',
'更多精彩请关注…'), but the archive can: a short line printed on three or more different captures
of the same publishing site is that site's furniture, not an article's text. `learn` finds such
lines (pure: captures in, vocabulary out); scripts/learn_boilerplate.py runs it over archive/
and writes `data/learned_boilerplate.yml`, which the cleaner reads, so the learned vocabulary is
reviewable in pull requests like any other data file.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable

from . import vocab
from .reading_form import reading_form

MIN_CAPTURES = 3
MAX_LENGTH = 80
REASON = "recurs across captures of this source"


def learn(captures: Iterable[tuple[str | None, list[str]]], min_captures: int = MIN_CAPTURES) -> dict[str, list[str]]:
    """{site: sorted recurring lines} from (publishing site, line texts) per capture. Each
    capture counts once per line; captures with no known site teach nothing."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for site, lines in captures:
        if site:
            counts[site].update({t for t in lines if 0 < len(t) <= MAX_LENGTH})
    learned = {site: sorted(t for t, n in c.items() if n >= min_captures) for site, c in counts.items()}
    return {site: lines for site, lines in sorted(learned.items()) if lines}


def lines_for(site: str | None) -> frozenset[str]:
    """The learned boilerplate lines of one publishing site (empty when unknown)."""
    if not site:
        return frozenset()
    return _learned().get(reading_form(site), frozenset())


@lru_cache(maxsize=None)
def _learned() -> dict[str, frozenset[str]]:
    """The learned lines as the cleaner reads lines: in their reading form."""
    data = vocab.load("learned_boilerplate.yml") or {}
    return {reading_form(site): frozenset(reading_form(l) for l in lines) for site, lines in data.items()}
