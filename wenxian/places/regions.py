"""Region recognition: which administrative places an article names, and which it is about.

Why it is built this way:
- One multi-pattern index holds every written form of provinces, prefectures, counties and
  townships (~38,000 strings, hashed on their first two characters) and finds the leftmost-
  longest names in one pass over the text (`scan`), so 特克斯县 wins over 特克斯 and
  新疆维吾尔自治区 over 新疆.
- Village names (~620,000, and they repeat all over China: 东风村, 红星村) are never searched
  nationwide. They are looked up only among the villages of a county that the same paragraph
  names. Township names repeat too (城关镇 exists hundreds of times), so a township counts only
  when its county is named in the same paragraph (a prefix chain like 特克斯县喀拉托海镇 is the
  common case).
- A name several counties share (鼓楼区) or a generated short form (特克斯 for 特克斯县) counts
  only when the article also names that county's province or prefecture.
- `places` keeps every mention. `region` keeps what the article is about: mentions that are
  destinations of labour transfer (转移到江苏南京), aid providers (扬州援疆) or outlets and
  institutions (新疆日报) are left out, and the most specific level with evidence is reported.

Recognition runs on the simplified form of the text: traditional input is converted first.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from . import gazetteer
from .. import datafiles
from ..script import detect_script, to_simplified

SEPARATORS = set("、，,和及与或以")
_CODE_LENGTHS = (2, 4, 6, 9, 12)  # natural lengths of province … village codes


@dataclass
class Mention:
    code: str      # natural-length gazetteer code
    start: int     # offset in the analysed (simplified) text, title first
    end: int       # exclusive
    para: int
    title: bool
    role: str = "about"   # about | destination | provider | institution | visitor


@lru_cache(maxsize=1)
def cues() -> dict:
    return yaml.safe_load(datafiles.read_text("regions.yml"))


@lru_cache(maxsize=1)
def name_index() -> dict[str, tuple[str, ...]]:
    """First two characters -> every written form starting with them, longest first."""
    gaz = gazetteer.load()
    index: dict[str, list[str]] = {}
    for form in sorted([*gaz.forms(), *gaz.informal], key=len, reverse=True):
        index.setdefault(form[:2], []).append(form)
    return {k: tuple(v) for k, v in index.items()}


def scan(text: str, index: dict[str, tuple[str, ...]]):
    """Leftmost-longest, non-overlapping names in `text`: (start, end, form).

    One hash lookup per position on the first two characters (every name has at least two),
    then a longest-first comparison among the few names sharing them. Measured against
    pyahocorasick 2.3.1 (`iter_long`) on 2,500 characters of a seed: 1.3 ms against 4.7 ms (its
    root node has thousands of children), and the index builds in tens of milliseconds where the
    automaton took 0.26 s, which kept loading over the 0.5 s budget."""
    i, n = 0, len(text) - 1
    while i < n:
        forms = index.get(text[i:i + 2])
        if forms:
            for form in forms:
                if text.startswith(form, i):
                    yield i, i + len(form), form
                    i += len(form)
                    break
            else:
                i += 1
        else:
            i += 1


@lru_cache(maxsize=512)
def county_villages(county: str) -> dict[str, list[tuple[str, str]]]:
    """First two characters -> [(village name, code)] for the villages of one county."""
    gaz = gazetteer.load()
    out: dict[str, list[tuple[str, str]]] = {}
    for township in gaz.townships_by_county.get(county, ()):
        for code, name in gaz.villages(township).items():
            if len(name) >= 3:
                out.setdefault(name[:2], []).append((name, code))
    return out


def recognize(text: str, title: str | None = None, script: str | None = None) -> dict:
    """{'region': [...], 'places': [...], 'informal': [...]} for one article.

    Region and place items: {path, code (12 digits), level, mentions, first}; `first` is the
    offset of the first mention in the simplified title + newline + text. `script` ('hans' or
    'hant') skips detection when the caller knows it."""
    if (script or detect_script((title or "") + text)) == "hant":
        text, title = to_simplified(text), to_simplified(title) if title else title
    paragraphs = ([title] if title else []) + text.split("\n")
    gaz = gazetteer.load()
    raw, informal = find_names(paragraphs, bool(title))
    mentions = resolve(gaz, raw, "兵团" in text or "兵团" in (title or ""))
    mentions += find_villages(gaz, mentions, paragraphs, bool(title))
    mentions.sort(key=lambda m: m.start)
    assign_roles(mentions, paragraphs)
    places = summarize(gaz, mentions)
    return {"region": choose_region(gaz, mentions, informal), "places": places,
            "informal": [{"name": k, "mentions": len(v), "first": v[0]} for k, v in informal.items()]}


def find_names(paragraphs: list[str], has_title: bool):
    """Leftmost-longest names per paragraph: ([(form, start, end, para, in_title)], informal)."""
    not_after = tuple(cues()["not_place_after"])
    not_before = tuple(cues()["not_place_before"])
    informal_forms = gazetteer.load().informal
    index = name_index()
    found, informal, offset = [], {}, 0
    for p, para in enumerate(paragraphs):
        for start, end, form in scan(para, index):
            if para.startswith(not_after, end) or para[:start].endswith(not_before):
                continue
            if form in informal_forms:
                informal.setdefault(form, []).append(offset + start)
            else:
                found.append((form, offset + start, offset + end, p, has_title and p == 0))
        offset += len(para) + 1
    return found, informal


def resolve(gaz: gazetteer.Gazetteer, raw: list, bingtuan: bool) -> list[Mention]:
    """One gazetteer unit per name, or none when the text gives no way to tell which is meant."""
    names = {form: gaz.candidates(form) for form, *_ in raw}
    evidence: set[str] = set()      # unambiguous units (≤ county) and all their ancestors
    for form, *_ in raw:
        cands = names[form]
        if len(cands) == 1 and len(cands[0].code) <= 6 and not needs_evidence(cands[0], form):
            evidence.update(gaz.chain(cands[0].code))
    times: dict[str, int] = {}
    for form, *_ in raw:
        times[form] = times.get(form, 0) + 1
    counties: list[Mention] = []
    townships: list[tuple[list[str], tuple]] = []
    for item in raw:
        form, start, end, p, title = item
        upper = [n for n in names[form] if len(n.code) <= 6]
        if not upper:
            townships.append(([n.code for n in names[form]], item))
            continue
        if upper[0].kind == "bingtuan" and not bingtuan:
            continue
        if len(upper) == 1 and upper[0].kind == "generated" and len(form) == 2 and len(upper[0].code) == 6:
            # 民丰 (农民丰收), 于田 (致力于田间), 新和 (创新和发展): a two-character county short
            # form counts only once the article has named that county in full.
            upper = [n for n in upper if n.code in evidence]
        elif len(upper) > 1 or needs_evidence(upper[0], form) and not (
                len(upper[0].code) == 4 and times[form] > 1):   # a prefecture named twice
            upper = [n for n in upper if evidence.intersection(gaz.chain(n.code)[:-1])]
        if len(upper) > 1 and counties and counties[-1].end == start:   # 南京市鼓楼区: the chain decides
            upper = [n for n in upper if counties[-1].code in gaz.chain(n.code)]
        if len(upper) == 1:
            counties.append(Mention(upper[0].code, start, end, p, title))
    by_para: dict[int, set[str]] = {}
    for m in counties:
        by_para.setdefault(m.para, set()).add(m.code)
    ending_at = {m.end: m.code for m in counties}
    out = list(counties)
    for codes, (form, start, end, p, title) in townships:
        near = by_para.get(p, set())
        ok = [c for c in codes if gaz.county_of(c) in near]
        if len(ok) > 1 and start in ending_at:
            ok = [c for c in ok if gaz.county_of(c) == ending_at[start]]
        if len(ok) == 1:
            out.append(Mention(ok[0], start, end, p, title))
    return out


def needs_evidence(name: gazetteer.Name, form: str) -> bool:
    """Short forms of counties and two-character names (东区, 巴中) are too often something
    else: they count only when the article names the province or prefecture around them (or,
    for a prefecture, names it more than once)."""
    if name.kind == "short" or len(name.code) == 2:
        return False
    return len(form) <= 2 or (name.kind == "generated" and len(name.code) == 6)


def paragraph_offsets(paragraphs: list[str]) -> list[int]:
    """Offset of each paragraph in the analysed text (paragraphs joined by newlines)."""
    offsets, off = [], 0
    for para in paragraphs:
        offsets.append(off)
        off += len(para) + 1
    return offsets


def find_villages(gaz, mentions: list[Mention], paragraphs: list[str], has_title: bool) -> list[Mention]:
    """Villages of the counties (and townships) each paragraph names, found in that paragraph:
    one pass over the paragraph with the merged village index of its first
    `max_village_counties` counties, so the work is linear in the text."""
    offsets = paragraph_offsets(paragraphs)
    per_para: dict[int, dict[str, None]] = {}  # ordered: counties in order of mention
    for m in sorted(mentions, key=lambda m: m.start):
        county = m.code if len(m.code) == 6 or m.code in gaz.townships_by_county else gaz.county_of(m.code)
        if county:
            per_para.setdefault(m.para, {})[county] = None
    taken = {(m.para, i) for m in mentions for i in range(m.start, m.end)}
    not_after = tuple(cues()["not_village_after"])
    most = cues()["max_village_counties"]
    out = []
    for p, counties in per_para.items():
        para = paragraphs[p]
        index: dict[str, list[tuple[str, str]]] = {}
        for county in sorted(list(counties)[:most]):
            for first, entries in county_villages(county).items():
                index.setdefault(first, []).extend(entries)
        for i in range(len(para) - 2):
            for name, code in index.get(para[i:i + 2], ()):
                if (para.startswith(name, i) and (p, offsets[p] + i) not in taken
                        and not para.startswith(not_after, i + len(name))):
                    out.append((p, i, name, code))
    out = _outermost(out)
    chosen: dict[tuple[int, int], list] = {}
    for p, i, name, code in out:
        chosen.setdefault((p, i), []).append((name, code))
    result = []
    named_by_para: dict[int, set[str]] = {}
    for m in mentions:
        if len(m.code) == 9:
            named_by_para.setdefault(m.para, set()).add(m.code)
    for (p, i), options in chosen.items():
        longest = max(len(n) for n, _ in options)
        options = [o for o in options if len(o[0]) == longest]
        if len(options) > 1:
            options = [o for o in options if o[1][:9] in named_by_para.get(p, set())]
        if len(options) == 1:
            start = offsets[p] + i
            result.append(Mention(options[0][1], start, start + longest, p, has_title and p == 0))
    return result


def _outermost(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The hits (para, start, name, code) not strictly inside another hit's span: each span is
    compared only with the spans starting at most one name length before it (linear)."""
    ends: dict[tuple[int, int], set[int]] = {}
    for p, i, name, _ in hits:
        ends.setdefault((p, i), set()).add(i + len(name))
    longest = max((len(name) for _, _, name, _ in hits), default=0)
    out = []
    for hit in hits:
        p, i, name, _ = hit
        end = i + len(name)
        inside = any(b >= end and (a, b) != (i, end)
                     for a in range(max(0, i - longest), i + 1) for b in ends.get((p, a), ()))
        if not inside:
            out.append(hit)
    return out


def assign_roles(mentions: list[Mention], paragraphs: list[str]) -> None:
    """Mark destinations of labour transfer, aid providers, visiting delegations and
    institutions (in place); every other mention stays `about`."""
    c = cues()
    offsets = paragraph_offsets(paragraphs)
    prev = None
    for m in mentions:
        para, s, e = paragraphs[m.para], m.start - offsets[m.para], m.end - offsets[m.para]
        before, after = para[max(0, s - 8):s], para[e:e + 16]
        if after.startswith(tuple(c["institution_after"])):
            m.role = "institution"
        elif any(w in after[:c["visitor_window"]] for w in c["visitor_after"]):
            m.role = "visitor"
        elif any(w in after[:c["provider_window"]] for w in c["provider_after"]):
            m.role = "provider"
        elif before.endswith(tuple(c["destination_before"])):
            m.role = "destination"
        elif before.endswith(tuple(c["destination_near_before"])) and any(
                w in after[:c["destination_window"]] for w in c["destination_work"]):
            m.role = "destination"
        elif before.endswith(tuple(c["destination_list_before"])) and any(
                w in para[e:e + c["destination_list_window"]] for w in c["destination_list_verbs"]):
            m.role = "destination"   # 向乌鲁木齐市、阿克苏市、阿拉尔市转移就业
        elif (prev is not None and prev.para == m.para and prev.role == "destination"
              and set(para[prev.end - offsets[m.para]:s]) <= SEPARATORS):
            m.role = "destination"   # 转移到江苏南京 / 到浙江、江苏、广东等地
        prev = m
    # An aid provider or a visiting delegation is one for the whole article, with its parts
    # (the first such unit containing a mention decides; looked up by the mention's code
    # prefixes, so the work is linear in the mentions).
    outsiders: dict[str, tuple[int, str]] = {}
    for m in mentions:
        if m.role in ("provider", "visitor"):
            outsiders[m.code] = (outsiders[m.code][0] if m.code in outsiders else len(outsiders), m.role)
    for m in mentions:
        if m.role != "about":
            continue
        found = [outsiders[m.code[:n]] for n in _CODE_LENGTHS if n <= len(m.code) and m.code[:n] in outsiders]
        if found:
            m.role = min(found)[1]
    # A name written right before a unit inside it (佛山顺德区) shares that unit's role.
    for m, n in zip(mentions[::-1][1:], mentions[::-1]):
        if n.start == m.end and n.code.startswith(m.code):
            m.role = n.role


def summarize(gaz, mentions: list[Mention]) -> list[dict]:
    """One item per unit: {path, code, level, mentions, first}, most mentioned first."""
    counts: dict[str, list[int]] = {}
    for m in mentions:
        counts.setdefault(m.code, []).append(m.start)
    items = [dict(gaz.entry(code), mentions=len(starts), first=min(starts)) for code, starts in counts.items()]
    return sorted(items, key=lambda x: (-x["mentions"], x["first"]))


def choose_region(gaz, mentions: list[Mention], informal: dict) -> list[dict]:
    """The places the article is about, at one level: counties (with their townships and
    villages where evidenced) when they carry enough of the article's weight compared with the
    prefectures and provinces it names directly, else prefectures, else provinces, else the
    prefectures of an informal region (南疆)."""
    c = cues()
    about = [m for m in mentions if m.role == "about"]
    weight = lambda m: c["title_weight"] if m.title else 1  # noqa: E731
    mass = {n: sum(weight(m) for m in about if level_length(m.code) == n) for n in (2, 4, 6)}
    for length in (6, 4, 2):
        deeper = sum(v for n, v in mass.items() if n >= length)
        higher = sum(v for n, v in mass.items() if n < length)
        if deeper == 0 or deeper < c["level_share"] * higher:
            continue
        weights: dict[str, int] = {}
        for m in about:
            if level_length(m.code) >= length:
                unit = unit_at(gaz, m.code, length)
                weights[unit] = weights.get(unit, 0) + weight(m)
        best = max(weights.values())
        chosen = {u for u, w in weights.items()
                  if length < 6 or w >= c["min_weight"] or w >= c["relative_share"] * best}
        inside = [m for m in about if level_length(m.code) >= length and unit_at(gaz, m.code, length) in chosen]
        if length < 6:   # prefectures or provinces: report them, not a stray unit below them
            inside = [Mention(unit_at(gaz, m.code, length), m.start, m.end, m.para, m.title) for m in inside]
        codes = {m.code for m in inside}
        above = {o[:n] for o in codes for n in _CODE_LENGTHS if n < len(o)}  # units with a deeper one
        deepest = [m for m in inside if m.code not in above]
        items = summarize(gaz, deepest)
        natural = {gazetteer.code12(m.code): m.code for m in deepest}
        return sorted(items, key=lambda x: (-weights[unit_at(gaz, natural[x["code"]], length)], x["first"]))
    if informal:
        form = max(informal, key=lambda k: len(informal[k]))
        first = informal[form][0]
        return [dict(gaz.entry(code), mentions=len(informal[form]), first=first) for code in gaz.informal[form]]
    return []


def level_length(code: str) -> int:
    """2, 4 or 6: the level a unit counts at (townships and villages count as their county; a
    prefecture without counties, like 东莞市, counts as a county for its townships)."""
    if len(code) <= 4:
        return len(code)
    return 6


def unit_at(gaz, code: str, length: int) -> str:
    """The unit containing `code` at a level (county of 东莞's townships: 东莞市 itself)."""
    if length == 6 and len(code) > 6 and code[:6] not in gaz.units:
        unit = code[:4]
    else:
        unit = code[:length]
    # a level the data leaves out (天津市's districts have no prefecture 1201 市辖区): the
    # nearest unit above it that exists
    return unit if unit in gaz.units or len(unit) <= 2 else (gaz.parent(unit) or unit[:2])
