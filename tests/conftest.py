import json
from pathlib import Path

# Real captures with hand annotations, copied byte-exact from the project's shared corpus
# (see tests/fixtures/corpus/README.md for provenance and licences).
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def annotated_captures(root: Path = FIXTURES):
    """(capture path, expectations) for every annotated capture in fixtures/corpus and fixtures/seeds:
    the capture is the file beside its .expected.json with a suffix of any kind `add` accepts
    (wenxian.ingest.kinds: .txt, .html, .warc.gz, .mhtml…)."""
    from wenxian.ingest import kinds

    out = []
    for folder in ("corpus", "seeds"):
        for exp in sorted((root / folder).glob("*.expected.json")):
            stem = exp.name[: -len(".expected.json")]
            caps = [exp.with_name(stem + k.suffix) for k in kinds.KINDS if exp.with_name(stem + k.suffix).is_file()]
            assert len(caps) == 1, f"{exp}: expected one capture beside it, found {[c.name for c in caps]}"
            out.append((caps[0], json.loads(exp.read_text("utf-8"))))
    return out


def capture_url(cap: Path) -> str | None:
    """The URL in the capture's .source.json: which page of a web archive holding several."""
    from wenxian.ingest import kinds

    source = cap.with_name(kinds.split(cap.name)[0] + ".source.json")
    return json.loads(source.read_text("utf-8")).get("url") if source.is_file() else None


# The shared real MkDocs build of a temporary repository (fixture `built_site`).
pytest_plugins = ["sitebuild"]


# Extraction loads the gazetteer and taxonomy on first use (a fraction of a second); speed is
# measured by the benchmark scripts, not by per-example deadlines that would make tests flaky.
from hypothesis import settings  # noqa: E402

settings.register_profile("wenxian", deadline=None)
settings.load_profile("wenxian")


def line_of(md: Path, field: str) -> int:
    """File line of a top-level frontmatter field in an article file (where `check` reports it)."""
    return next(n for n, line in enumerate(md.read_text("utf-8").split("\n"), 1) if line.startswith(field + ":"))
