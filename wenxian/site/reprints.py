"""Reprints on the site (issue 20): the section 同一稿件的其他版本 of an article page, the difference
view of a copy against its group's reference copy, and the reprints index page, in both scripts.

Pure: catalog in, finished HTML out. The groups are computed once per build before any page is
written (`attach`, cached by content under `.cache/wenxian/reprints/`, wenxian.reprints.index)
and kept in `cat.memo`, which the page-writing worker processes inherit.

Site size (issue 18): pages exist only for articles that have copies. A group of n copies has
n - 1 difference pages per script (`versions/<copy id>/`), each copy against the reference copy
(never all n·(n-1)/2 pairs): any two copies are compared through the reference they both derive
from. They are shell pages like the article pages (wenxian.site.shell: written on every core,
kept by incremental builds when their group and texts did not change), not pages MkDocs
renders one by one: a benchmark archive of 1,000 articles has 217 of them.

Every third-party value (titles, outlets, the texts of the difference view) passes through
`esc`; the difference view marks text with <del>/<ins> and names each mark in visually hidden
text, because screen readers do not announce <del> and <ins> themselves.
"""
from __future__ import annotations

from pathlib import Path

from ..article import body_text
from ..reprints import diff as rdiff
from ..reprints import groups as rgroups
from ..reprints import index as rindex
from ..reprints.shingles import fold
from . import urls
from .catalog import Catalog
from .markup import esc, frontmatter, title_in
from .twins import to_script, ui

MEMO = "reprints"
INDEX_LIMIT = 200  # groups listed on the index page, largest first


def articles(cat: Catalog) -> list[rgroups.Article]:
    """What grouping reads of each article: id, date, outlet and its clean text."""
    return [rgroups.Article(aid, a.date, a.get("source"), body_text(a.body)) for aid, a in sorted(cat.articles.items())]


def attach(cat: Catalog, cache_dir: Path | None = None) -> rindex.Result:
    """Group the catalog's articles (cache under `cache_dir`, none when None) into cat.memo."""
    items = [(aid, a.date, a.get("source"), a.body) for aid, a in cat.articles.items()]
    result = rindex.whole(items, lambda: articles(cat), cache_dir)
    cat.memo[MEMO] = result
    return result


def result(cat: Catalog) -> rindex.Result:
    """The build's groups; computed here (without a disk cache) when the build did not attach them."""
    got = cat.memo.get(MEMO)
    return got if got is not None else attach(cat)


def group_of(cat: Catalog) -> dict[str, tuple[str, int]]:
    """{article id: (group id, number of copies)} for articles that have copies (search, exports)."""
    memo = cat.memo.get("reprint_group_of")
    if memo is None:
        memo = cat.memo["reprint_group_of"] = rindex.group_of(result(cat))
    return memo


def _relation_label(copy: rgroups.Copy, group: rgroups.Group) -> str:
    if copy.id == group.reference:
        return "参照稿"
    r = copy.relation
    if r.kind == "cut":
        return "节选" if r.shorter == "copy" else "增补（参照稿为其节选）"
    return {"identical": "文字相同", "masked": "有屏蔽字", "edited": "有改动"}.get(r.kind, r.kind)


def _percent(value: float) -> str:
    return f"{int(value * 100 + 0.5)}%"


def _when(cat: Catalog, aid: str, script: str) -> str:
    return esc(cat.articles[aid].date) if cat.articles[aid].date else ui("日期不详", script)


def _outlet(cat: Catalog, aid: str, script: str) -> str:
    a = cat.articles[aid]
    return esc(to_script(a.meta["source"], a.script, script)) if a.get("source") else ui("不详", script)


def section(cat: Catalog, aid: str, page: str, script: str) -> str:
    """The 同一稿件的其他版本 section of article `aid`'s page, or '' when it has no copies."""
    group = result(cat).by_article.get(aid)
    if group is None:
        return ""
    t = lambda s: ui(s, script)  # noqa: E731
    rows = []
    for c in group.copies:
        here = c.id == aid
        title = esc(title_in(cat, c.id, script))
        link = (f'<a aria-current="page">{title}</a>' if here
                else f'<a href="{urls.rel(page, urls.in_script(urls.article(c.id), script))}">{title}</a>')
        if c.id == group.reference:
            compare = "—"
        else:
            href = urls.rel(page, urls.in_script(urls.version(c.id), script))
            compare = f'<a href="{href}">{t("与参照稿比较")}</a>'
        sim = "—" if c.id == group.reference else _percent(c.similarity.containment)
        mark = ' class="wx-here"' if here else ""
        rows.append(f'<tr{mark}><td>{link}{t("（本页）") if here else ""}</td>'
                    f"<td>{_outlet(cat, c.id, script)}</td><td>{_when(cat, c.id, script)}</td><td>{sim}</td>"
                    f"<td>{t(_relation_label(c, group))}</td><td>{compare}</td></tr>")
    head = "".join(f'<th scope="col">{t(h)}</th>' for h in ("标题", "来源", "日期", "相似度", "与参照稿的关系", "差异"))
    why = "其他版本转载自它" if group.reason == "credited" else "它是日期最早的一篇"
    intro = t(f"本站收录了这篇稿件的 {len(group.copies)} 个版本。参照稿是《") + esc(title_in(cat, group.reference, script)) + \
        t(f"》（{why}）；相似度是两篇中较短一篇的文字见于另一篇的比例。")
    index = urls.rel(page, urls.in_script(urls.REPRINTS, script))
    return (f'<div class="wx-reprints"><h2 id="reprints">{t("同一稿件的其他版本")}</h2><p>{intro}</p>'
            f'<div class="md-typeset__table"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            f'<p><a href="{index}">{t("全部转载与版本")}</a></p></div>')


def section_key(cat: Catalog, aid: str) -> tuple:
    """What the section of `aid` shows besides the members' own files (incremental builds): the
    group, its reference and each member's relation and similarity."""
    group = result(cat).by_article.get(aid)
    if group is None:
        return ()
    return (group.id, group.reference, group.reason,
            tuple((c.id, c.relation.kind, c.relation.shorter, _percent(c.similarity.containment)) for c in group.copies))


# The difference view -------------------------------------------------------------------------

_LABELS = {
    "delete": ("参照稿有、此版本没有的文字：", "wx-del"),
    "insert": ("此版本增加的文字：", "wx-ins"),
}


def _sr(text: str) -> str:
    return f'<span class="wx-sr">{text}</span>'


def diff_html(runs: list[rdiff.Run], ref_script: str, copy_script: str, script: str) -> str:
    """The runs of a difference as HTML in `script`: the copy's text, with what the reference
    has and the copy lacks in <del>, what the copy adds in <ins>, and masked-character
    differences in a <mark> holding both sides. Each mark is named in visually hidden text."""
    a = lambda s: esc(to_script(s, ref_script, script))  # noqa: E731
    b = lambda s: esc(to_script(s, copy_script, script))  # noqa: E731
    t = lambda s: ui(s, script)  # noqa: E731
    out = []
    for r in runs:
        if r.kind == rdiff.EQUAL:
            out.append(b(r.b))
        elif r.kind == rdiff.DELETE:
            out.append(f'<del>{_sr(t("［删去："))}{a(r.a)}{_sr("］")}</del>')
        elif r.kind == rdiff.INSERT:
            out.append(f'<ins>{_sr(t("［增加："))}{b(r.b)}{_sr("］")}</ins>')
        else:
            parts = [_sr(t("［屏蔽字差异："))]
            if r.a:
                parts.append(f'<del>{_sr(t("参照稿作"))}{a(r.a)}</del>')
            if r.b:
                parts.append(f'<ins>{_sr(t("此版本作"))}{b(r.b)}</ins>')
            parts.append(_sr("］"))
            out.append(f'<mark class="wx-diff-masked" title="{t("屏蔽字差异")}">{"".join(parts)}</mark>')
    return "".join(out)


def _counts(runs: list[rdiff.Run]) -> tuple[int, int, int]:
    """(characters deleted, characters inserted, masked places) of a difference, characters
    counted on the comparable form (no punctuation or spaces)."""
    deleted = sum(len(fold(r.a)) for r in runs if r.kind == rdiff.DELETE)
    inserted = sum(len(fold(r.b)) for r in runs if r.kind == rdiff.INSERT)
    return deleted, inserted, sum(r.kind == rdiff.MASKED for r in runs)


def _side(cat: Catalog, aid: str, page: str, script: str, label: str) -> str:
    href = urls.rel(page, urls.in_script(urls.article(aid), script))
    return (f"<tr><th scope=\"row\">{ui(label, script)}</th><td><a href=\"{href}\">{esc(title_in(cat, aid, script))}</a></td>"
            f"<td>{_outlet(cat, aid, script)}</td><td>{_when(cat, aid, script)}</td></tr>")


def version_keys(cat: Catalog) -> list[str]:
    """The ids of the copies that have a difference view: every member of a group but its
    reference (one page per copy, never one per pair)."""
    return [c.id for g in result(cat).groups for c in g.copies if c.id != g.reference]


_RUNS: dict[tuple[str, str], list] = {}


def _runs(cat: Catalog, ref_id: str, copy_id: str) -> list[rdiff.Run]:
    """The difference of two copies' clean texts, kept for the other script's page when the same
    process writes it (the last few only)."""
    key = (ref_id, copy_id)
    if key not in _RUNS:
        if len(_RUNS) > 64:
            _RUNS.clear()
        _RUNS[key] = rdiff.diff(body_text(cat.articles[ref_id].body), body_text(cat.articles[copy_id].body))
    return _RUNS[key]


def version_page(cat: Catalog, copy_id: str, script: str) -> str:
    """The page comparing copy `copy_id` with its group's reference, in `script` (a shell page,
    wenxian.site.shell: one per copy and script)."""
    group = result(cat).by_article[copy_id]
    t = lambda s: ui(s, script)  # noqa: E731
    page = urls.in_script(urls.version(copy_id), script)
    ref, copy = cat.articles[group.reference], cat.articles[copy_id]
    runs = _runs(cat, group.reference, copy_id)
    c = next(x for x in group.copies if x.id == copy_id)
    deleted, inserted, masked = _counts(runs)
    outlet = to_script(copy.meta["source"], copy.script, script) if copy.get("source") else None
    title = t("版本比较：") + title_in(cat, copy_id, script) + (f"（{outlet}）" if outlet else "")
    counts = t(f"与参照稿的关系：{_relation_label(c, group)}；相似度 {_percent(c.similarity.containment)}；"
               f"参照稿有而此版本没有 {deleted} 字，此版本增加 {inserted} 字，屏蔽字差异 {masked} 处"
               f"（字数不计标点和空格；字形不同不算差异）。")
    legend = (f'<p class="wx-diff-legend">{t("图例：")}<del>{t("删除线")}</del>{t("为参照稿有而此版本没有的文字，")}'
              f'<ins>{t("下划线")}</ins>{t("为此版本增加的文字，")}<mark class="wx-diff-masked">{t("底色")}</mark>'
              f'{t("为一方以屏蔽字（如 * ×）代替文字之处。正文按此版本显示。")}</p>')
    sides = (f'<div class="md-typeset__table"><table class="wx-diff-sides"><thead><tr><th scope="col">{t("版本")}</th>'
             f'<th scope="col">{t("标题")}</th><th scope="col">{t("来源")}</th><th scope="col">{t("日期")}</th></tr></thead><tbody>'
             + _side(cat, group.reference, page, script, "参照稿") + _side(cat, copy_id, page, script, "此版本")
             + "</tbody></table></div>")
    body = diff_html(runs, ref.script, copy.script, script)
    index = urls.rel(page, urls.in_script(urls.REPRINTS, script))
    return (frontmatter(title) + f'<h1>{esc(title)}</h1>\n{sides}\n<p>{counts}</p>\n{legend}\n'
            f'<h2 id="diff">{t("逐字差异")}</h2>\n<div class="wx-diff">{body}</div>\n'
            f'<p><a href="{index}">{t("全部转载与版本")}</a></p>\n')


def _dates(cat: Catalog, group: rgroups.Group) -> str:
    dated = sorted(cat.articles[c.id].date for c in group.copies if cat.articles[c.id].date)
    if not dated:
        return ""
    return dated[0] if dated[0] == dated[-1] else f"{dated[0]} – {dated[-1]}"


def index_page(cat: Catalog, script: str) -> str:
    """The reprints index: the largest groups first, with their outlets and date spread."""
    t = lambda s: ui(s, script)  # noqa: E731
    page = urls.in_script(urls.REPRINTS, script)
    made = sorted(result(cat).groups, key=lambda g: (-len(g.copies), g.id))
    title = t("转载与版本")
    intro = t("同一篇稿件常被多家媒体转载，有的删节，有的改动，有的屏蔽了部分字词。本站按正文比对，把同一稿件的各个版本归为一组，"
              "以被其他版本注明转载来源的一篇、否则以日期最早的一篇为参照稿，并逐字列出每个版本与参照稿的差异。")
    if not made:
        return frontmatter(title) + f"<h1>{esc(title)}</h1>\n<p>{intro}</p>\n<p>{t('本站目前没有同一稿件的多个版本。')}</p>\n"
    rows = []
    for g in made[:INDEX_LIMIT]:
        href = urls.rel(page, urls.in_script(urls.article(g.reference), script))
        outlets = {}  # outlet -> the script of a copy that names it (each converted from its own script)
        for c in g.copies:
            a = cat.articles[c.id]
            if a.get("source"):
                outlets.setdefault(a.meta["source"], a.script)
        shown = "、".join(esc(to_script(o, outlets[o], script)) for o in sorted(outlets)) or t("不详")
        rows.append(f'<tr><td><a href="{href}">{esc(title_in(cat, g.reference, script))}</a></td>'
                    f"<td>{len(g.copies)}</td><td>{shown}</td><td>{_dates(cat, g) or t('日期不详')}</td></tr>")
    head = "".join(f'<th scope="col">{t(h)}</th>' for h in ("参照稿", "版本数", "来源", "日期范围"))
    more = (f"<p>{t(f'共 {len(made)} 组，此处列出最大的 {INDEX_LIMIT} 组；其余各组见各篇文章页。')}</p>"
            if len(made) > INDEX_LIMIT else f"<p>{t(f'共 {len(made)} 组。')}</p>")
    return (frontmatter(title) + f"<h1>{esc(title)}</h1>\n<p>{intro}</p>\n{more}\n"
            f'<div class="md-typeset__table"><table class="wx-reprint-groups"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>\n")


def pages(cat: Catalog) -> dict[str, str]:
    """{docs-relative path: page text} of the reprints index in both scripts (the difference
    views are shell pages: `version_keys`, `version_page`)."""
    return {urls.src_uri(urls.in_script(urls.REPRINTS, script)): index_page(cat, script) for script in ("hans", "hant")}
