"""Article files: YAML frontmatter (safe dumper, never string formatting) + escaped Markdown body."""
from __future__ import annotations

import re

import yaml

from .escape import escape_line, unescape_line

FIELDS = ("id", "title", "source", "source_url", "author", "date", "captured", "script", "encoding",
          "region", "places", "tags", "raw", "sha256", "quality")
REQUIRED = ("id", "script", "raw", "sha256", "quality")
# libyaml's safe loader when PyYAML has it (about 10x faster over a large archive), same results.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def to_markdown(meta: dict, body: str) -> str:
    front = {k: meta.get(k) for k in FIELDS}
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return f"---\n{dumped}---\n\n{body}"


def parse(text: str) -> tuple[dict, str, int]:
    """(frontmatter, body, line number where the body starts). Raises ValueError on bad YAML."""
    if not text.startswith("---\n"):
        raise ValueError("no frontmatter (file must start with ---)")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ValueError("frontmatter is not closed with ---")
    meta = yaml.load(text[4:end], Loader=_SAFE_LOADER) or {}
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


BLOCK_PREFIXES = ("## ", "〔图片〕")


def unsafe_body_lines(body: str):
    """(line offset, message) for body lines that are not escaped source text: any Markdown or
    HTML beyond our own heading and image-marker prefixes would reach the site as markup."""
    for n, line in enumerate(body.split("\n")):
        text = line
        for prefix in BLOCK_PREFIXES:
            if text.startswith(prefix):
                text = text[len(prefix):]
                break
        if text and escape_line(unescape_line(text)) != text:
            yield n, "body line is not escaped text (Markdown or HTML would reach the site)"
