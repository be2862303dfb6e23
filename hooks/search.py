"""MkDocs hook: index the articles for search beside every build (also under `mkdocs serve`).

Thin adapter for wenxian.search.indexer.SearchStep: on_pre_build starts the indexing in a process
beside the rest of the build (the articles come from the build's shared state,
wenxian.site.state), so that Pagefind runs while the catalog and the pages are made;
on_post_build publishes its result into the site, on_build_error stops it.
"""
from __future__ import annotations

from pathlib import Path

from wenxian.reprints import index as reprint_index
from wenxian.search.indexer import SearchStep
from wenxian.site import state
from wenxian.site.mkdocs_errors import reported

_step = SearchStep()


@reported
def on_pre_build(config):
    build = state.for_build(config)
    articles = build.parsed_articles()
    # copies of one story shown once, "N 个版本": grouped here first (kept in this process and on
    # disk, wenxian.reprints.index.whole), the page hook then reads the same groups
    groups = reprint_index.article_groups(articles, build.root / reprint_index.CACHE)
    _step.start(articles, build.root, build.settings, groups)


def on_build_error(error, **kwargs):
    _step.stop()


@reported
def on_post_build(config, **kwargs):
    _step.finish(Path(config["site_dir"]))
