"""Small real web-archive files for the tests, built from a fixture page (nothing downloaded):
WARC and WARC.GZ with warcio's writer (as `wenxian capture` writes them), WACZ with zipfile, MHTML with the stdlib's email package,
the way ArchiveWeb.page / Browsertrix / `wget --warc-file` / a browser's "Save as MHTML" lay them out."""
from __future__ import annotations

import base64
import io
import json
import quopri
import zipfile
from pathlib import Path

from wenxian.ingest.fetch import REQUEST_HEADERS, Exchange
from wenxian.ingest.webarchive import warc_bytes

SEED = Path(__file__).resolve().parent / "fixtures" / "seeds" / "004_181858829221750f.txt"
TITLE = "江西南昌村村有脱贫产业 户户有增收门路"
URL = "https://www.example.gov.cn/xczx/2019/0830/article.html"
DATE = "2026-11-23T08:30:00Z"


def paragraphs(n: int = 4) -> list[str]:
    text = SEED.read_text("utf-8")
    return [l.strip() for l in text.splitlines() if len(l.strip()) > 60][:n]


def page(title: str = TITLE, paras: list[str] | None = None, meta_charset: str = "utf-8") -> str:
    """A saved article page: title with site suffix, script, navigation, article, footer."""
    paras = paragraphs() if paras is None else paras
    return (f'<!DOCTYPE html><html><head><meta charset="{meta_charset}"><title>{title}_乡村干部报网</title>'
            "<script>var tracker = 'alert(1)';</script><style>p{color:red}</style></head><body>"
            "<nav><a href='/'>首页</a> <a href='/n'>新闻</a></nav>"
            f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paras)
            + "<div style='display:none'>隐藏的统计代码</div>"
            + "</article><footer>版权所有 © 乡村干部报网 京ICP备12345678号</footer></body></html>")


def warc(pages: list[tuple[str, bytes, str]], gz: bool = True, date: str = DATE, extra_status: list | None = None) -> bytes:
    """A WARC holding, for each (url, body, content type), a request and a 200 response; then
    `extra_status` (url, status, body, content type) responses (404s, images…)."""
    rows = [(u, 200, b, t) for u, b, t in pages] + list(extra_status or [])
    exchanges = [Exchange(url, REQUEST_HEADERS, status, "OK" if status == 200 else "Other", [
        ("Content-Type", ctype), ("Content-Length", str(len(body)))], body) for url, status, body, ctype in rows]
    return warc_bytes(exchanges, date, gz)


def wacz(warc_bytes: bytes, urls: list[str], ts: str = DATE) -> bytes:
    """A WACZ: the WARC under archive/, the page list in pages/pages.jsonl, a datapackage.json."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("archive/data.warc.gz", warc_bytes)
        lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
        lines += [json.dumps({"id": f"p{i}", "url": u, "ts": ts, "title": "page"}) for i, u in enumerate(urls)]
        zf.writestr("pages/pages.jsonl", "\n".join(lines) + "\n")
        zf.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1"}))
    return out.getvalue()


def mhtml(html: bytes, charset: str = "utf-8", url: str = URL, date: str = "Mon, 23 Nov 2026 08:30:00 +0000",
          encoding: str = "quoted-printable") -> bytes:
    """A browser's single-file page: multipart/related with the HTML part first, then an image."""
    boundary = "----MultipartBoundary--wenxianTEST----"
    body = quopri.encodestring(html) if encoding == "quoted-printable" else base64.encodebytes(html)
    head = (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: page\r\nDate: {date}\r\n"
            f'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n')
    parts = [(f"--{boundary}\r\nContent-Type: text/html; charset={charset}\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
              f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {url}\r\n\r\n").encode() + body + b"\r\n",
             (f"--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
              f"Content-Location: https://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n").encode(),
             f"--{boundary}--\r\n".encode()]
    return head.encode() + b"".join(parts)
