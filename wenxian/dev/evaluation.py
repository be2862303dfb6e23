"""Scoring an extracted article against a hand annotation (`*.expected.json` of the corpora).

Pure: an article dict and an annotation in, per-field results out. One definition shared by the
golden tests, `scripts/bench_extract.py` (text captures, in-sample and leave-one-outlet-out) and
`scripts/bench_html.py` (saved pages, wenxian beside trafilatura and GNE), so that every figure
in the CHANGELOG means the same thing.

Rules (the corpora's READMEs):
- a `must_keep` snippet is kept when its stripped text occurs in the body text (Markdown
  escaping and heading markers undone, lines joined with newlines);
- a `must_drop` snippet is dropped when it is not a whole body line (`lines` mode, text corpus)
  or does not occur anywhere in the body text (`substring` mode, saved pages);
- `title`, `date`, `source`, `script` compare exactly where the annotation is not null;
  `author` compares as a list where the annotation has the key (an empty list means "none").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import article

FIELDS = ("keep", "drop", "title", "date", "source", "author", "script")


@dataclass
class Score:
    """Hits and totals per field, and the misses (field, what) for reports."""
    hits: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    totals: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    misses: list = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for f in FIELDS:
            self.hits[f] += other.hits[f]
            self.totals[f] += other.totals[f]
        self.misses += other.misses

    def ratio(self, f: str) -> float | None:
        return self.hits[f] / self.totals[f] if self.totals[f] else None


def body_lines(body: str) -> list[str]:
    """Text lines of a wenxian body; image markers are labels, not text."""
    return [text for prefix, text in article.body_blocks(body) if prefix != article.IMAGE_MARKER]


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def score(values: dict, lines: list[str], exp: dict, drop_mode: str = "lines") -> Score:
    """Score one extraction: `values` holds title/date/source/author/script (missing = not
    produced), `lines` the body's text lines."""
    s = Score()
    text = "\n".join(lines)
    flat = _norm_ws(text)
    line_set = {l.strip() for l in lines}
    for keep in exp.get("must_keep", []):
        k = keep.strip()
        s.totals["keep"] += 1
        if k in text or _norm_ws(k) in flat:
            s.hits["keep"] += 1
        else:
            s.misses.append(("keep", k[:60]))
    for drop in exp.get("must_drop", []):
        d = drop.strip()
        s.totals["drop"] += 1
        present = d in line_set if drop_mode == "lines" else (d in text or _norm_ws(d) in flat)
        if present:
            s.misses.append(("drop", d[:60]))
        else:
            s.hits["drop"] += 1
    for key in ("title", "date", "source", "script"):
        if exp.get(key) is not None:
            s.totals[key] += 1
            got = values.get(key)
            if got == exp[key] or (key == "title" and got and _norm_ws(got) == _norm_ws(exp[key])):
                s.hits[key] += 1
            else:
                s.misses.append((key, f"{got!r} != {exp[key]!r}"))
    if "author" in exp:
        s.totals["author"] += 1
        got = list(values.get("author") or [])
        if got == list(exp["author"] or []):
            s.hits["author"] += 1
        else:
            s.misses.append(("author", f"{got!r} != {exp['author']!r}"))
    return s


def score_article(art: dict, exp: dict, drop_mode: str = "lines") -> Score:
    return score(art, body_lines(art["body"]), exp, drop_mode)


# The other script of an annotated capture (tests/test_script_swap.py, scripts/bench_extract.py):
# held-out pages come in both scripts while most fixtures are simplified, so every fixture is
# also read converted to the other script, with its annotation converted alike. OpenCC config
# per script of the original: a simplified capture as Taiwan's (s2tw) or Hong Kong's (s2hk)
# character forms, a traditional one as simplified (t2s).
OTHER_SCRIPT = {"hans": ("s2tw", "s2hk"), "hant": ("t2s",)}
_CONVERTED_FIELDS = ("title", "source", "author", "must_keep", "must_drop")
_DECLARED_CHARSET = re.compile(r"""(?i)(<meta[^>]*?charset\s*=\s*["']?)[\w-]+|(<\?xml[^>]*?encoding\s*=\s*["'])[\w-]+""")


def in_other_script(text: str, exp: dict, config: str, markup: bool) -> tuple[bytes, dict]:
    """(capture bytes, annotation) of a decoded capture converted with OpenCC `config`: UTF-8,
    a page's declared charset rewritten to match; the annotation's text fields converted the same
    way and its script left out (the converted capture's script is not what was annotated)."""
    from ..script import _converter
    conv = _converter(config).convert

    def each(value):
        if isinstance(value, str):
            return conv(value)
        if isinstance(value, list):
            return [each(v) for v in value]
        return value
    out = conv(text)
    if markup:
        out = _DECLARED_CHARSET.sub(lambda m: (m.group(1) or m.group(2)) + "utf-8", out)
    converted = {k: each(v) if k in _CONVERTED_FIELDS else v for k, v in exp.items()}
    converted["script"] = None
    return out.encode("utf-8"), converted


def annotated_captures(folders):
    """(folder name, capture name, text, annotation) of every NAME.txt beside a
    NAME.expected.json in the folders, in name order (the layout of tests/fixtures/corpus*)."""
    import json
    from pathlib import Path

    for folder in map(Path, folders):
        for exp_path in sorted(folder.glob("*.expected.json")):
            name = exp_path.name[:-len(".expected.json")]
            capture = folder / f"{name}.txt"
            if capture.exists():
                yield folder.name, name, capture.read_text("utf-8"), json.loads(exp_path.read_text("utf-8"))


def print_table(rows: list[tuple[str, Score]]) -> None:
    """A Markdown table of the fields the first row scores, one row per (label, total)."""
    fields = [f for f in FIELDS if rows[0][1].ratio(f) is not None]
    print("| | " + " | ".join(fields) + " |")
    for label, total in rows:
        print(f"| {label} | " + " | ".join(f"{total.ratio(f):.3f}" for f in fields) + " |")
