"""The catalog: every article's frontmatter, read once per build, and the indexes built from it
in one pass (regions, topics, sources, years). Everything the pages need comes from here, so
no page ever scans all articles: page work is linear in the number of articles.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from .. import article as article_mod
from .. import article_loader
from .. import dates
from .. import datafiles
from ..errors import WenxianError
from ..places import levels
from ..places.levels import LEVEL_NAMES, LEVELS  # noqa: F401  (LEVEL_NAMES: read by indexes)

# Digits of the 12-digit administrative code that identify each level (GB/T 2260 + township/village).


@dataclass
class Article:
    id: str
    meta: dict
    body: str
    path: str

    @property
    def script(self) -> str:
        return self.meta.get("script") or "hans"

    @property
    def date(self) -> str | None:
        return self.meta.get("date")

    def get(self, key, default=None):
        value = self.meta.get(key)
        return default if value is None else value


@dataclass
class Node:
    """One administrative unit; `about` and `mentioned` hold the ids of its whole subtree,
    newest first (the catalog is built in that order)."""
    code: str
    name: str
    level: str
    parent: str | None
    children: dict[str, "Node"] = field(default_factory=dict)
    about: dict[str, None] = field(default_factory=dict)      # ordered set, newest first
    mentioned: dict[str, None] = field(default_factory=dict)


@dataclass
class Topic:
    name: str
    slug: str
    description: str = ""
    ids: list[str] = field(default_factory=list)


@dataclass
class Catalog:
    articles: dict[str, Article]
    newest: list[str]                       # ids, newest first (undated last)
    regions: dict[str, Node]                # every node by code
    roots: list[Node]                       # provinces
    topics: dict[str, Topic]                # by slug
    sources: dict[str, tuple[str, list[str]]]  # slug -> (name, ids)
    years: dict[str, list[str]]             # 'YYYY' -> ids; '' for undated
    # Page fragments that are the same on every page, made once per build (wenxian.site.markup).
    memo: dict = field(default_factory=dict)


def parse_article(path: str, text: str, cache_dir=None, checked: bool = False) -> Article:
    """The article of one file, validated; parsing is shared and cached by content
    (wenxian.article_loader, with `cache_dir` on disk too). `checked`: this very text passed
    the validation with this very code before (wenxian.site.build.catalog keeps the record)."""
    try:
        meta, body = article_loader.parse(text, cache_dir)
    except ValueError as exc:
        raise WenxianError(path, f"line {getattr(exc, 'line', 1)}: {exc}") from None
    if checked:
        return Article(id=meta["id"], meta=meta, body=body, path=path)
    # The same validation as `wenxian check` (article.problems): what check refuses is never
    # published, whether or not check was run.
    problems = article_mod.problems(text, (meta, body))
    if problems:
        raise WenxianError(path, f"line {problems[0][0]}: " + "; ".join(m for _, m in problems[:5])
                           + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
                           + "; run `wenxian check`")
    return Article(id=meta["id"], meta=meta, body=body, path=path)


def newest_key(a: Article):
    """Sort key: dated articles newest first, then undated ones; ties by id for a stable order."""
    return (*dates.newest_first(a.date), a.id)


def source_slug(name: str) -> str:
    """ASCII slug for a source name: a hash, never a transliteration of Chinese text."""
    return "s" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def fallback_tag_slug(name: str) -> str:
    return "t" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, Topic]:
    """Taxonomy entries by tag name from data/taxonomy.yml (name, slug, description), or {}
    while the taxonomy has not been written. Accepts a top-level list or a `tags:` list."""
    res = datafiles.file("taxonomy.yml")
    if not res.is_file():
        return {}
    data = yaml.safe_load(res.read_text("utf-8")) or []
    if isinstance(data, dict):
        data = data.get("tags") or []
    out = {}
    for entry in data:
        name = entry.get("name")
        if name:
            out[name] = Topic(name=name, slug=entry.get("slug") or fallback_tag_slug(name),
                              description=entry.get("description") or entry.get("label") or "")
    return out


@lru_cache(maxsize=1 << 16)
def _chain(path: str, code: str, level: str):
    return levels.chain({"path": path, "code": code, "level": level})


def region_chain(entry: dict, path: str) -> list[tuple[str, str, str]]:
    """[(code, name, level)] from province down to the entry's own level (places.levels.chain,
    once per distinct place: the same places recur in thousands of articles); WenxianError
    naming the file for an entry that has none. Treat the result as read-only."""
    key = (entry.get("path"), entry.get("code"), entry.get("level")) if isinstance(entry, dict) else None
    if key is not None and type(key[0]) is str and type(key[1]) is str and type(key[2]) is str:
        out = _chain(*key)
    else:
        out = levels.chain(entry)
    if out is not None:
        return out
    if not isinstance(entry, dict):
        raise WenxianError(path, f"region entry must be a mapping, got {entry!r}")
    names = [n for n in str(entry.get("path") or "").split("/") if n]
    if not names or not levels.CODE12.match(str(entry.get("code") or "")) or entry.get("level") not in levels.LEVELS:
        raise WenxianError(path, f"region entry needs path, 12-digit code and level, got {entry!r}")
    raise WenxianError(path, f"region path has more names than levels: {entry!r}")


def build(articles: list[Article]) -> Catalog:
    """All indexes in one pass over the articles."""
    by_id: dict[str, Article] = {}
    for a in articles:
        if a.id in by_id:
            raise WenxianError(a.path, f"duplicate id {a.id} (also in {by_id[a.id].path})")
        by_id[a.id] = a
    newest = [a.id for a in sorted(articles, key=newest_key)]
    regions: dict[str, Node] = {}
    roots: dict[str, Node] = {}
    tax = taxonomy()
    topics: dict[str, Topic] = {}
    sources: dict[str, tuple[str, list[str]]] = {}
    years: dict[str, list[str]] = {}
    chains: dict[str, tuple[list, list]] = {}
    for aid in newest:  # newest first, so every list below is already in page order
        a = by_id[aid]
        mine = chains[aid] = ([], [])
        for kind, attr, out in (("region", "about", mine[0]), ("places", "mentioned", mine[1])):
            for entry in a.get(kind, []):
                parent = None
                chain = region_chain(entry, a.path)
                out.append(chain)
                for code, name, level in chain:
                    node = regions.get(code)
                    if node is None:
                        node = regions[code] = Node(code, name, level, parent.code if parent else None)
                        (parent.children if parent else roots)[code] = node
                    elif (node.name, node.level) != (name, level):
                        raise WenxianError(a.path, f"region code {code} is {name} ({level}) here but "
                                                   f"{node.name} ({node.level}) elsewhere")
                    getattr(node, attr)[aid] = None
                    parent = node
        for name in a.get("tags", []):
            known = tax.get(name)
            slug = known.slug if known else fallback_tag_slug(name)
            topic = topics.setdefault(slug, Topic(name, slug, known.description if known else ""))
            if aid not in topic.ids[-1:]:  # a tag listed twice in one article
                topic.ids.append(aid)
        if a.get("source"):
            slug = source_slug(a.meta["source"])
            sources.setdefault(slug, (a.meta["source"], []))[1].append(aid)
        years.setdefault((a.date or "")[:4], []).append(aid)
    return Catalog(by_id, newest, regions, sorted(roots.values(), key=lambda n: n.code), topics, sources, years,
                   memo={"chains": chains})


def chains(cat: Catalog, aid: str) -> tuple[list, list]:
    """The region chains of an article's `region` and `places` entries, in their order, as
    `build` made them (region_chain): the page keys and the metadata panel read them again,
    and half a million look-ups at 20,000 articles cost seconds."""
    got = cat.memo.get("chains", {}).get(aid)
    if got is None:
        a = cat.articles[aid]
        got = ([region_chain(e, a.path) for e in a.get("region", [])],
               [region_chain(e, a.path) for e in a.get("places", [])])
    return got



def only_mentioned_ids(cat: Catalog, node: Node) -> list[str]:
    """Ids of the articles that mention the place without being about it (newest first), once
    per build and node: the tree, the counts and every page of a node read them (made again on
    each read, a province's list was seconds at 20,000 articles). Treat as read-only."""
    memo = cat.memo.setdefault("only_mentioned", {})
    got = memo.get(node.code)
    if got is None:
        got = memo[node.code] = [aid for aid in node.mentioned if aid not in node.about]
    return got


# Levels whose page draws a map of its units (wenxian.site.regionmap): never folded into a section.
MAP_LEVELS = ("province", "prefecture")


@lru_cache(maxsize=1)
def fold_max() -> int:
    """Most articles a leaf node may list and still be a section of its parent's page
    (data/listings.yml `fold_max`)."""
    return int(datafiles.load("listings.yml").get("fold_max", 0))


def region_places(cat: Catalog) -> dict[str, tuple[str, str]]:
    """{code: (code of the region page that shows the node, anchor on it or '')}. A node has a
    page of its own unless
    - it would list exactly what its parent lists (a village whose articles are all its
      township's): it is shown where its parent is (same page and anchor); a child's lists are
      subsets of its parent's (the catalog adds an article to every node of its chain), so they
      are the same lists exactly when their lengths are;
    - or it is *folded*: no node below it has a page, it lists at most fold_max() articles and
      it is not a province or prefecture (whose page has a map): its parent's page shows it as a
      section `#r<code>` (indexes.region_sections). At 20,000 synthetic articles 82 % of the
      region pages were such leaves, most listing one article (issue 18).
    Once per build (cat.memo)."""
    got = cat.memo.get("region_places")
    if got is not None:
        return got
    limit = fold_max()
    only: dict[str, int] = {}
    same: dict[str, bool] = {}
    folded: dict[str, bool] = {}

    def visit(node: Node, parent: Node | None) -> bool:
        """Decide the node's subtree bottom-up; True when the node has a page of its own."""
        only[node.code] = len(only_mentioned_ids(cat, node))
        same[node.code] = parent is not None and len(node.about) == len(parent.about) \
            and only[node.code] == only[parent.code]
        below = False
        for child in node.children.values():
            below = visit(child, node) or below
        folded[node.code] = (not same[node.code] and parent is not None and not below and node.level not in MAP_LEVELS
                             and len(node.about) + only[node.code] <= limit)
        return not same[node.code] and not folded[node.code]

    out: dict[str, tuple[str, str]] = {}

    def place(node: Node, parent: Node | None) -> None:
        if parent is not None and same[node.code]:
            out[node.code] = out[parent.code]
        elif parent is not None and folded[node.code]:
            out[node.code] = (out[parent.code][0], "r" + node.code)
        else:
            out[node.code] = (node.code, "")
        for child in node.children.values():
            place(child, node)

    for root in cat.roots:
        visit(root, None)
        place(root, None)
    cat.memo["region_places"] = out
    return out


def region_pages(cat: Catalog) -> dict[str, str]:
    """{code: code of the region page that shows the node} (region_places without anchors); a
    node has a page of its own when the value is its own code."""
    got = cat.memo.get("region_pages")
    if got is None:
        got = cat.memo["region_pages"] = {code: home for code, (home, _) in region_places(cat).items()}
    return got


def region_target(cat: Catalog, code: str) -> str:
    """Site URL (simplified script) of where the node `code` is shown: its page, or the section
    of the page that shows it (`regions/<parent>/#r<code>`)."""
    from . import urls

    home, anchor = region_places(cat)[code]
    return urls.region(home) + (f"#{anchor}" if anchor else "")


def region_href(cat: Catalog, code: str, page: str, script: str) -> str:
    """Relative link from `page` to where the node `code` is shown in `script` (region_target)."""
    from . import urls

    home, anchor = region_places(cat)[code]
    return urls.rel(page, urls.in_script(urls.region(home), script)) + (f"#{anchor}" if anchor else "")


def region_sections(cat: Catalog) -> dict[str, list[str]]:
    """{code of a region page: codes of the folded nodes it shows as sections, in tree order}."""
    got = cat.memo.get("region_sections")
    if got is None:
        got = {}
        for code in sorted(region_places(cat)):  # codes sort in tree order (parents first)
            home, anchor = region_places(cat)[code]
            if anchor == "r" + code:
                got.setdefault(home, []).append(code)
        cat.memo["region_sections"] = got
    return got
