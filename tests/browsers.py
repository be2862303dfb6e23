"""Whether the real-browser tests can run: Debian's chromium at /usr/bin/chromium (Playwright
drives it; no browser is ever downloaded). `make test` never installs it: without it these tests
are skipped with the reason below, listed in pytest's summary (`-rs`). `.ci/run` installs it
and sets WENXIAN_REQUIRE_BROWSER=1, under which a missing browser fails instead of skipping,
so CI cannot pass without them."""
import os
import sys
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
MISSING = ("browser test: Debian chromium is not at /usr/bin/chromium "
           "(apt-get install chromium to run it; .ci/run installs it)")


def need_browser(chromium: Path = CHROMIUM) -> None:
    """Skip the calling test (or fail it under WENXIAN_REQUIRE_BROWSER=1) without chromium."""
    if chromium.exists():
        return
    if os.environ.get("WENXIAN_REQUIRE_BROWSER") == "1":
        pytest.fail(MISSING + "; WENXIAN_REQUIRE_BROWSER=1 requires it", pytrace=False)
    pytest.skip(MISSING)


class PageServer(ThreadingHTTPServer):
    """The local static server of the browser tests. A browser drops connections it no longer
    needs (a page closed while a file was on its way): that is no error of the site, and the
    standard server would print a traceback for it into the test log. Any other error is
    printed as before."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)
