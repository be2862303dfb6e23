"""wenxian (文献): turn raw captures of Chinese articles into clean, annotated, citable articles,
and build the static site and its search index from them.

Stages, one sub-package each (docs/architecture.md): `ingest` (capture bytes to an article:
pure functions), `places` (the gazetteer and region recognition), `site` (pages, exports and
the MkDocs side of the build), `search` (the Pagefind index), `dev` (fixtures, synthetic
corpora, evaluation, the PR summary). The modules at the top are shared: the article model and
schema, the archive's files (`archive`: `add` and `check`), the command line (`cli`).
File-system writes happen in `cli`, `archive`, the site and search builders and the caches.
"""
__version__ = "0.1.0"
