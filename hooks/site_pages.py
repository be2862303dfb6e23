"""MkDocs hook (on_files): add every page and file the package generates from the archive.

Thin adapter: reads docs/articles/*.md and the hand-written pages, calls
wenxian.site.build.generate and swaps the results into the file list. Articles are never in
the nav (DESIGN.md §6), so the build stays linear in the number of articles.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from wenxian.site import build


def on_files(files, config):
    root = Path(config.config_file_path).parent
    articles, pages = [], {}
    for f in list(files):
        if not f.src_uri.endswith(".md"):
            continue
        if f.src_uri.startswith("articles/"):
            articles.append((Path(f.abs_src_path).relative_to(root).as_posix(), Path(f.abs_src_path).read_text("utf-8")))
            files.remove(f)
        else:
            pages[f.src_uri] = Path(f.abs_src_path).read_text("utf-8")
    generated = build.generate(articles, pages, build.raw_reader(root), config.site_url or "", config.site_name)
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
    return files
