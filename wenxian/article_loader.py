"""Article files parsed once per content, shared by every hook of a build and by rebuilds.

Parsing the YAML frontmatter of every article was done twice per build (site pages, search) and
again on every `mkdocs serve` rebuild; at 20,000 articles that is seconds of pure repetition. A
parsed article depends only on its file's text, so the result is kept by a hash of the text: in
memory for this process, and on disk under `.cache/` as JSON (several times faster to read back
than YAML) so that the next build parses only new or edited files. Validation is not cached: it
runs on the parsed data every time (`catalog.parse_article`).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import article as article_mod
from . import cachefile

# Bump when what parse returns changes for reasons the key does not see (see _salt).
VERSION = "2"  # 2: entries carry a digest (cachefile)
_memory: dict[str, tuple[dict, str]] = {}


def _salt() -> str:
    """The parser's identity: VERSION, PyYAML's version and the source of what parse runs
    (article.py, safeyaml.py, schema.py and its limits)."""
    global _SALT
    if _SALT is None:
        import yaml

        from . import safeyaml, schema
        digest = cachefile.source_digest((article_mod, safeyaml, schema), extra=repr(schema.limits()), size=8)
        _SALT = f"{VERSION} {yaml.__version__} {digest}"
    return _SALT


_SALT: str | None = None


def _key(text: str) -> str:
    return hashlib.blake2b(f"{_salt()}\0{text}".encode("utf-8"), digest_size=16).hexdigest()


def parse(text: str, cache_dir: Path | None = None, write: bool = True) -> tuple[dict, str]:
    """(frontmatter, body) of an article file's text, as article.parse gives them. Raises
    ValueError on bad frontmatter (never cached, so a fixed file is read again). The same
    objects are handed to every caller: treat them as read-only. `write=False` reads the disk
    cache without adding to it (`wenxian add` leaves no file but the ones it adds)."""
    key = _key(text)
    hit = _memory.get(key)
    if hit is not None:
        return hit
    path = cache_dir / key[:2] / f"{key}.json" if cache_dir is not None else None
    cached = cachefile.read(path, key) if path is not None else None  # checked: garbage is a miss
    if cached is not None:
        try:
            meta, body = json.loads(cached)
            if isinstance(meta, dict) and isinstance(body, str):
                _memory[key] = (meta, body)
                return meta, body
        except ValueError:
            pass
    meta, body, _ = article_mod.parse(text)
    if path is not None and write and _json_safe(meta):
        cachefile.write(path, key, json.dumps([meta, body], ensure_ascii=False))
    _memory[key] = (meta, body)
    return meta, body


# One file holding the parsed frontmatter of every article of the last build (with where its
# body starts in its text), beside the per-text entries: reading 20,000 small entries was most of
# the catalog's time at 20,000 articles (issue 18); one JSON file is read in one pass.
INDEX = "index.json"
_indexes: dict[Path, dict] = {}   # cache folder -> its index as read or last written by this process


def _index(cache_dir: Path) -> dict:
    got = _indexes.get(cache_dir)
    if got is None:
        text = cachefile.read(cache_dir / INDEX, _salt())
        try:
            got = json.loads(text) if text is not None else {}
        except ValueError:
            got = {}
        _indexes[cache_dir] = got = got if isinstance(got, dict) else {}
    return got


def _from_index(text: str, key: str, index: dict) -> bool:
    """Put the index's entry for `text` into the memory cache; False when it has none (or a bad one)."""
    entry = index.get(key)
    if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], dict)):
        return False
    start = entry[1]
    if isinstance(start, int) and 0 <= start <= len(text):
        body = text[start:]
    elif isinstance(start, str):
        body = start
    else:
        return False
    _memory[key] = (entry[0], body)
    return True


# A few texts missing from the index (just added or edited) are read from their own entries;
# the index is rewritten only when more are missing or it holds many texts no longer present:
# rewriting 20,000 entries for one edited article took a second of every such build (issue 18).
INDEX_SLACK = 64


def _save_index(texts: list[str], keys: list[str], cache_dir: Path) -> None:
    """The index of exactly these texts, written when it differs much from the one on disk."""
    old = _index(cache_dir)
    wanted = set(keys)
    missing = len(wanted - old.keys())
    if missing == 0 and len(old) == len(wanted) or (
            old and missing <= INDEX_SLACK and len(old.keys() - wanted) <= max(INDEX_SLACK, len(old) // 20)):
        return
    out = {}
    for text, key in zip(texts, keys):
        entry = old.get(key)
        if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], dict):
            out[key] = entry  # came from JSON, so JSON-safe (checking 20,000 again took a second)
            continue
        hit = _memory.get(key)
        if hit is not None and _json_safe(hit[0]):
            body = hit[1]
            out[key] = [hit[0], len(text) - len(body) if text.endswith(body) else body]
    cachefile.write(cache_dir / INDEX, _salt(), json.dumps(out, ensure_ascii=False))
    _indexes[cache_dir] = out


def warm(texts: list[str], cache_dir: Path) -> int:
    """Fill the memory cache for `texts`: from the index of the last build, then by parsing, on
    every core, the texts that are in no cache (a first build of a large archive: YAML is most
    of its catalog time), and write the index of these texts. Returns how many were parsed."""
    from .site import pagewriter

    index = _index(cache_dir)
    keys = [_key(t) for t in texts]
    pending = [(t, k) for t, k in zip(texts, keys) if k not in _memory and not _from_index(t, k, index)]
    missing = [t for t, k in pending if not (cache_dir / k[:2] / f"{k}.json").exists()]
    parsed = _warm_parallel(missing, cache_dir) if len(missing) >= pagewriter.MIN_PARALLEL else 0
    for text, key in pending:
        try:
            parse(text, cache_dir)
        except ValueError:
            pass  # reported with its path by the caller's own parse
    _save_index(texts, keys, cache_dir)
    return parsed


def _warm_parallel(missing: list[str], cache_dir: Path) -> int:
    from .site import pagewriter

    def parse_chunk(chunk) -> int:
        for text in chunk:
            try:
                parse(text, cache_dir)
            except ValueError:
                pass  # reported with its path by the caller's own parse
        return len(chunk)
    return pagewriter.run(missing, parse_chunk)


def _json_safe(meta: dict) -> bool:
    """Only frontmatter that JSON gives back unchanged is cached (YAML may yield dates, sets…;
    such a file fails validation anyway and is reported from the YAML itself)."""
    try:
        return json.loads(json.dumps(meta)) == meta
    except (TypeError, ValueError):
        return False


def read_text(path: Path, shown: str) -> str:
    """The text of an article file; WenxianError naming it as `shown` when it is not UTF-8 or
    cannot be read."""
    from .errors import WenxianError

    try:
        with open(path, encoding="utf-8") as f:  # (not pathlib: 20,000 files a build)
            return f.read()
    except UnicodeDecodeError as exc:
        raise WenxianError(shown, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise WenxianError(shown, f"cannot be read: {exc.strerror}") from None


def article_files(docs_dir: Path) -> list[Path]:
    """docs/articles/*.md in a stable order, without hidden files (editor locks, `.#x.md`),
    which MkDocs does not publish either."""
    folder = Path(docs_dir) / "articles"
    return [folder / name for name in article_names(docs_dir)]


def article_names(docs_dir: Path) -> list[str]:
    """The file names of article_files, in the same order (a directory scan: globbing and
    sorting 20,000 paths took a fifth of a second of every build)."""
    import os

    try:
        entries = os.scandir(Path(docs_dir) / "articles")
    except FileNotFoundError:
        return []
    with entries:
        return sorted(e.name for e in entries if e.name.endswith(".md") and not e.name.startswith(".")
                      and e.is_file())


# Where a build keeps parsed articles, relative to the project root (beside the body cache).
CACHE = Path(".cache") / "wenxian" / "articles"


def load_dir(docs_dir: Path, cache_dir: Path | None = None) -> list[tuple[Path, dict, str]]:
    """(path, frontmatter, body) of every article file under docs_dir, in file-name order.
    Raises WenxianError naming the file when one cannot be read or parsed."""
    from .errors import WenxianError

    out = []
    for path in article_files(docs_dir):
        try:
            meta, body = parse(path.read_text("utf-8"), cache_dir)
        except (ValueError, UnicodeDecodeError) as exc:
            raise WenxianError(str(path), f"cannot read article: {exc}") from None
        out.append((path, meta, body))
    return out
