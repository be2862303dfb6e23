"""Saved pages of any shape: extraction returns an article or refuses the file with a
WenxianError naming it, never another exception (a crash on one page would stop a batch)."""
from hypothesis import given, settings, strategies as st

from wenxian.errors import WenxianError
from wenxian.ingest.pipeline import extract

TAGS = ["div", "p", "span", "a", "h1", "h2", "li", "ul", "td", "tr", "table", "script", "style", "title",
        "meta", "br", "img", "strong", "article", "section", "header", "footer", "nav", "aside", "iframe"]
ATTRS = ['', ' class="content"', ' class="nav footer"', ' id="js_content" style="visibility:hidden"',
         ' style="display:none"', ' hidden', ' class="ads"', ' property="og:title" content="标题_某某网"',
         ' name="publishdate" content="2019-02-30"', ' type="application/ld+json"', ' alt="图片"', ' href="/x"']
TEXTS = ["新华社北京3月1日电（记者张三）", "来源：人民网", "责任编辑：李四", "2020-01-01 10:00", "首页 > 新闻 > 正文",
         "村里的扶贫车间已经响起了缝纫机的声音，二十多名村民正在赶制订单。", "{\"@type\":\"NewsArticle\",\"datePublished\":",
         "var ct = \"1582090000\";", "最新评论", "【编辑：某】", "天津市和平区、南开区", "*", "\x08", "&amp;&lt;", "", "版权所有"]

piece = st.one_of(
    st.tuples(st.sampled_from(TAGS), st.sampled_from(ATTRS)).map(lambda t: f"<{t[0]}{t[1]}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(TEXTS),
    st.text(max_size=20),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(piece, max_size=80))
def test_any_page_is_an_article_or_a_named_refusal(parts):
    page = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        art = extract(page, "fuzz.html")
    except WenxianError as exc:
        assert "fuzz.html" in str(exc)
    else:
        assert isinstance(art["body"], str) and art["sha256"]
