"""Fuzz decode/clean/extract (text and HTML captures) for a set time: property-based
(hypothesis), then coverage-guided (atheris, optional extra `fuzz`); then hand-edited
frontmatter through `check`'s validation, the build's and every exporter (hypothesis,
wenxian.dev.safety_properties.check_frontmatter). 0 crashes expected; each capture finding is written to
tests/hostile/fuzz_regressions.yml (with --record) so it becomes a regression test; frontmatter
findings are printed as the article text to add to tests/hostile/frontmatter.yml.

    .venv/bin/python scripts/fuzz.py --seconds 60 [--record]

Prints the number of inputs tried per engine and the findings; exit status 1 if any.
"""
from __future__ import annotations

import argparse
import base64
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REGRESSIONS = ROOT / "tests" / "hostile" / "fuzz_regressions.yml"
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

NAMES = ["fuzz.txt", "fuzz.html"]


def hypothesis_phase(seconds: float) -> tuple[int, list[tuple[bytes, str, str]]]:
    from hypothesis import HealthCheck, given, settings, strategies as st

    from hostile.builders import HTML_INJECTION, MARKDOWN_INJECTION, TEMPLATE_INJECTION, PARAGRAPHS
    from wenxian.dev.safety_properties import check_capture

    pieces = PARAGRAPHS + HTML_INJECTION + MARKDOWN_INJECTION + TEMPLATE_INJECTION + [
        "\u202e", "\u2067", "\u200d", "\ufeff", "𠀀", "👨‍👩‍👧", "---", "\r", "\u3000", "\x85", "\u2028", "\ufffd"]
    text = st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=40)), max_size=30).map("\n".join)
    encoded = st.tuples(text, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"])).map(
        lambda t: t[0].encode(t[1], errors="ignore"))
    data = st.one_of(st.binary(max_size=4096), encoded, st.tuples(encoded, st.binary(max_size=16), encoded).map(b"".join))
    tried, found = 0, []

    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data, st.sampled_from(NAMES))
    def prop(blob, name):
        nonlocal tried
        tried += 1
        try:
            check_capture(blob, name)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            found.append((blob, name, f"{type(exc).__name__}: {exc}"[:200]))

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        prop()
    return tried, found


# Values a hand edit may put in a frontmatter field: YAML structure, hostile text, dates, numbers.
FIELD_VALUES = ["&a x", "*a", "[a, [b, [c, [d]]]]", "{masked: -1}", "{masked: '<b>'}", "'2019-02-30'", "'0000-01-01'",
                "2019-02-30", "'2024-02-29'", "utf-7", "gbk", "'http://[x'", "'http://a.example:99999/'", "bad",
                "!!python/object/apply:os.system [x]", "!!binary aGk=", "1e400", "9" * 5000, "'{'", "'}'",
                "'=1+1'", "'@x'", "\"\\e[2J\\u202e\"", "\"a\\nb\"", "null", "[]", "{}", "''", "'\u3000'"]
FIELDS = ["id", "title", "source", "source_url", "author", "date", "captured", "script", "encoding", "region",
          "places", "tags", "raw", "sha256", "quality", "extra"]


def frontmatter_phase(seconds: float) -> tuple[int, list[tuple[str, str]]]:
    from hypothesis import HealthCheck, given, settings, strategies as st

    from wenxian.dev.safety_properties import check_frontmatter

    base = sorted((ROOT / "docs" / "articles").glob("*.md"))[0].read_text("utf-8")
    front, body = base[4:].split("\n---\n", 1)
    lines = front.split("\n")
    value = st.one_of(st.sampled_from(FIELD_VALUES), st.text(max_size=30).map(lambda t: yaml.safe_dump(t).split("\n...")[0].strip()))
    tried, found = 0, []

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(st.sampled_from(FIELDS), value), min_size=1, max_size=4))
    def prop(edits):
        nonlocal tried
        tried += 1
        edited = [line for line in lines if not any(line.startswith(f + ":") for f, _ in edits)]
        edited += [f"{f}: {v}" for f, v in edits]
        text = "---\n" + "\n".join(edited) + "\n---\n" + body
        try:
            check_frontmatter(text)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            found.append((text, f"{type(exc).__name__}: {exc}"[:200]))

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        prop()
    return tried, found


ATHERIS_CHILD = """
import sys, atheris
sys.path[:0] = {paths!r}
with atheris.instrument_imports(include=["wenxian"]):
    from wenxian.dev.safety_properties import check_capture
def one(data):
    check_capture(data[1:], "fuzz.html" if data[:1] == b"h" else "fuzz.txt")
atheris.Setup(sys.argv, one)
atheris.Fuzz()
"""


def atheris_phase(seconds: float) -> tuple[int, list[tuple[bytes, str, str]]]:
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris: not installed (pip install -e '.[fuzz]'); skipped")
        return 0, []
    from hostile.builders import BUILDERS, build

    with tempfile.TemporaryDirectory() as tmp:
        corpus, crashes = Path(tmp, "corpus"), Path(tmp, "crashes")
        corpus.mkdir(), crashes.mkdir()
        for name in BUILDERS:
            fname, data = build(name)
            if len(data) < 64 * 1024:
                (corpus / name).write_bytes((b"h" if fname.endswith(".html") else b"t") + data)
        script = Path(tmp, "child.py")
        script.write_text(ATHERIS_CHILD.format(paths=[str(ROOT)]))
        proc = subprocess.run([sys.executable, str(script), f"-max_total_time={int(seconds)}", "-rss_limit_mb=4096",
                               "-max_len=65536", f"-artifact_prefix={crashes}/", str(corpus)],
                              capture_output=True, text=True)
        log = proc.stderr
        runs = 0
        for line in log.splitlines():
            if line.startswith("Done ") and " runs" in line:
                runs = int(line.split()[1])
            elif "#" in line and ("pulse" in line or "NEW" in line or "REDUCE" in line):
                try:
                    runs = max(runs, int(line.split()[0].lstrip("#")))
                except ValueError:
                    pass
        found = []
        for crash in sorted(crashes.iterdir()):
            blob = crash.read_bytes()
            found.append((blob[1:], "fuzz.html" if blob[:1] == b"h" else "fuzz.txt", log[-300:]))
        if proc.returncode and not found:
            found.append((b"", "fuzz.txt", f"atheris exited {proc.returncode}: {log[-300:]}"))
        return runs, found


def record(found: list[tuple[bytes, str, str]]) -> None:
    cases = yaml.safe_load(REGRESSIONS.read_text("utf-8")) or []
    known = {c["base64"] for c in cases}
    for blob, name, what in found:
        b64 = base64.b64encode(blob).decode()
        if b64 not in known:
            cases.append({"name": name, "base64": b64, "found": what})
            known.add(b64)
    header = "".join(l for l in REGRESSIONS.read_text("utf-8").splitlines(True) if l.startswith("#"))
    REGRESSIONS.write_text(header + yaml.safe_dump(cases, allow_unicode=True, sort_keys=False, width=100), "utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60, help="total time, split between the three phases")
    ap.add_argument("--record", action="store_true", help="append findings to tests/hostile/fuzz_regressions.yml")
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    h_tried, h_found = hypothesis_phase(args.seconds / 3)
    print(f"hypothesis: {h_tried} inputs, {len(h_found)} findings")
    a_tried, a_found = atheris_phase(args.seconds / 3)
    print(f"atheris:    {a_tried} inputs, {len(a_found)} findings")
    f_tried, f_found = frontmatter_phase(args.seconds / 3)
    print(f"frontmatter: {f_tried} article files, {len(f_found)} findings")
    found = h_found + a_found
    for blob, name, what in found[:20]:
        print(f"  {name} {blob[:60]!r}: {what}")
    for text, what in f_found[:10]:
        print(f"  frontmatter {text[:200]!r}: {what}")
    if found and args.record:
        record(found)
        print(f"recorded in {REGRESSIONS.relative_to(ROOT)}")
    return 1 if found or f_found else 0


if __name__ == "__main__":
    sys.exit(main())
