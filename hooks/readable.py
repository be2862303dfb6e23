"""MkDocs hook (listed last): make every file of the built site readable by any user.

A static site is published by another user (a web server) or copied (`rsync -a`, `tar`), so a
file of mode 0600 — what MkDocs writes under umask 077 — answers 403. Thin adapter for
`wenxian.files.make_site_readable`.
"""
from __future__ import annotations

import logging
from pathlib import Path

from wenxian.files import make_site_readable

log = logging.getLogger("mkdocs.hooks.readable")


def on_post_build(config, **kwargs):
    changed = make_site_readable(Path(config["site_dir"]))
    if changed:
        log.info(f"readable: {changed} file modes of the site widened to 0644/0755 (restrictive umask)")
