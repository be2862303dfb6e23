"""Topic tags from evidence: keyword occurrences in the title, sub-headings and text.

The taxonomy (tags, keywords, exclusions, weights, threshold) is data in
`wenxian/data/taxonomy.yml`, validated when it is loaded, so a contributor's pull request that
breaks it fails with a message naming the file. Matching is one pass of an Aho–Corasick
automaton (pyahocorasick) over the simplified form of each block, so traditional-script
articles match the same simplified keywords and the cost does not grow with the number of
keywords. Every tag comes with its evidence (which keywords, how often, where, on which lines)
so that `wenxian extract` can show a contributor why it was given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick
import yaml

from .errors import WenxianError
from .escape import unescape_line
from .script import to_simplified

TAXONOMY_PATH = "wenxian/data/taxonomy.yml"
LOCATIONS = ("title", "heading", "body")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Characters ignored on both sides of a match: spacing, quotes, enumeration comma, middle dots.
_IGNORED = re.compile(r"[\s\u3000、“”‘’\"'·・•]")


class TaxonomyError(WenxianError):
    """The taxonomy data file breaks its schema (duplicate name or slug, missing field…)."""


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str
    label: str
    description: str
    description_en: str | None
    keywords: tuple[str, ...]
    exclude: tuple[str, ...]
    threshold: int


@dataclass(frozen=True)
class Taxonomy:
    tags: tuple[Tag, ...]
    threshold: int
    weights: dict
    automaton: object  # ahocorasick.Automaton: normalised phrase -> ((tag index, is_exclusion, phrase), ...)

    def names(self) -> frozenset[str]:
        return frozenset(t.name for t in self.tags)


def normalise(text: str) -> str:
    """The form keywords and text are compared in: simplified script, ignored characters removed."""
    return _IGNORED.sub("", to_simplified(text))


def _problems(data) -> list[str]:
    """Schema problems of a parsed taxonomy file (empty when valid)."""
    if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
        return ["must be a mapping with a 'tags' list"]
    out = []
    settings = data.get("settings") or {}
    if not isinstance(settings.get("threshold"), int) or settings["threshold"] < 1:
        out.append("settings.threshold must be an integer >= 1")
    weights = settings.get("weights") or {}
    for loc in LOCATIONS:
        if not isinstance(weights.get(loc), int) or weights[loc] < 0:
            out.append(f"settings.weights.{loc} must be an integer >= 0")
    names: dict[str, int] = {}
    slugs: dict[str, int] = {}
    for i, entry in enumerate(data["tags"], 1):
        where = f"tag #{i}"
        if not isinstance(entry, dict):
            out.append(f"{where}: must be a mapping")
            continue
        name = entry.get("name")
        if isinstance(name, str) and name:
            where = f"tag #{i} '{name}'"
        unknown = set(entry) - {"name", "slug", "label", "description", "description_en", "keywords", "exclude", "threshold"}
        if unknown:
            out.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        for field in ("name", "slug", "label", "description"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                out.append(f"{where}: missing required field '{field}'")
        if entry.get("description_en") is not None and not isinstance(entry["description_en"], str):
            out.append(f"{where}: 'description_en' must be text")
        if isinstance(name, str) and name:
            if name in names:
                out.append(f"{where}: duplicate name (also tag #{names[name]})")
            names.setdefault(name, i)
        slug = entry.get("slug")
        if isinstance(slug, str) and slug:
            if not _SLUG.match(slug):
                out.append(f"{where}: slug '{slug}' must be lowercase ASCII letters, digits and hyphens")
            if slug in slugs:
                out.append(f"{where}: duplicate slug '{slug}' (also tag #{slugs[slug]})")
            slugs.setdefault(slug, i)
        if "threshold" in entry and (not isinstance(entry["threshold"], int) or entry["threshold"] < 1):
            out.append(f"{where}: threshold must be an integer >= 1")
        for field, required in (("keywords", True), ("exclude", False)):
            words = entry.get(field)
            if words is None and not required:
                continue
            if not isinstance(words, list) or (required and not words) or not all(isinstance(w, str) and w.strip() for w in words):
                out.append(f"{where}: '{field}' must be a list of words" + (" (at least one)" if required else ""))
                continue
            seen = set()
            for w in words:
                if to_simplified(w) != w:
                    out.append(f"{where}: {field} '{w}' must be written in simplified script ('{to_simplified(w)}')")
                if normalise(w) in seen:
                    out.append(f"{where}: {field} '{w}' is listed twice")
                seen.add(normalise(w))
    return out


def parse_taxonomy(text: str, path: str = TAXONOMY_PATH) -> Taxonomy:
    """Validate and compile a taxonomy file's text. Raises TaxonomyError naming `path`."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TaxonomyError(path, f"not valid YAML ({exc})") from None
    problems = _problems(data)
    if problems:
        raise TaxonomyError(path, "; ".join(problems))
    settings = data["settings"]
    tags = tuple(
        Tag(e["name"], e["slug"], e["label"].strip(), e["description"].strip(), (e.get("description_en") or "").strip() or None,
            tuple(e["keywords"]), tuple(e.get("exclude") or ()), e.get("threshold", settings["threshold"]))
        for e in data["tags"])
    phrases: dict[str, list] = {}
    for index, tag in enumerate(tags):
        for is_exclusion, words in ((False, tag.keywords), (True, tag.exclude)):
            for w in words:
                phrases.setdefault(normalise(w), []).append((index, is_exclusion, w))
    automaton = ahocorasick.Automaton()
    for phrase, payload in phrases.items():
        automaton.add_word(phrase, (len(phrase), tuple(payload)))
    automaton.make_automaton()
    return Taxonomy(tags, settings["threshold"], dict(settings["weights"]), automaton)


@lru_cache(maxsize=None)
def taxonomy() -> Taxonomy:
    """The package's taxonomy (loaded, validated and compiled once per process)."""
    return parse_taxonomy(resources.files("wenxian.data").joinpath("taxonomy.yml").read_text("utf-8"))


def taxonomy_for_site(tax: Taxonomy | None = None) -> list[dict]:
    """Tags for topic pages, in taxonomy order: name, slug, label, description, description_en."""
    tax = tax or taxonomy()
    return [{"name": t.name, "slug": t.slug, "label": t.label, "description": t.description,
             "description_en": t.description_en} for t in tax.tags]


def _matches(tax: Taxonomy, text: str) -> dict[int, list[tuple[int, int, str]]]:
    """Counted keyword matches in one block: tag index -> [(start, end, keyword)].

    Within a tag, matches inside an exclusion phrase are dropped and overlapping matches are
    resolved leftmost-longest, so one stretch of text is one piece of evidence per tag.
    """
    keywords: dict[int, list[tuple[int, int, str]]] = {}
    exclusions: dict[int, list[tuple[int, int]]] = {}
    for end, (length, payload) in tax.automaton.iter(text):
        start = end - length + 1
        for index, is_exclusion, word in payload:
            if is_exclusion:
                exclusions.setdefault(index, []).append((start, end + 1))
            else:
                keywords.setdefault(index, []).append((start, end + 1, word))
    counted = {}
    for index, found in keywords.items():
        excl = exclusions.get(index, ())
        found = [m for m in found if not any(s <= m[0] and m[1] <= e for s, e in excl)]
        found.sort(key=lambda m: (m[0], m[0] - m[1]))
        kept, reach = [], -1
        for m in found:
            if m[0] >= reach:
                kept.append(m)
                reach = m[1]
        if kept:
            counted[index] = kept
    return counted


def evidence(title: str | None, blocks, tax: Taxonomy | None = None) -> list[dict]:
    """Evidence for every tag with at least one counted keyword, best score first.

    `blocks` are (kind, text, line) with kind 'heading' or anything else (text); `line` is the
    line number in the capture (or None). Each result: {tag, slug, score, threshold, assigned,
    keywords: [{keyword, count, title, heading, body, lines}]}.
    """
    tax = tax or taxonomy()
    located = [("title", title, None)] if title else []
    located += [("heading" if kind == "heading" else "body", text, line) for kind, text, line in blocks]
    per_tag: dict[int, dict[str, dict]] = {}
    for location, text, line in located:
        for index, found in _matches(tax, normalise(text)).items():
            words = per_tag.setdefault(index, {})
            for _, _, word in found:
                ev = words.setdefault(word, {"keyword": word, "count": 0, "title": 0, "heading": 0, "body": 0, "lines": []})
                ev["count"] += 1
                ev[location] += 1
                if line is not None and line not in ev["lines"]:
                    ev["lines"].append(line)
    out = []
    for index, words in per_tag.items():
        tag = tax.tags[index]
        score = sum(ev[loc] * tax.weights[loc] for ev in words.values() for loc in LOCATIONS)
        kws = sorted(words.values(), key=lambda ev: (-ev["count"], ev["keyword"]))
        out.append((-score, index, {"tag": tag.name, "slug": tag.slug, "score": score, "threshold": tag.threshold,
                                     "assigned": score >= tag.threshold, "keywords": kws}))
    return [e for _, _, e in sorted(out, key=lambda t: t[:2])]


def assign(title: str | None, blocks, tax: Taxonomy | None = None) -> tuple[list[str], list[dict]]:
    """(tag names given, evidence of every candidate) for an article's title and blocks."""
    ev = evidence(title, blocks, tax)
    return [e["tag"] for e in ev if e["assigned"]], ev


def blocks_from_markdown(body: str) -> list[tuple[str, str, None]]:
    """(kind, text, None) blocks of a stored article body (escaped Markdown, `## ` headings), so
    tags can be recomputed from docs/articles/<id>.md."""
    out = []
    for block in body.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if block.startswith("## "):
            out.append(("heading", unescape_line(block[3:]), None))
        else:
            out.append(("paragraph", unescape_line(block), None))
    return out


def unknown_tags(located_tags, tax: Taxonomy | None = None) -> list[tuple[int, str]]:
    """(line, message) for frontmatter tags that are not in the taxonomy.

    `located_tags` are (line, value) pairs, e.g. from `article.list_item_lines(text, 'tags')`.
    """
    tax = tax or taxonomy()
    names = tax.names()
    out = []
    for line, value in located_tags:
        if not isinstance(value, str):
            out.append((line, f"tag {value!r} must be text (a tag name from {TAXONOMY_PATH})"))
        elif value not in names:
            out.append((line, f"tag '{value}' is not in the taxonomy ({TAXONOMY_PATH})"))
    return out


def report_lines(tag_evidence: list[dict]) -> list[str]:
    """Readable evidence for `wenxian extract`: one line per given tag with its score and the
    keywords that earned it (title/heading mentions marked), then the tags that fell short."""
    given = [e for e in tag_evidence if e["assigned"]]
    out = [f"tags:      {'、'.join(e['tag'] for e in given) or None}"]
    for e in given:
        out.append(f"  {e['tag']} ({e['slug']}): score {e['score']} >= {e['threshold']}: " + _keywords(e))
    short = [e for e in tag_evidence if not e["assigned"]]
    if short:
        out.append("  below threshold: " + "; ".join(f"{e['tag']} {e['score']}/{e['threshold']} ({_keywords(e)})" for e in short))
    return out


def _keywords(e: dict) -> str:
    parts = []
    for k in e["keywords"]:
        where = [f"{loc} {k[loc]}" for loc in ("title", "heading") if k[loc]]
        lines = f" lines {','.join(map(str, k['lines'][:8]))}{'…' if len(k['lines']) > 8 else ''}" if k["lines"] else ""
        parts.append(f"{k['keyword']}×{k['count']}" + (f" [{', '.join(where)}]" if where else "") + lines)
    return ", ".join(parts)
