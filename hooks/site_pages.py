"""MkDocs hook: the site's generated pages and files (index pages, twins, exports) and the
article and region pages written through a theme shell.

Thin adapter for wenxian.site.mkdocs_pages.SitePages, one call per event; the articles and
settings come from the build's shared state (wenxian.site.state).
"""
from __future__ import annotations

from wenxian.site import deploy, state
from wenxian.site.mkdocs_errors import reported
from wenxian.site.mkdocs_pages import SitePages

_pages = SitePages()
_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


@reported
def on_config(config):
    # `mkdocs serve` has set the local address already; a build takes the deployment's (deploy.py).
    return config if _command["name"] == "serve" else deploy.apply(config)


@reported
def on_files(files, config):
    return _pages.files(files, config, state.for_build(config))


def on_pre_page(page, config, files):
    return _pages.pre_page(page)


def on_page_markdown(markdown, page, config, files):
    _pages.page_markdown(page)
    return markdown


@reported
def on_post_page(output, page, config):
    return _pages.post_page(output, page, config)


def on_post_build(config):
    _pages.post_build(config)
