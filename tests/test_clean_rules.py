"""The boilerplate rules' prefilter (clean._prefilter) is an optimisation only: a line passes it
whenever one rule of data/boilerplate.yml matches it, so pattern_reason names the same reason as
trying every rule in file order."""
from wenxian.ingest import clean, vocab
from wenxian.ingest.reading_form import reading_form

from conftest import FIXTURES


def _reason_rule_by_rule(text: str) -> str | None:
    url = clean._TRAILING_URL.search(text)
    n = len(text[:url.start()].rstrip(" \t:：︰﹕")) if url else len(text)
    for reason, scope, pat in vocab.boilerplate_rules():
        if scope == "whole" and pat.fullmatch(text) or scope == "short" and n <= clean.SHORT and pat.search(text) \
                or scope == "any" and pat.search(text):
            return reason
    return None


def test_the_prefilter_passes_every_line_a_rule_matches():
    lines = set()
    for capture in sorted((FIXTURES / "corpus-scraped").glob("*.txt")) + sorted((FIXTURES / "corpus").glob("*.txt")):
        lines.update(reading_form(l.strip()) for l in capture.read_text("utf-8", "replace").splitlines() if l.strip())
    assert len(lines) > 2000
    differ = [t for t in sorted(lines) if clean._pattern_reason(t) != _reason_rule_by_rule(t)]
    assert differ == []
    assert sum(1 for t in lines if _reason_rule_by_rule(t)) > 200  # (the rules do match lines here)


def test_an_alternation_at_the_top_of_a_pattern_is_not_anchored():
    assert clean._alternates_at_top(r"^a|b")
    assert not clean._alternates_at_top(r"^(a|b)c")
    assert not clean._alternates_at_top(r"^[|]x")
    assert not clean._alternates_at_top(r"^\|x")
