"""Article files: YAML frontmatter (safe dumper, never string formatting) + escaped Markdown body."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as _field
from functools import lru_cache

import yaml

from . import safeyaml, schema
from .escape import escape_line, escape_lines, unescape_line

FIELDS = ("id", "title", "source", "source_url", "author", "date", "captured", "script", "encoding",
          "region", "places", "tags", "raw", "sha256", "quality")
REQUIRED = ("id", "script", "raw", "sha256", "quality")
# libyaml's safe loader when available: same results, several times faster (site builds parse
# every article's frontmatter).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml's safe dumper: the same YAML as yaml.SafeDumper, ~20x faster on a frontmatter with a
# long `places` list (it was most of the time of `wenxian add`).
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Absent:
    """The value of an optional key that extraction did not report (pickles as itself)."""

    def __repr__(self) -> str:
        return "ABSENT"

    def __reduce__(self):
        return "ABSENT"


ABSENT = _Absent()


@dataclass(frozen=True)
class ExtractedArticle(Mapping):
    """What extraction returns (wenxian.ingest.pipeline.extract): the values of the frontmatter
    it knows (FIELDS but `raw`, which `add` gives), the escaped Markdown body, and the report
    (tag evidence, removed lines, warnings; for a saved page where each value was read and a
    WeChat article's 阅读原文 link; for a web archive its record's date). `frontmatter()` is
    what `add` writes. It reads like the JSON object of `wenxian extract --json` (`art["title"]`,
    `art.get("captured")`, `dict(art)` with the keys in that order); the optional keys are
    absent, not None, when extraction did not report them."""
    id: str
    title: str | None
    date: str | None
    source: str | None
    source_url: str | None
    author: list
    script: str
    encoding: str
    region: list
    places: list
    tags: list
    tag_evidence: list
    quality: dict
    body: str
    removed: list
    sha256: str
    metadata_origin: dict | _Absent = ABSENT
    original_url: str | None | _Absent = ABSENT
    warnings: list = _field(default_factory=list)
    captured: str | None | _Absent = ABSENT

    @classmethod
    def from_dict(cls, values: dict) -> "ExtractedArticle":
        return cls(**values)

    def replace(self, **changes) -> "ExtractedArticle":
        return dataclasses.replace(self, **changes)

    def frontmatter(self) -> dict:
        """The frontmatter values extraction gives (FIELDS order, `raw` excepted)."""
        return {k: self[k] for k in FIELDS if k in self}

    def to_dict(self) -> dict:
        return dict(self.items())

    def __getitem__(self, key: str):
        value = getattr(self, key, ABSENT) if isinstance(key, str) and key in _EXTRACTED_KEYS else ABSENT
        if value is ABSENT:
            raise KeyError(key)
        return value

    def __iter__(self):
        return (k for k in _EXTRACTED_KEYS if getattr(self, k) is not ABSENT)

    def __len__(self) -> int:
        return sum(1 for _ in self)


_EXTRACTED_KEYS = tuple(f.name for f in dataclasses.fields(ExtractedArticle))


def to_markdown(meta: dict, body: str) -> str:
    front = {k: meta.get(k) for k in FIELDS}
    dumped = yaml.dump(front, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return f"---\n{dumped}---\n\n{body}"


class FrontmatterError(ValueError):
    """An article file that cannot be read as frontmatter + body: `line` is the file line."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


def split(text: str) -> tuple[str, str, int]:
    """(frontmatter YAML, body, file line where the body starts) of an article file."""
    if not text.startswith("---\n"):
        raise FrontmatterError("no frontmatter (file must start with ---)")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise FrontmatterError("frontmatter is not closed with ---")
    body, start = text[end + 5:], text[: end + 5].count("\n") + 1
    if body.startswith("\n"):  # the blank line after the closing ---
        body, start = body[1:], start + 1
    return text[4:end], body, start


def parse_lines(text: str) -> tuple[dict, str, int, dict[str, int]]:
    """(frontmatter, body, body start line, {field: file line}). The YAML is loaded without
    anchors or aliases, duplicate keys or deep nesting, within a size limit (safeyaml);
    FrontmatterError (a ValueError) names the file line of the problem."""
    front, body, start = split(text)
    lim = schema.limits()
    try:
        meta, lines = safeyaml.load(front, lim["max_bytes"], lim["max_depth"])
    except safeyaml.YamlError as exc:
        raise FrontmatterError(f"frontmatter {exc}", (exc.line or 0) + 1) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontmatterError("frontmatter is not a mapping", 2)
    return meta, body, start, {k: n + 1 for k, n in lines.items()}


def parse(text: str) -> tuple[dict, str, int]:
    """(frontmatter, body, line number where the body starts). Raises ValueError
    (FrontmatterError, with the file line) on bad YAML."""
    meta, body, start, _ = parse_lines(text)
    return meta, body, start


def validate(meta: dict) -> list[str]:
    """Problems with one article's frontmatter by the declared schema (wenxian/schema.py), as
    messages (empty when valid)."""
    return [m for _, _, m in schema.problems(meta)]


IMAGE_MARKER = "〔图片〕"  # visible marker of an image placeholder kept from the source
BLOCK_PREFIXES = ("## ", IMAGE_MARKER)  # our own markup in a body: sub-heading, image marker
_PREFIXES = re.compile("(?m)^(?:" + "|".join(re.escape(p) for p in BLOCK_PREFIXES) + ")")


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


def body_text(body: str, markers: bool = False) -> str:
    """The article's text without Markdown, one block per line: escapes undone, heading prefixes
    dropped. The one body-to-text function: search indexes it and fixtures compare with it
    (image placeholder lines dropped, each line stripped: `body_blocks`); with markers=True it
    is the `text` of the exports, where an image placeholder keeps its visible marker (〔图片〕)
    and a line keeps its spaces."""
    if not markers:
        return "\n".join(text for _prefix, text in body_blocks(body))
    lines = []
    for line in body.split("\n"):
        if not line.strip():
            continue
        if line.startswith("## "):
            line = line[3:]
        lines.append(unescape_line(line))
    return "\n".join(lines)


DEVISED_LENGTH = 16  # characters of the first sentence in a devised title
_SENTENCE_END = re.compile(r"[。！？；!?;]")


def devised_title(body: str) -> str:
    """A title for an article that has none, shown wherever a title is (lists, search results,
    citations, feed) instead of a bare id or a placeholder: the start of its first sentence in
    square brackets, as cataloguers mark a devised title ([首句前若干字…]); '' when the body has
    no text either. Never written into the article's `title`."""
    plain = body_text(body).strip()
    first = plain.split("\n", 1)[0].strip()
    sentence = _SENTENCE_END.split(first, 1)[0].strip() or first
    if not sentence:
        return ""
    more = len(sentence) > DEVISED_LENGTH or plain.rstrip("。！？；!?;") != sentence
    return f"[{sentence[:DEVISED_LENGTH]}{'…' if more else ''}]"


def unsafe_body_lines(body: str):
    """(line offset, message) for body lines that are not escaped source text: any Markdown or
    HTML beyond our own heading and image-marker prefixes would reach the site as markup.
    The whole body is checked at once first (the build validates every article on every run);
    lines are looked at one by one only when something is wrong."""
    text = _PREFIXES.sub("", body)
    if escape_lines(unescape_line(text)) == text:
        return
    for n, line in enumerate(body.split("\n")):
        text = split_prefix(line)[1]
        if text and escape_line(unescape_line(text)) != text:
            yield n, "body line is not escaped text (Markdown or HTML would reach the site)"


def list_item_lines(text: str, key: str) -> list[tuple[int, object]]:
    """(file line number, value) of each item of the top-level list `key` in an article's
    frontmatter, so `check` can name the line of a bad tag or region. Empty when the field is
    absent or not a list; call after `parse` has accepted the file."""
    meta, _, _, _ = parse_lines(text)
    values = meta.get(key)
    lines = [n + 1 for n in safeyaml.item_lines(split(text)[0], key)]
    if not (isinstance(values, list) and len(values) == len(lines)):
        return []
    return list(zip(lines, values))


def item_lines(text: str, field: str) -> list[int]:
    """File line number (1-based) of each item of a list field in the frontmatter."""
    return [n + 1 for n in safeyaml.item_lines(split(text)[0], field)]


def problems(text: str, parsed: tuple[dict, str] | None = None, check_tags: bool = True) -> list[tuple[int, str]]:
    """(file line, message) for everything wrong inside one article file: frontmatter (YAML
    limits, the declared schema, taxonomy tags, gazetteer places) and body (escaped text only).
    The one validation of an article: `wenxian check` and the site build both call it, so the
    site never publishes what `check` refuses. `parsed`: (frontmatter, body) already parsed from
    `text` (the build's cache); line numbers are then worked out only when there is a problem."""
    if parsed is None:
        try:
            meta, body, start, lines = parse_lines(text)
        except FrontmatterError as exc:
            return [(exc.line, str(exc))]
    else:
        (meta, body), start, lines = parsed, split(text)[2], None
    found = schema.problems(meta)
    if found and lines is None:
        lines = parse_lines(text)[3]
    out, items = [], {}
    for field, index, message in found:
        line = lines.get(field, 1) if field else 1
        if index is not None:
            if field not in items:
                items[field] = item_lines(text, field)
            line = items[field][index] if index < len(items[field]) else line
        out.append((line, message))
    listed = meta.get("tags")
    if check_tags and isinstance(listed, list) and listed:
        from . import tags

        names = tags.taxonomy().names()
        if not all(isinstance(t, str) and t in names for t in listed) or len(set(map(str, listed))) != len(listed):
            out += tags.frontmatter_problems(list_item_lines(text, "tags"))
    out += [(start + n, m) for n, m in unsafe_body_lines(body)]
    skip = {(f, i) for f, i, _ in found if f in ("region", "places")}  # items the schema refused
    out += list(gazetteer_problems(meta, text, skip))
    return sorted(out, key=lambda p: p[0])


@lru_cache(maxsize=65536)
def _gazetteer_problem(path, code, level) -> str | None:
    from .places.gazetteer import load

    return load().validate({"path": path, "code": code, "level": level} if path is not None else None)


def gazetteer_problems(meta: dict, text: str, skip: set = frozenset()):
    """(line, message) for `region` and `places` items that do not match the gazetteer; `skip`:
    (field, index) of items already refused ((field, None): the whole field)."""
    for field in ("region", "places"):
        items = meta.get(field)
        if not isinstance(items, list) or (field, None) in skip:
            continue
        lines = None  # line numbers only when there is a problem to report (YAML composing is slow)
        for i, item in enumerate(items):
            if (field, i) in skip:
                continue
            # the form of items is the schema's (schema.py); the same places recur across articles
            if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("path", "code", "level")):
                problem = _gazetteer_problem(item["path"], item["code"], item["level"])
            else:
                problem = _gazetteer_problem(None, None, None)
            if problem:
                lines = item_lines(text, field) if lines is None else lines
                yield (lines[i] if i < len(lines) else 1), f"{field}[{i}]: {problem}"
