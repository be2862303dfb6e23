"""HTML captures are read on their document tree (wenxian.html_page / html_clean)."""
from wenxian.ingest.pipeline import extract
from conftest import FIXTURES


def test_html_capture_keeps_article_text_and_drops_scripts():
    cap = (FIXTURES / "seeds" / "004_181858829221750f.txt").read_text("utf-8")
    paras = [l.strip() for l in cap.splitlines() if len(l.strip()) > 60][:4]
    html = ("<html><head><title>江西南昌村村有脱贫产业 户户有增收门路_乡村干部报网</title>"
            "<script>alert('x')</script></head><body><nav><a href='/'>首页</a> <a href='/n'>新闻</a></nav>"
            "<article><h1>江西南昌村村有脱贫产业 户户有增收门路</h1>"
            + "".join(f"<p>{p}</p>" for p in paras)
            + "</article><footer>版权所有 © 乡村干部报网 京ICP备12345678号</footer></body></html>")
    art = extract(html.encode("utf-8"), "page.html")
    assert art["title"] == "江西南昌村村有脱贫产业 户户有增收门路"
    for p in paras:
        assert p in art["body"]
    assert "alert" not in art["body"] and "ICP" not in art["body"]
