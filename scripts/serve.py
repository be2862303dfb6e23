"""`make serve [PORT=8000]`: build and serve the site on http://127.0.0.1:PORT with `mkdocs serve`.

Why a script: mkdocs serve on a port that is already taken (a second `make serve`, another
server) dies with a Python traceback; this checks the port first and says what to do instead.
"""
from __future__ import annotations

import errno
import os
import socket
import sys
from pathlib import Path

HOST = "127.0.0.1"


def port_problem(port_text: str, host: str = HOST) -> str | None:
    """Why the site cannot be served on this port, or None when it can."""
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        return f"PORT={port_text!r} is not a port number (1-65535), e.g. make serve PORT=8001"
    port = int(port_text)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is no clash
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"port {port} on {host} is already in use (another `make serve` or server?): stop it, "
                        f"or choose another port: make serve PORT={port + 1 if port < 65535 else 8001}")
            return f"cannot serve on {host}:{port}: {exc.strerror or exc}"
    return None


def main(argv: list[str]) -> int:
    port = argv[0] if argv else "8000"
    problem = port_problem(port)
    if problem:
        print(f"make serve: {problem}", file=sys.stderr)
        return 1
    mkdocs = Path(sys.executable).parent / "mkdocs"
    os.execv(mkdocs, [str(mkdocs), "serve", "--dev-addr", f"{HOST}:{port}"])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
