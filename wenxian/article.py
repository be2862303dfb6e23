"""Article files: YAML frontmatter (safe dumper, never string formatting) + escaped Markdown body."""
from __future__ import annotations

import re

import yaml

from . import values
from .escape import escape_line, unescape_line

FIELDS = ("id", "title", "source", "source_url", "author", "date", "captured", "script", "encoding",
          "region", "places", "tags", "raw", "sha256", "quality")
REQUIRED = ("id", "script", "raw", "sha256", "quality")
# libyaml's safe loader when available: same results, several times faster (site builds parse
# every article's frontmatter).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml's safe dumper: the same YAML as yaml.SafeDumper, ~20x faster on a frontmatter with a
# long `places` list (it was most of the time of `wenxian add`).
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z")  # \Z: no trailing newline


def to_markdown(meta: dict, body: str) -> str:
    front = {k: meta.get(k) for k in FIELDS}
    dumped = yaml.dump(front, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return f"---\n{dumped}---\n\n{body}"


def parse(text: str) -> tuple[dict, str, int]:
    """(frontmatter, body, line number where the body starts). Raises ValueError on bad YAML."""
    if not text.startswith("---\n"):
        raise ValueError("no frontmatter (file must start with ---)")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ValueError("frontmatter is not closed with ---")
    try:
        meta = yaml.load(text[4:end], Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as exc:  # the documented contract: bad YAML is a ValueError
        raise ValueError(f"frontmatter is not valid YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(meta, dict):
        raise ValueError("frontmatter is not a mapping")
    body, start = text[end + 5:], text[: end + 5].count("\n") + 1
    if body.startswith("\n"):  # the blank line after the closing ---
        body, start = body[1:], start + 1
    return meta, body, start


def validate(meta: dict) -> list[str]:
    """Problems with one article's frontmatter, as messages (empty when valid)."""
    problems = [f"unknown field '{k}'" for k in meta if k not in FIELDS]
    problems += [f"missing required field '{k}'" for k in REQUIRED if meta.get(k) in (None, "")]
    for k in ("title", "source", "source_url"):
        if meta.get(k) is not None and not isinstance(meta[k], str):
            problems.append(f"'{k}' must be text or null")
    problems += values_problems(meta)
    for k in ("date", "captured"):
        v = meta.get(k)
        if v is not None and not (isinstance(v, str) and DATE.match(v)):
            problems.append(f"'{k}' must be YYYY, YYYY-MM or YYYY-MM-DD (quoted) or null, got {v!r}")
    for k in ("author", "region", "places", "tags"):
        if k in meta and not isinstance(meta[k], list):
            problems.append(f"'{k}' must be a list")
    if meta.get("script") not in (None, "hans", "hant"):
        problems.append(f"'script' must be hans or hant, got {meta.get('script')!r}")
    if "sha256" in meta and not (isinstance(meta["sha256"], str) and re.fullmatch(r"[0-9a-f]{64}", meta["sha256"])):
        problems.append("'sha256' must be 64 lowercase hex digits")
    return problems


def values_problems(meta: dict) -> list[str]:
    """Text values must be inert (values.py): no control characters, no open bidi override, and
    `source_url` a plain http(s) address."""
    out = []
    for k in ("title", "source"):
        p = isinstance(meta.get(k), str) and values.text_problem(meta[k])
        if p:
            out.append(f"'{k}' {p}")
    authors = meta.get("author") if isinstance(meta.get("author"), list) else []
    for name in authors:
        p = values.text_problem(name) if isinstance(name, str) else "must be text"
        if p:
            out.append(f"'author' {name!r} {p}")
    p = isinstance(meta.get("source_url"), str) and values.url_problem(meta["source_url"])
    if p:
        out.append(f"'source_url' {p}")
    return out


IMAGE_MARKER = "〔图片〕"  # visible marker of an image placeholder kept from the source
BLOCK_PREFIXES = ("## ", IMAGE_MARKER)  # our own markup in a body: sub-heading, image marker


def split_prefix(line: str) -> tuple[str, str]:
    """('## ' | IMAGE_MARKER | '', rest) for one body line."""
    prefix = next((p for p in BLOCK_PREFIXES if line.startswith(p)), "")
    return prefix, line[len(prefix):]


def body_blocks(body: str) -> list[tuple[str, str]]:
    """(prefix, source text) of every non-blank body line, escaping undone: the capture's own
    text, which fixtures, search and tests compare with; the prefix says heading/image/paragraph."""
    out = []
    for line in body.split("\n"):
        prefix, rest = split_prefix(line)
        text = unescape_line(rest).strip()
        if text:
            out.append((prefix, text))
    return out


def unsafe_body_lines(body: str):
    """(line offset, message) for body lines that are not escaped source text: any Markdown or
    HTML beyond our own heading and image-marker prefixes would reach the site as markup."""
    for n, line in enumerate(body.split("\n")):
        text = split_prefix(line)[1]
        if text and escape_line(unescape_line(text)) != text:
            yield n, "body line is not escaped text (Markdown or HTML would reach the site)"


def list_item_lines(text: str, key: str) -> list[tuple[int, object]]:
    """(file line number, value) of each item of the top-level list `key` in an article's
    frontmatter, so `check` can name the line of a bad tag or region. Empty when the field is
    absent or not a list; call after `parse` has accepted the file."""
    end = text.find("\n---\n", 4)
    if not (text.startswith("---\n") and end >= 0):
        return []
    front = text[4:end]
    node = yaml.compose(front, Loader=_SAFE_LOADER)  # libyaml: `check` runs this on every article
    if not isinstance(node, yaml.MappingNode):
        return []
    found = [v for k, v in node.value if k.value == key]
    if not found or not isinstance(found[-1], yaml.SequenceNode):  # the loader keeps the last duplicate
        return []
    items = found[-1].value
    values = (yaml.load(front, Loader=_SAFE_LOADER) or {}).get(key)
    if not (isinstance(values, list) and len(values) == len(items)):
        values = [yaml.safe_load(yaml.serialize(item)) for item in items]
    return [(item.start_mark.line + 2, value) for item, value in zip(items, values)]


def item_lines(text: str, field: str) -> list[int]:
    """File line number (1-based) of each item of a list field in the frontmatter."""
    return [n for n, _ in list_item_lines(text, field)]


def gazetteer_problems(meta: dict, text: str):
    """(line, message) for `region` and `places` items that do not match the gazetteer."""
    from .gazetteer import load

    gaz = load()
    for field in ("region", "places"):
        items = meta.get(field)
        if not isinstance(items, list):
            continue
        lines = None  # line numbers only when there is a problem to report (YAML composing is slow)
        for i, item in enumerate(items):
            problem = gaz.validate(item)
            if field == "places" and problem is None and not (isinstance(item.get("mentions"), int)
                                                              and item["mentions"] > 0):
                problem = "'mentions' must be a positive whole number"
            if problem:
                lines = item_lines(text, field) if lines is None else lines
                yield (lines[i] if i < len(lines) else 1), f"{field}[{i}]: {problem}"
