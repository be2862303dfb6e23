"""`wenxian capture URL` against a local http.server (127.0.0.1, a free port, a thread ended in
teardown) serving pages built from a fixture: the WARC it writes is the capture; every failure is
one line naming the URL, exit status 1, and nothing in archive/ or docs/."""
import hashlib
import io
import socket
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from warcio.archiveiterator import ArchiveIterator

import webarchive_files as W
from wenxian import archive, article
from wenxian.ingest import fetch as fetch_mod
from wenxian.cli import main

PAGE = W.page().encode("utf-8")
GBK = W.page(meta_charset="gbk").encode("gb18030")
SMALL_LIMIT = 20_000  # max_bytes for the oversize cases (the page is about 2 KB)


class Handler(BaseHTTPRequestHandler):
    ROUTES = {
        "/article.html": (200, [("Content-Type", "text/html; charset=utf-8")], PAGE),
        "/gbk.html": (200, [("Content-Type", "text/html")], GBK),  # charset only in <meta>
        "/moved": (301, [("Location", "/redirect")], b""),
        "/redirect": (302, [("Location", "/article.html")], b""),
        "/loop-a": (302, [("Location", "/loop-b")], b""),
        "/loop-b": (302, [("Location", "/loop-a")], b""),
        "/data.json": (200, [("Content-Type", "application/json")], b'{"a": 1}'),
        "/big.html": (200, [("Content-Type", "text/html")], b"<p>" + b"x" * SMALL_LIMIT + b"</p>"),
    }

    def do_GET(self):
        if self.path == "/stream.html":  # no Content-Length: the client must stop at the limit itself
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
            except OSError:
                pass
            self.close_connection = True
            return
        if self.path == "/slow.html":
            time.sleep(1.5)
        status, headers, body = self.ROUTES.get(self.path, (404, [("Content-Type", "text/html")], b"<h1>404</h1>"))
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)
    assert not thread.is_alive()


def records(data: bytes) -> list[tuple[str, str, str | None]]:
    out = []
    for rec in ArchiveIterator(io.BytesIO(data)):
        status = rec.http_headers.get_statuscode() if rec.rec_type == "response" else None
        out.append((rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI"), status))
    return out


def test_capture_writes_a_warc_and_adds_it(server, tmp_path, capsys):
    repo = tmp_path / "repo"
    assert main(["capture", f"{server}/moved", "--root", str(repo), "--note", "本地测试"]) == 0
    out = capsys.readouterr().out.splitlines()[0]  # then the table of what was stored
    assert out.startswith(f"{server}/moved: added ")
    aid = out.rsplit(" ", 1)[1]
    raw = repo / archive.raw_path(aid, ".warc.gz")
    data = raw.read_bytes()
    assert hashlib.sha256(data).hexdigest()[:12] == aid
    assert records(data) == [("warcinfo", None, None),
                             ("request", f"{server}/moved", None), ("response", f"{server}/moved", "301"),
                             ("request", f"{server}/redirect", None), ("response", f"{server}/redirect", "302"),
                             ("request", f"{server}/article.html", None), ("response", f"{server}/article.html", "200")]
    meta, _, _ = article.parse((repo / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
    today = datetime.now(timezone.utc).date().isoformat()
    assert (meta["title"], meta["source_url"], meta["captured"], meta["raw"]) == (
        W.TITLE, f"{server}/article.html", today, archive.raw_path(aid, ".warc.gz"))
    assert archive.check(repo) == []


def test_capture_honours_the_meta_charset(server, tmp_path, capsys):
    repo = tmp_path / "repo"
    assert main(["capture", f"{server}/gbk.html", "--root", str(repo)]) == 0
    aid = capsys.readouterr().out.splitlines()[0].rsplit(" ", 1)[1]
    meta, _, _ = article.parse((repo / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
    assert (meta["title"], meta["encoding"]) == (W.TITLE, "gb18030")


def _limits(monkeypatch, **changes) -> None:
    real = fetch_mod.datafiles.load

    class Limits:
        @staticmethod
        def load(name):
            return {**real(name), **changes} if name == "limits.yml" else real(name)
    monkeypatch.setattr(fetch_mod, "datafiles", Limits)


@pytest.fixture
def small_limit(monkeypatch):
    _limits(monkeypatch, max_bytes=SMALL_LIMIT)


def test_too_many_redirects(server, tmp_path, capsys, monkeypatch):
    _limits(monkeypatch, max_redirects=1)   # /moved -> /redirect -> /article.html is two
    assert main(["capture", f"{server}/moved", "--root", str(tmp_path / "repo")]) == 1
    assert capsys.readouterr().err == (f"wenxian: {server}/moved: more than 1 redirects (max_redirects in "
                                       "wenxian/data/limits.yml)\n")
    assert not (tmp_path / "repo").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


FAILURES = {
    "/nothing-here.html": "HTTP 404 Not Found",
    "/data.json": "not an HTML page (Content-Type: application/json)",
    "/loop-a": "redirect loop (back to {server}/loop-a)",
    "/big.html": f"response is {SMALL_LIMIT + 7:,} bytes; the limit is {SMALL_LIMIT:,} (max_bytes in wenxian/data/limits.yml)",
    "/stream.html": f"response is over {SMALL_LIMIT:,} bytes (max_bytes in wenxian/data/limits.yml)",
}


@pytest.mark.parametrize("path", sorted(FAILURES))
def test_capture_failures_are_one_line_and_write_nothing(path, server, small_limit, tmp_path, capsys):
    repo = tmp_path / "repo"
    assert main(["capture", f"{server}{path}", "--root", str(repo)]) == 1
    err = capsys.readouterr().err
    named = f"{server}/loop-a" if path == "/loop-a" else f"{server}{path}"
    assert err == f"wenxian: {named}: {FAILURES[path].format(server=server)}\n"
    assert not repo.exists()


def test_unreachable_host_and_timeout_and_other_schemes(server, tmp_path, capsys):
    repo = tmp_path / "repo"
    dead = f"http://127.0.0.1:{_free_port()}/a.html"
    assert main(["capture", dead, f"{server}/slow.html", "file:///etc/passwd", "--timeout", "0.3", "--root", str(repo)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert err[0].startswith(f"wenxian: {dead}: cannot be fetched (") and "refused" in err[0].lower()
    assert err[1].startswith(f"wenxian: {server}/slow.html: cannot be fetched (") and "timed out" in err[1]
    assert err[2] == "wenxian: file:///etc/passwd: not an http(s) URL: file:///etc/passwd"
    assert not repo.exists()


def test_one_failure_does_not_stop_the_others(server, tmp_path, capsys):
    repo = tmp_path / "repo"
    assert main(["capture", f"{server}/missing", f"{server}/article.html", "--root", str(repo)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"wenxian: {server}/missing: HTTP 404 Not Found\n"
    assert captured.out.startswith(f"{server}/article.html: added ")
    assert len(list((repo / "docs" / "articles").glob("*.md"))) == 1
