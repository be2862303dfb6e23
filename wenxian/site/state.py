"""What the hooks of one MkDocs build share, in one object instead of hook order.

Several hooks need the same things: the settings (`wenxian.settings`), the project root and the
archive's articles. Each hook asks `for_build(config)` for the build's state: the first one to
ask creates it, later ones (in any order) get the same object, and a new build (a `mkdocs
serve` rebuild reads a new config) gets a new one. The article files are read once
(`article_texts`) and parsed once (`parsed_articles`, through the parsed-article cache of
wenxian.article_loader); the site pages and the search index both read them from here, so
neither depends on the other having run first. Only `hooks/` call `for_build`; package code
that needs the settings outside a build (`current_settings`) gets them from the environment.
"""
from __future__ import annotations

from pathlib import Path

from .. import article_loader
from .. import settings as settings_mod
from ..errors import WenxianError


class BuildState:
    def __init__(self, config):
        self.config = config
        self.root = Path(config["config_file_path"]).resolve().parent
        self.docs_dir = Path(config["docs_dir"])
        self.settings = settings_mod.read(config.get("extra"))
        self._texts: list[tuple[str, str]] | None = None
        self._parsed: list[tuple[str, dict, str]] | None = None
        self._incremental = None

    @property
    def incremental(self):
        """The incremental part of this build (wenxian.site.incremental); off without shells."""
        if self._incremental is None:
            from .incremental import Incremental

            self._incremental = Incremental(self.root, Path(self.config["site_dir"]),
                                            self.settings.incremental and self.settings.shell_pages)
        return self._incremental

    @property
    def cache_dir(self) -> Path:
        """The parsed-article cache of this project."""
        return self.root / article_loader.CACHE

    def article_texts(self) -> list[tuple[str, str]]:
        """(root-relative path, text) of every article file (article_loader.article_files)."""
        if self._texts is None:
            out, prefix, folder = [], f"{self.root}/", f"{self.docs_dir / 'articles'}/"
            for name in article_loader.article_names(self.docs_dir):
                # below the root as given: a string cut (resolving 20,000 paths took seconds)
                p = folder + name
                shown = p[len(prefix):] if p.startswith(prefix) else _shown(Path(p), self.root)
                out.append((shown, article_loader.read_text(p, shown)))
            self._texts = out
        return self._texts

    def parsed_articles(self) -> list[tuple[str, dict, str]]:
        """(path, frontmatter, body) of every article, parsed once per build (and per content)."""
        if self._parsed is None:
            texts = self.article_texts()
            article_loader.warm([text for _, text in texts], self.cache_dir)
            out = []
            for path, text in texts:
                try:
                    out.append((path, *article_loader.parse(text, self.cache_dir)))
                except ValueError as exc:
                    raise WenxianError(path, f"cannot read article: {exc}") from None
            self._parsed = out
        return self._parsed


def _shown(path: Path, root: Path) -> str:
    for p in (path, path.resolve()):
        try:
            return p.relative_to(root).as_posix()
        except ValueError:
            pass
    return str(path)


_current: BuildState | None = None


def for_build(config) -> BuildState:
    """The state of the build that `config` configures (created by the first hook that asks)."""
    global _current
    if _current is None or _current.config is not config:
        _current = BuildState(config)
    return _current


def abandon_incremental() -> None:
    """on_build_error: the running build's incremental part cleans up (wenxian.site.incremental)."""
    if _current is not None and _current._incremental is not None:
        _current._incremental.abandon()


def current_settings() -> settings_mod.Settings:
    """The running build's settings, else those of the environment alone."""
    return _current.settings if _current is not None else settings_mod.read()
