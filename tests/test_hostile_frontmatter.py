"""Hand-edited frontmatter (tests/hostile/frontmatter.yml): `wenxian check` refuses each case
on the right line, the site build's validation refuses it with the same message, and both do
so fast (anchors, aliases and deep nesting are refused before anything is built)."""
import time
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from wenxian import archive, article, cli
from wenxian.errors import WenxianError
from wenxian.dev.safety_properties import check_frontmatter
from wenxian.site import catalog

CASES = yaml.safe_load((Path(__file__).resolve().parent / "hostile" / "frontmatter.yml").read_text("utf-8"))
SEED = sorted((FIXTURES / "seeds").glob("*.txt"))[1]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("fm") / "repo"
    assert cli.main(["add", str(SEED), "--root", str(root)]) == 0
    md = next((root / "docs" / "articles").glob("*.md"))
    return root, md, md.read_text("utf-8")


def edited(text: str, case: dict) -> str:
    front, body, _ = article.split(text)
    if "raw" in case:
        return f"---\n{case['raw']}---\n\n{body}"
    lines = front.split("\n")
    for key, value in case["set"].items():
        if isinstance(value, list):
            value = "'" + value[0] * value[1] + "'"
        start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if start is None:
            lines.append(f"{key}: {value}")
            continue
        end = start + 1
        while end < len(lines) and lines[end][:1] in ("-", " "):
            end += 1
        lines[start:end] = f"{key}: {value}".split("\n")
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_and_build_refuse_on_the_right_line(name, made):
    root, md, original = made
    case = CASES[name]
    text = edited(original, case)
    md.write_text(text, "utf-8")
    try:
        started = time.process_time()
        problems = archive.check(root, [md])
        with pytest.raises(WenxianError) as built:
            catalog.parse_article(md.name, text)
        assert time.process_time() - started < 1.0
    finally:
        md.write_text(original, "utf-8")
    line = next(n for n, l in enumerate(text.split("\n"), 1) if case["line"] in l)
    rel = md.relative_to(root).as_posix()
    assert [p for p in problems if case["expect"] in p] == [p for p in problems if p.startswith(f"{rel}:{line}: ")
                                                            and case["expect"] in p], problems
    assert any(case["expect"] in p for p in problems), problems
    assert built.value.path == md.name and case["expect"] in built.value.problem, built.value.problem
    assert built.value.problem.startswith(f"line {line}: "), built.value.problem
    assert check_frontmatter(text) == "refused"  # the fuzzer's property (scripts/fuzz.py)


def test_the_unedited_article_passes(made):
    root, md, original = made
    assert archive.check(root) == []
    assert catalog.parse_article(md.name, original).id == md.stem
    assert check_frontmatter(original) == "published"  # and every exporter accepts it


def test_every_encoding_the_decoder_records_is_one_the_schema_accepts():
    from wenxian import schema
    from wenxian.ingest import decode

    declared = set(getattr(decode, "_DECLARED", {}).values())  # charsets of web-archive pages
    assert declared <= set(schema.ENCODINGS), declared - set(schema.ENCODINGS)
    for name in schema.ENCODINGS:
        assert schema.encoding_problem(name) is None
