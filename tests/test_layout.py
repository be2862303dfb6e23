"""The code's layout (issue 13): hooks are thin adapters that nothing imports, and the stages
import only earlier stages."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = [p for d in ("wenxian", "tests", "scripts") for p in (ROOT / d).rglob("*.py")]


def test_every_hook_is_a_thin_adapter():
    for hook in (ROOT / "hooks").glob("*.py"):
        assert len(hook.read_text("utf-8").splitlines()) <= 80, hook.name


def test_no_module_imports_a_hook():
    """No import of hooks/ by path (spec_from_file_location) or through sys.path."""
    for p in PY:
        if p.name == "test_layout.py":
            continue
        text = p.read_text("utf-8").replace("'", '"')
        assert '"hooks" / "' not in text and '/ "hooks")' not in text, p


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                pkg = path.relative_to(ROOT).with_suffix("").parts[:-node.level]
                out.add(".".join([*pkg, *([node.module] if node.module else [])]))
            elif node.module:
                out.add(node.module)
            out.update(f"{m}.{a.name}" for m in list(out) for a in node.names if m in ("wenxian", "wenxian.site"))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_stages_import_only_earlier_stages():
    later = {"ingest": ("wenxian.site", "wenxian.search", "wenxian.dev"),
             "places": ("wenxian.ingest", "wenxian.site", "wenxian.search", "wenxian.dev"),
             "search": ("wenxian.dev",), "site": ("wenxian.dev",)}
    for stage, forbidden in later.items():
        for p in (ROOT / "wenxian" / stage).rglob("*.py"):
            bad = [m for m in _imports(p) if m.startswith(forbidden)]
            assert not bad, (p.relative_to(ROOT).as_posix(), bad)
