import json
from pathlib import Path

# Real captures with hand annotations, copied byte-exact from the project's shared corpus
# (see tests/fixtures/corpus/README.md for provenance and licences).
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def annotated_captures():
    """(capture path, expectations) for every annotated capture in fixtures/corpus and fixtures/seeds."""
    out = []
    for folder in ("corpus", "seeds"):
        for exp in sorted((FIXTURES / folder).glob("*.expected.json")):
            cap = exp.with_name(exp.name.replace(".expected.json", ".txt"))
            out.append((cap, json.loads(exp.read_text("utf-8"))))
    return out

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
