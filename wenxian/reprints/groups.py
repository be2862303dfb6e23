"""Groups of copies of one story: a stable id, a reference copy, each copy's relation to it.

A pure function of the archive's (id, date, source, text) and the pairs that detection found
(the site build computes both and caches them by content; nothing here is hand-maintained).

- Members: the reference and the copies that detection paired with it (a star, not every
  copy of a copy: texts that share stock paragraphs chain into components of hundreds, 279 of
  1,000 articles of the benchmark corpus, which are not one story). Within a connected set of
  copies, the reference is chosen among those not yet grouped, its copies join it, and the rest
  form groups the same way. Each copy's relation is measured against the reference itself.
- Reference: the copy the other members credit (a credit line of theirs, 来源：新华社 or 转自天山网,
  names its outlet), else the earliest dated copy; an undated copy comes after dated ones, and
  `2019` after `2019-08-30` (a less precise date is not evidence of coming first); then the id.
- Group id: stable when copies are added. A new capture never renames a group: when `previous`
  ({article id: group id} from the last build) gives any member an id, the group keeps the id that
  most of its members had (ties: the smallest); otherwise the id is derived from the id of the
  earliest member by the order above, `sha256("reprint " + id)[:12]`.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from . import shingles as sh
from .detect import Pair, Similarity, compare
from .diff import Relation, relation
from .settings import Settings, load


@dataclass(frozen=True)
class Article:
    id: str
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    source: str | None
    text: str


@dataclass(frozen=True)
class Copy:
    id: str
    relation: Relation  # to the reference; the reference itself is "identical"
    similarity: Similarity  # to the reference (a_in_b: the reference in this copy)
    direct: bool  # detection paired it with the reference
    credits: tuple[str, ...]  # outlets of other members that this copy credits


@dataclass(frozen=True)
class Group:
    id: str
    reference: str
    reason: str  # "credited" or "earliest"
    copies: tuple[Copy, ...]  # the reference first, then by date order


def date_key(a: Article) -> tuple:
    """Earliest first; a partial date after the full dates it may contain; undated last."""
    d = (a.date or "").strip()
    parts = d.split("-") if d else []
    padded = "-".join(parts + ["~~"] * (3 - len(parts))) if parts else "~"
    return (padded, a.id)


def credited_sources(text: str, sources: Iterable[str], settings: Settings | None = None) -> set[str]:
    """The outlets among `sources` that a credit line in the first or last lines of `text` names."""
    s = settings or load()
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    n = s.credit_scan_lines
    scan = lines[:n] + lines[-n:] if n else []
    credits = [ln for ln in scan if sh.is_credit_line(ln, s)]
    return {src for src in sources if src and any(src in ln for ln in credits)}


def _components(ids: Sequence[str], pairs: Iterable[Pair]) -> list[list[str]]:
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        if p.a in parent and p.b in parent:
            ra, rb = find(p.a), find(p.b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    comps: dict[str, list[str]] = {}
    for i in ids:
        comps.setdefault(find(i), []).append(i)
    return [c for c in comps.values() if len(c) > 1]


def group_id(member_id: str) -> str:
    return hashlib.sha256(f"reprint {member_id}".encode()).hexdigest()[:12]


def measure(ref: Article, copy: Article, paired: Similarity | None, settings: Settings) -> tuple[Similarity, Relation]:
    """Similarity (oriented reference -> copy; detection's measure when it paired them) and
    relation of `copy` to the reference `ref`."""
    sim = paired if paired is not None else compare(ref.text, copy.text, settings)
    return sim, relation(ref.text, copy.text, settings)


def build(articles: Sequence[Article], pairs: Iterable[Pair], previous: Mapping[str, str] | None = None,
          settings: Settings | None = None, measure=measure) -> list[Group]:
    """Groups of the copies that `pairs` connect (singletons are no group), by id. `measure`:
    `measure` above or a cached version of it (wenxian.reprints.index: a relation is a function
    of the two texts, so a build does not measure again what it measured before)."""
    s = settings or load()
    by_id = {a.id: a for a in articles}
    pairs = list(pairs)
    paired = {(p.a, p.b): p.similarity for p in pairs}
    groups, used = [], set()
    near: dict[str, set[str]] = {}
    for a, b in paired:
        if a < b:  # as `_key` finds them
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    for comp in _components(sorted(by_id), pairs):
        left = sorted((by_id[i] for i in comp), key=date_key)
        sources = {m.source for m in left if m.source}
        credits = {m.id: tuple(sorted(credited_sources(m.text, sources - {m.source}, s))) for m in left}
        pick = _Picker(left, credits)
        while pick.count > 1:
            ref, reason = pick.reference()
            members = [ref] + sorted((by_id[i] for i in near.get(ref.id, ()) if i in pick.alive and i != ref.id),
                                     key=date_key)
            pick.remove(members)
            if len(members) == 1:  # the reference copies none of the rest: a story archived once
                continue
            gid = _group_id(members, previous, used)
            used.add(gid)
            copies = [Copy(ref.id, Relation("identical", None, 0, 0, 0), Similarity(1.0, 1.0, 1.0), True, credits[ref.id])]
            for m in members[1:]:
                p = paired[_key(ref.id, m.id)]
                if ref.id > m.id:  # oriented reference -> copy
                    p = Similarity(p.b_in_a, p.a_in_b, p.resemblance)
                sim, rel = measure(ref, m, p, s)
                copies.append(Copy(m.id, rel, sim, True, credits[m.id]))
            groups.append(Group(gid, ref.id, reason, tuple(copies)))
    return sorted(groups, key=lambda g: g.id)


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


class _Picker:
    """The members of a component not yet grouped, in date order, with the votes of their credits
    kept up to date as groups take members: choosing a reference costs the number of outlets,
    not the number of members left (with `_reference` on the whole rest each time, a component
    of thousands of near-copies took seconds, quadratic in its size; issue 18). Chooses what
    `_reference` would choose on the members left."""

    def __init__(self, left: list[Article], credits: Mapping[str, tuple[str, ...]]):
        self.order, self.credits = left, credits
        self.alive = {m.id for m in left}
        self.count = len(left)
        self.votes = Counter(src for m in left for src in credits[m.id])
        self.by_source: dict[str, list[Article]] = {}
        for m in left:
            if m.source:
                self.by_source.setdefault(m.source, []).append(m)
        self.heads = {src: 0 for src in self.by_source}
        self.first = 0

    def _head(self, src: str) -> Article | None:
        members, i = self.by_source[src], self.heads[src]
        while i < len(members) and members[i].id not in self.alive:
            i += 1
        self.heads[src] = i
        return members[i] if i < len(members) else None

    def reference(self) -> tuple[Article, str]:
        best = None
        for src in self.by_source:
            votes = self.votes.get(src, 0)
            head = self._head(src) if votes > 0 else None
            if head is not None and (best is None or (-votes, date_key(head)) < best[0]):
                best = ((-votes, date_key(head)), head)
        if best is not None:
            return best[1], "credited"
        while self.order[self.first].id not in self.alive:
            self.first += 1
        return self.order[self.first], "earliest"

    def remove(self, members: list[Article]) -> None:
        for m in members:
            self.alive.discard(m.id)
            self.votes.subtract(self.credits[m.id])
        self.count = len(self.alive)


def _reference(members: list[Article], credits: Mapping[str, tuple[str, ...]]) -> tuple[Article, str]:
    """The member the others credit most (then the earliest of those), else the earliest;
    `members` are in date order. The rule; `build` applies it through `_Picker`, which gives
    the same choice without reading every member left (tests/test_reprints.py)."""
    votes = Counter(src for m in members for src in credits[m.id])
    credited = [m for m in members if m.source and votes.get(m.source)]
    if credited:
        top = max(votes[m.source] for m in credited)
        return min((m for m in credited if votes[m.source] == top), key=date_key), "credited"
    return members[0], "earliest"


def _group_id(members: list[Article], previous: Mapping[str, str] | None, used: set[str]) -> str:
    """The id most members had in the last build (ties: the smallest) unless another group of
    this build has it, else one derived from the earliest member."""
    old = Counter(previous[m.id] for m in members if previous and m.id in previous and previous[m.id] not in used)
    if old:
        top = max(old.values())
        return min(g for g, n in old.items() if n == top)
    for m in sorted(members, key=date_key):
        if group_id(m.id) not in used:
            return group_id(m.id)
    return group_id(" ".join(sorted(m.id for m in members)))


def group_articles(articles: Sequence[Article], previous: Mapping[str, str] | None = None,
                   settings: Settings | None = None) -> list[Group]:
    """Detection and grouping in one call."""
    from .detect import find_pairs
    s = settings or load()
    return build(articles, find_pairs({a.id: a.text for a in articles}, s), previous, s)
