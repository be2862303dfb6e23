"""MkDocs hook: index the articles for search beside every build (also under `mkdocs serve`).

Thin adapter for wenxian.search.indexer.SearchStep: on_files starts the indexing in a process
beside the page build (the articles come from the build's shared state, wenxian.site.state),
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
def on_files(files, config):
    build = state.for_build(config)
    articles = build.parsed_articles()
    # copies of one story shown once, "N 个版本" (grouped by the page hook already: no work here)
    groups = reprint_index.article_groups(articles, build.root / reprint_index.CACHE)
    _step.start(articles, build.root, build.settings, groups)
    return files


def on_build_error(error, **kwargs):
    _step.stop()


@reported
def on_post_build(config, **kwargs):
    _step.finish(Path(config["site_dir"]))
