"""MkDocs hook (listed last): make every file of the built site readable by any user.

A static site is published by another user (a web server) or copied (`rsync -a`, `tar`), so a
file of mode 0600 — what MkDocs writes under umask 077 — answers 403. Thin adapter for
`wenxian.files.make_readable`.
"""
from __future__ import annotations

import logging
from pathlib import Path

from wenxian.files import make_readable, umask

log = logging.getLogger("mkdocs.hooks.readable")


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    # Under a umask that lets others read (022, 002), every file this build wrote is readable
    # already; only the search bundles, hard-linked from a cache an earlier build may have
    # written under another umask, need the walk (20,000 articles: ≈ 140,000 files otherwise).
    if umask() & 0o044 == 0:
        site = site / "pagefind"
        if not site.is_dir():
            return
    changed = make_readable(site)
    if changed:
        log.info(f"readable: {changed} file modes of the site widened to 0644/0755 (restrictive umask)")
