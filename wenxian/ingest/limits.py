"""Shape limits of a capture (data/limits.yml): reject what cannot be a readable article page.

Checked in two steps so that a huge file is refused before any decoding work is done.
"""
from __future__ import annotations

import re

from .. import datafiles
from ..errors import WenxianError


def byte_limit(path: str) -> tuple[int, str]:
    """(bytes, name in limits.yml) the file of a capture may have at most: a web archive holds
    the page's images and styles beside its HTML, and a saved page may hold its pictures inlined
    (SingleFile), both up to max_archive_bytes; a text capture is held to max_bytes."""
    from .kinds import is_page, is_web_archive

    name = "max_archive_bytes" if is_web_archive(path) or is_page(path) else "max_bytes"
    return datafiles.load("limits.yml")[name], name


# A picture inlined in a saved page (SingleFile, a browser's "save as single file" of HTML): the
# base64 payload of a data: URI in an attribute or a style.
_INLINED = re.compile(rb"(?<![\w.+-])data:[\w.+-]+/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,([A-Za-z0-9+/=]{256,})")


def inlined_bytes(data: bytes) -> int:
    """Bytes of a saved page that are the payloads of inlined pictures (data: URIs)."""
    return sum(len(m.group(1)) for m in _INLINED.finditer(data))


def check_size(data: bytes, path: str) -> None:
    """A capture over its limit is refused naming the limit: a web archive's file is held to
    max_archive_bytes, a text capture to max_bytes, and a saved page to max_bytes without the
    pictures it inlines (up to max_archive_bytes with them)."""
    from .kinds import is_page, is_web_archive

    ceiling, name = byte_limit(path)
    if len(data) > ceiling:
        raise WenxianError(path, f"file is {len(data):,} bytes; the limit is {ceiling:,} bytes "
                                 f"({name} in wenxian/data/limits.yml)")
    limit = datafiles.load("limits.yml")["max_bytes"]
    if is_web_archive(path) or len(data) <= limit:
        return
    own = len(data) - inlined_bytes(data) if is_page(path) else len(data)
    if own > limit:
        without = f" ({own:,} without its inlined pictures)" if own < len(data) else ""
        raise WenxianError(path, f"file is {len(data):,} bytes{without}; the limit is {limit:,} bytes "
                                 "(max_bytes in wenxian/data/limits.yml)")


def check_shape(lines: list, path: str) -> list:
    """`lines`: the non-blank lines (clean.Line) of the decoded text. Returns the lines longer
    than max_line_chars: not article text (a page's inlined data or a keyword-stuffing block;
    the longest line of a real article in the corpus has 483 characters), so the caller removes
    them with a reason instead of refusing a capture whose article is sound. A capture that has
    nothing else is refused."""
    limits = datafiles.load("limits.yml")
    if len(lines) > limits["max_lines"]:
        raise WenxianError(path, f"{len(lines):,} non-blank lines; the limit is {limits['max_lines']:,} "
                                 "(max_lines in wenxian/data/limits.yml)")
    overlong = [l for l in lines if len(l.text) > limits["max_line_chars"]]
    if overlong and len(overlong) == len(lines):
        longest = max(overlong, key=lambda l: len(l.text))
        raise WenxianError(path, f"line {longest.number} has {len(longest.text):,} characters; the limit is "
                                 f"{limits['max_line_chars']:,} (max_line_chars in wenxian/data/limits.yml)")
    return overlong


def overlong_reason() -> str:
    return f"line over {datafiles.load('limits.yml')['max_line_chars']:,} characters (max_line_chars): not article text"


def read_capture(path: str) -> bytes:
    """The bytes of a capture file, refusing before reading what cannot be one: anything but a
    regular file (a FIFO named x.txt would block forever, /dev/zero never ends) and a file over
    its limit (byte_limit; a 3 GiB sparse file). Opened without blocking, checked with fstat on the open
    descriptor, and read up to the limit + 1 bytes whatever the size claims. OSError when the
    file cannot be opened; WenxianError naming the file otherwise."""
    import os
    import stat

    limit, name = byte_limit(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise WenxianError(path, "not a regular file (devices, pipes and folders are not captures)")
        if st.st_size > limit:
            raise WenxianError(path, f"file is {st.st_size:,} bytes; the limit is {limit:,} bytes "
                                     f"({name} in wenxian/data/limits.yml)")
        data = fh.read(limit + 1)
    check_size(data, path)
    return data
