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

import ahocorasick
import yaml

from .errors import WenxianError
from . import datafiles
from .script import to_simplified

TAXONOMY_PATH = "wenxian/data/taxonomy.yml"
LOCATIONS = ("title", "heading", "body")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Characters ignored on both sides of a match: spacing, quotes, enumeration comma, middle dots.
_IGNORED = re.compile(r"[\s\u3000、“”‘’\"'·・•]")


class TaxonomyError(WenxianError):
    """The taxonomy data file breaks its schema (duplicate name or slug, missing field…)."""

    def __init__(self, path: str, problem: str, problems: list[tuple[int, str]] = ()):
        super().__init__(path, problem)
        self.problems = list(problems)


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


def _entry_lines(text: str) -> tuple[int, list[int]]:
    """(line of `settings`, line of each `tags` entry), 1-based, for messages that point at the
    entry to fix. Call only on text that parsed as YAML."""
    node = yaml.compose(text)
    settings_line, entries = 1, []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "settings":
                settings_line = key.start_mark.line + 1
            elif key.value == "tags" and isinstance(value, yaml.SequenceNode):
                entries = [item.start_mark.line + 1 for item in value.value]
    return settings_line, entries


def _settings_problems(settings) -> list[str]:
    settings = settings if isinstance(settings, dict) else {}
    out = []
    if not isinstance(settings.get("threshold"), int) or settings["threshold"] < 1:
        out.append("settings.threshold must be an integer >= 1")
    weights = settings.get("weights") if isinstance(settings.get("weights"), dict) else {}
    for loc in LOCATIONS:
        if not isinstance(weights.get(loc), int) or weights[loc] < 0:
            out.append(f"settings.weights.{loc} must be an integer >= 0")
    return out


def _words_problems(entry: dict) -> list[str]:
    out = []
    for field, required in (("keywords", True), ("exclude", False)):
        words = entry.get(field)
        if words is None and not required:
            continue
        if not isinstance(words, list) or (required and not words) or not all(isinstance(w, str) and w.strip() for w in words):
            out.append(f"'{field}' must be a list of words" + (" (at least one)" if required else ""))
            continue
        seen = set()
        for w in words:
            if to_simplified(w) != w:
                out.append(f"{field} '{w}' must be written in simplified script ('{to_simplified(w)}')")
            if not normalise(w):
                out.append(f"{field} '{w}' is empty once spacing and punctuation are ignored")
            if normalise(w) in seen:
                out.append(f"{field} '{w}' is listed twice")
            seen.add(normalise(w))
    if isinstance(entry.get("keywords"), list) and isinstance(entry.get("exclude"), list):
        excluded = {normalise(w) for w in entry["exclude"] if isinstance(w, str)}
        out += [f"keyword '{w}' is also excluded (it could never count)" for w in entry["keywords"]
                if isinstance(w, str) and normalise(w) in excluded]
    return out


def _entry_problems(entry, i: int, names: dict, slugs: dict) -> list[str]:
    """Problems of the i-th tag entry; `names`/`slugs` collect earlier entries for duplicates."""
    if not isinstance(entry, dict):
        return [f"tag #{i}: must be a mapping"]
    out = []
    unknown = set(entry) - {"name", "slug", "label", "description", "description_en", "keywords", "exclude", "threshold"}
    if unknown:
        out.append(f"unknown field(s) {', '.join(sorted(unknown))}")
    for field in ("name", "slug", "label", "description"):
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            out.append(f"missing required field '{field}'")
    if entry.get("description_en") is not None and not isinstance(entry["description_en"], str):
        out.append("'description_en' must be text")
    name, slug = entry.get("name"), entry.get("slug")
    if isinstance(name, str) and name:
        if name in names:
            out.append(f"duplicate name (also tag #{names[name]})")
        names.setdefault(name, i)
    if isinstance(slug, str) and slug:
        if not _SLUG.match(slug):
            out.append(f"slug '{slug}' must be lowercase ASCII letters, digits and hyphens")
        if slug in slugs:
            out.append(f"duplicate slug '{slug}' (also tag #{slugs[slug]})")
        slugs.setdefault(slug, i)
    if "threshold" in entry and (not isinstance(entry["threshold"], int) or entry["threshold"] < 1):
        out.append("threshold must be an integer >= 1")
    out += _words_problems(entry)
    where = f"tag #{i} '{name}'" if isinstance(name, str) and name else f"tag #{i}"
    return [f"{where}: {m}" for m in out]


def taxonomy_problems(text: str) -> list[tuple[int, str]]:
    """(line, message) for every schema problem of a taxonomy file's text (empty when valid)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [((mark.line + 1) if mark else 1, f"not valid YAML ({getattr(exc, 'problem', None) or exc})")]
    if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
        return [(1, "must be a mapping with a 'tags' list")]
    settings_line, entry_lines = _entry_lines(text)
    out = [(settings_line, m) for m in _settings_problems(data.get("settings"))]
    names: dict[str, int] = {}
    slugs: dict[str, int] = {}
    for i, (entry, line) in enumerate(zip(data["tags"], entry_lines), 1):
        out += [(line, m) for m in _entry_problems(entry, i, names, slugs)]
    return out


def parse_taxonomy(text: str, path: str = TAXONOMY_PATH) -> Taxonomy:
    """Validate and compile a taxonomy file's text. Raises TaxonomyError naming `path` (its
    `problems` hold every (line, message))."""
    problems = taxonomy_problems(text)
    if problems:
        raise TaxonomyError(path, "; ".join(f"line {n}: {m}" for n, m in problems), problems)
    data = yaml.safe_load(text)
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
    return parse_taxonomy(datafiles.read_text("taxonomy.yml"))


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


def frontmatter_problems(located_tags, tax: Taxonomy | None = None) -> list[tuple[int, str]]:
    """(line, message) for frontmatter tags that are not taxonomy names, or are listed twice.

    `located_tags` are (line, value) pairs, e.g. from `article.list_item_lines(text, 'tags')`.
    """
    tax = tax or taxonomy()
    names = tax.names()
    out, seen = [], set()
    for line, value in located_tags:
        if not isinstance(value, str):
            out.append((line, f"tag {value!r} must be text (a tag name from {TAXONOMY_PATH})"))
        elif value not in names:
            near = nearest(value, tax)
            out.append((line, f"tag '{value}' is not in the taxonomy ({TAXONOMY_PATH})"
                              + (f"; nearest tags: {', '.join(near)}" if near else "")))
        elif value in seen:
            out.append((line, f"tag '{value}' is listed twice"))
        seen.add(value if isinstance(value, str) else None)
    return out


def nearest(value: str, tax: Taxonomy | None = None, n: int = 5) -> list[str]:
    """Taxonomy names to suggest for a tag that is not one (`check`): topics that list the value
    as a keyword, then names containing it or contained in it (shortest first), then names
    spelt alike (difflib); at most `n`, in that order."""
    import difflib

    tax = tax or taxonomy()
    key = normalise(value)
    if not key:
        return []
    out = [t.name for t in tax.tags if key in (normalise(k) for k in t.keywords)]
    names = sorted((t.name for t in tax.tags), key=len)
    out += [name for name in names if key in name or name in key]
    out += difflib.get_close_matches(key, [t.name for t in tax.tags], n=n, cutoff=0.5)
    return list(dict.fromkeys(out))[:n]


def report_lines(tag_evidence: list[dict]) -> list[str]:
    """Readable evidence for `wenxian extract`: one line per given tag with its score and the
    keywords that earned it (title/heading mentions marked), then the tags that fell short."""
    given = [e for e in tag_evidence if e["assigned"]]
    out = [f"tags:      {'、'.join(e['tag'] for e in given) or '(none)'}"]  # as empty regions and places
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
