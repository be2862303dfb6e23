"""Shape limits of a capture (data/limits.yml): reject what cannot be a readable article page.

Checked in two steps so that a huge file is refused before any decoding work is done.
"""
from __future__ import annotations

from . import vocab
from .errors import WenxianError


def check_size(data: bytes, path: str) -> None:
    limit = vocab.load("limits.yml")["max_bytes"]
    if len(data) > limit:
        raise WenxianError(path, f"file is {len(data):,} bytes; the limit is {limit:,} bytes "
                                 "(max_bytes in wenxian/data/limits.yml)")


def check_shape(lines: list, path: str) -> None:
    """`lines`: the non-blank lines (clean.Line) of the decoded text."""
    limits = vocab.load("limits.yml")
    if len(lines) > limits["max_lines"]:
        raise WenxianError(path, f"{len(lines):,} non-blank lines; the limit is {limits['max_lines']:,} "
                                 "(max_lines in wenxian/data/limits.yml)")
    longest = max(lines, key=lambda l: len(l.text), default=None)
    if longest is not None and len(longest.text) > limits["max_line_chars"]:
        raise WenxianError(path, f"line {longest.number} has {len(longest.text):,} characters; the limit is "
                                 f"{limits['max_line_chars']:,} (max_line_chars in wenxian/data/limits.yml)")
