"""Search records: what the Pagefind index holds for each article (pure functions).

Pagefind's own Chinese handling fails researchers (DESIGN §6): its index-time segmenter and the
browser's query-time segmenter disagree, a character inside a word is not found, traditional and
simplified live in separate indexes, and unmatched terms are dropped. So the index is built from
our own tokens instead of Pagefind's segmentation:

* the article text (title + body) is *folded* (NFKC, lower case, one script: `search_fold`);
* the folded text is cut into runs of letters/digits (punctuation and spaces separate runs,
  except between two CJK ideographs, where they are dropped: a phrase is found without its
  punctuation and across a paragraph break);
* the metadata values a query also looks in (source, authors, tags, region names: `meta_values`)
  are folded and cut the same way, each on its own;
* the tokens are every character bigram of every run plus the last character of each run, each
  once per article. Pagefind matches query words by prefix, so a one-character query finds every
  article containing that character, a two-character query is an exact lookup, and a longer one
  is the intersection of its bigrams — a superset that the browser narrows to exact substring
  matches using the article text, which is written into each result fragment after indexing
  (grep semantics; see wenxian/search/bundle.py).

Records use the language code `und` so that Pagefind neither segments nor stems the tokens. The
page Pagefind reads (`index_page`) writes the tokens as one compound word at one position, then
filler up to a fixed number of words (`page_words`): the bytes a query downloads per shard are then
mostly page numbers (see PARK and FILLER below).
"""
from __future__ import annotations

import html
import re

from ..article import DEVISED_LENGTH, body_text, devised_title  # noqa: F401  (devised: the one definition)
from ..dates import sort_date
from ..places import levels
from .fold import fold, fold_table

LANGUAGE = "und"
LEVELS = levels.LEVELS[:3]  # the levels search filters by


def article_text(meta: dict, body: str) -> str:
    """What search looks in: the title line, then the body (the same text tests grep)."""
    title = meta.get("title") or ""
    return f"{title}\n{body_text(body)}" if title else body_text(body)


# Python's \w on str is exactly str.isalnum() plus "_" (sre's Unicode word class), so this is a
# maximal run of str.isalnum() characters, found in C instead of a loop per character.
_RUN = re.compile(r"[^\W_]+")
# Chinese is written without spaces, and a reader types a phrase without its punctuation
# (一户一策一人一策 for 一户一策、一人一策) or across a paragraph break: what separates two CJK
# ideographs (punctuation, spaces, line breaks) is dropped before cutting runs. Between Latin
# letters and digits it still separates (1911 does not match 2019.11). The ranges are
# search_fold's; the browser's JOIN (docs/assets/search/search.js) spells the same ones.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_JOIN = re.compile(f"(?<=[{_CJK}])[\\W_]+(?=[{_CJK}])")


def runs(folded: str) -> list[str]:
    """Maximal runs of letters and digits (str.isalnum == JS /[\\p{L}\\p{N}]/u), after dropping
    the separators between two CJK ideographs."""
    return _RUN.findall(_JOIN.sub("", folded))


def tokens(text: str, table: dict[str, str] | None = None) -> list[str]:
    """Sorted distinct bigrams of every run of the folded text, plus each run's last character."""
    return folded_tokens(fold(text, table))


def folded_tokens(folded: str, values: list[str] = ()) -> list[str]:
    """`tokens` of text that is already folded (the search hook folds every text once), and of
    each folded metadata value on its own (`meta_values`: no bigram spans two of them)."""
    seen = set()
    for part in (folded, *values):
        for run in runs(part):
            seen.update(run[i:i + 2] for i in range(len(run)))
    return sorted(seen)


# Metadata a query also looks in (besides title and text), each value matched on its own; the
# keys are the display fields that carry them to the browser (`display`).
META_FIELDS = ("source", "author", "tags", "regions")


def meta_values(meta: dict) -> dict[str, list[str]]:
    """{field: values} searched besides the text: the source, every author, every tag and the name
    of every level of every region (province to village)."""
    names = []
    for reg in meta.get("region") or []:
        if isinstance(reg, dict) and reg.get("path"):
            names += [n for n in str(reg["path"]).split("/") if n and n not in names]
    listed = {k: [str(v) for v in meta.get(k) or [] if v] if isinstance(meta.get(k), list) else []
              for k in ("author", "tags")}
    return {"source": [str(meta["source"])] if meta.get("source") else [], "author": listed["author"],
            "tags": listed["tags"], "regions": names}


def all_meta_values(meta: dict) -> list[str]:
    return [v for values in meta_values(meta).values() for v in values]


def region_codes(regions: list) -> list[str]:
    """Filter values for `region`: the province, prefecture and county codes of every place the
    article is about (derived from the 12-digit code of its most specific level)."""
    out = []
    for reg in regions or []:
        code = str(reg.get("code") or "") if isinstance(reg, dict) else ""
        depth = len(str(reg.get("path") or "").split("/")) if isinstance(reg, dict) else 0
        if len(code) != 12 or not code.isdigit():
            continue
        for level in LEVELS[:depth]:
            out.append(levels.code_at(code, level))
    return sorted(set(out))


def region_labels(regions: list) -> dict[str, list[str]]:
    """{code: [name, level, parent code]} for the province/prefecture/county levels of `regions`."""
    labels = {}
    for reg in regions or []:
        if not isinstance(reg, dict):
            continue
        names = str(reg.get("path") or "").split("/")
        code = str(reg.get("code") or "")
        if len(code) != 12 or not code.isdigit():
            continue
        parent = ""
        for level, name in zip(LEVELS, names):
            c = levels.code_at(code, level)
            labels[c] = [name, level, parent]
            parent = c
    return labels


def record(meta: dict, body: str, table: dict[str, str] | None = None) -> dict:
    """Keyword arguments for PagefindIndex.add_custom_record for one article.

    The URL is the zh-Hans page; the browser maps it to the reader's script (/hant/ twin).
    Metadata is left empty on purpose: Pagefind 1.5 indexes metadata values as words, which
    would put untokenised text into the index (false matches, a larger index). What results show
    comes from `display`, written into the fragment after indexing (wenxian.search.bundle)."""
    table = fold_table() if table is None else table
    values = [fold(v, table) for v in all_meta_values(meta)]
    return {**fields(meta), "content": " ".join(folded_tokens(fold(article_text(meta, body), table), values))}


def fields(meta: dict) -> dict:
    """The record without its content: URL, language, empty meta, filters and sort key."""
    date = str(meta.get("date") or "")
    filters = {"region": region_codes(meta.get("region")), "topic": [str(t) for t in meta.get("tags") or []],
               "source": [str(meta["source"])] if meta.get("source") else [], "year": [date[:4]] if date else []}
    return {
        "url": url(meta),
        "language": LANGUAGE,
        "meta": {},
        "filters": {k: v for k, v in filters.items() if v},
        "sort": {"date": sort_date(meta.get("date"))},
    }


# Pagefind keeps, for every word of a page, the positions where it occurs, and its index chunks
# (each about 10,000 word-page entries: chunk_index(…, 20000) in pagefind/src/index/mod.rs, a
# query term downloads one chunk per shard) spend most of their bytes on those positions: a
# token's position in its page is a number up to the page's token count, which gzip cannot
# squeeze. Search never uses positions (each token is one word; the browser checks the text), so
# every token that Pagefind would index unchanged as a part of a compound word is joined into one
# compound ("PARK-tok-tok-…"): Pagefind indexes the parts of a compound at the position of the
# whole word, all with weight 1, so every posting holds the same two numbers and a chunk is about
# 2.4 times smaller (measured: 21.5 → 8.9 KB a chunk, same memory; docs/performance.md).
# Pagefind also indexes the compound as one long word (its letters without the hyphens): PARK, two
# characters of CJK extension G that sort after every character a query can fold to, puts those
# long words in chunks of their own at the end of the index, which no query of real text loads.
PARK = "\U0003134a\U0003134a"
# Parts Pagefind keeps as they are (pagefind/src/fossick/splitting.rs: ASCII punctuation splits,
# convert_case's lower case splits letters from digits, parts of one byte are dropped): runs of CJK
# ideographs, of two or more ASCII lower-case letters, or of two or more ASCII digits. Any other
# token (é, a1, a single letter) stays a word of its own.
_PART = re.compile(f"[{_CJK}]+|[a-z]{{2,}}|[0-9]{{2,}}")


# Pagefind's metadata file, which every query loads for every shard, lists each page's word count
# (its number of space-separated words here: the compound, then the tokens that are not parts).
# Varying counts cost about a byte a page; filling every page up to WORDS words with FILLER (one
# word that sorts after the compounds' long words, so that its chunks are never loaded either, and
# which ends the index with a short word rather than a long one in the metadata's chunk list)
# makes the counts one repeated number. Pagefind's relevance then compares pages of equal length.
FILLER = PARK + PARK[0]
WORDS = 32


def page_words(tokens: list[str]) -> str:
    """The text of a token page: the tokens that can be compound parts joined into one compound
    after PARK (one position for all of them), then the others, then FILLER up to WORDS words;
    space-separated. No tokens, no words."""
    parts: list[str] = [PARK]
    others: list[str] = []
    for t in tokens:  # one test per token (a rebuild writes 3,000 pages of ≈ 700 tokens)
        (parts if _PART.fullmatch(t) else others).append(t)
    words = ["-".join(parts)] * (len(parts) > 1) + others
    return " ".join(words + [FILLER] * (WORDS - len(words))) if words else ""


def index_page(rec: dict) -> str:
    """The record as a minimal HTML page for the Pagefind CLI (which indexes a folder of pages in
    parallel; the Python service answers one record per 100 ms poll). No <title> or <h1>, so
    Pagefind adds no metadata words; the tokens as `page_words`; filters and sort key as
    Pagefind data attributes."""
    words = page_words(rec["content"].split(" ")) if rec["content"] else ""
    parts = [f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>',
             f"<main data-pagefind-body>{html.escape(words)}</main>"]
    for name, values in rec["filters"].items():
        parts += [f'<span data-pagefind-filter="{name}" hidden>{html.escape(v)}</span>' for v in values]
    for name, value in rec["sort"].items():
        parts.append(f'<span data-pagefind-sort="{name}" hidden>{html.escape(value)}</span>')
    parts.append("</body></html>\n")
    return "".join(parts)


def url(meta: dict) -> str:
    return f"/articles/{meta['id']}/"


# Pagefind reads one token page per record. Written as a folder with an index.html each, 3,000
# pages cost 3,000 mkdir calls (≈ 1 s of a rebuild that re-indexes one shard); written as one
# file each in one folder, Pagefind gives the page the URL of its file ("/articles/<id>.html"),
# which the fragment rewrite turns back into the record's URL (wenxian.search.bundle).
def page_file(record_url: str) -> str:
    """Where the token page of the record with this URL is written, below Pagefind's --site."""
    return record_url.strip("/") + ".html"


def record_url(pagefind_url: str) -> str:
    """The record URL of a token page from the URL Pagefind gives it (page_file inverted)."""
    return pagefind_url[:-len(".html")] + "/" if pagefind_url.endswith(".html") else pagefind_url


def reader_forms(shown: dict, table: dict[str, str], display_map: dict[str, str]) -> dict[str, str]:
    """{field: how the article pages in the other script write it} for the title, source and
    region paths of a display, where the browser's character-by-character approximation (toReader
    in search.js over fold.txt) would write it otherwise (制圖 for 製圖, 塔裡木鄉 for 塔里木鄉): the
    result then shows exactly what the article page shows. Region names are simplified (gazetteer)."""
    from ..site.twins import place_name, to_script
    script = shown["script"]
    other = "hans" if script == "hant" else "hant"

    def browser(text: str, source: str) -> str:
        if source == "hans":  # on a traditional page: representative -> its display form
            return "".join(display_map.get(c, c) if table.get(c, c) == c else c for c in text)
        return "".join(table.get(c, c) for c in text)  # on a simplified page: the fold

    out = {}
    for field in ("title", "source"):
        value = shown[field]
        if value and browser(value, script) != to_script(value, script, other):
            out[field] = to_script(value, script, other)
    paths = [p for p in shown["regions"].split("|") if p]
    proper = "|".join("/".join(place_name(n, "hant") for n in p.split("/")) for p in paths)
    if paths and browser(shown["regions"], "hans") != proper:
        out["regions"] = proper
    return out


def display(meta: dict, body: str, text: str | None = None, table: dict[str, str] | None = None,
            display_map: dict[str, str] | None = None) -> dict:
    """What a result shows and what the browser verifies matches against (plain strings; the
    browser escapes them): id, title (devised in brackets when the article has none), date,
    source, authors and tags (|-separated), region paths (|-separated, levels by /), script, text
    (`text`: article_text(meta, body) when the caller has it already). A term matches the text
    or one of the metadata values (meta_values: source, author, tag, a region's name). With the
    fold `table` and its `display_map` (search_fold.display_table), `alt` holds the fields the
    browser would write differently from the article pages in the other script (reader_forms)."""
    regions = [str(r.get("path")) for r in meta.get("region") or [] if isinstance(r, dict) and r.get("path")]
    title = str(meta.get("title") or "") or devised_title(body)
    values = meta_values(meta)
    shown = {"id": str(meta["id"]), "title": title, "date": str(meta.get("date") or ""),
            "source": str(meta.get("source") or ""), "author": "|".join(values["author"]),
            "tags": "|".join(values["tags"]), "regions": "|".join(regions),
            "script": str(meta.get("script") or "hans"), "text": article_text(meta, body) if text is None else text}
    if table is not None:
        alt = reader_forms(shown, table, display_map if display_map is not None else _display_map(table))
        if alt:
            shown["alt"] = alt
    return shown


def _display_map(table: dict[str, str]) -> dict[str, str]:
    from .fold import display_table
    return display_table(table)


def browser_table(table: dict[str, str] | None = None, display: dict[str, str] | None = None,
                  present: set[str] | None = None) -> str:
    """The fold for the browser as one compact string: groups separated by spaces, each group
    `representative, traditional display form of it, other members` (display = representative
    when it has none). With `present` (the folded characters of the archive), only the groups
    whose representative occurs are kept: a query character of any other group cannot match,
    however it is folded, so the browser need not download it."""
    from .fold import display_table
    table = fold_table() if table is None else table
    display = display_table(table) if display is None else display
    groups: dict[str, list[str]] = {}
    for ch, rep in table.items():
        if present is None or rep in present:
            groups.setdefault(rep, []).append(ch)
    out = []
    for rep in sorted(groups):
        disp = display.get(rep, rep)
        others = sorted(c for c in groups[rep] if c != disp)
        out.append(rep + disp + "".join(others))
    return " ".join(out)
