"""Build cache entries under `.cache/wenxian/` that are checked on every read.

A cache entry is published as it is (a converted body's HTML) or trusted as parsed data, so a
garbage, truncated or edited file must never be used: each entry starts with a line holding
the BLAKE2b digest of its key and its content, checked on read. An entry that fails the check
(or cannot be read or decoded) is a miss: the caller recomputes the value and `write` replaces
the entry. Writes are atomic (temporary file renamed into place), so an interrupted build
leaves no torn entry either.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .files import atomic_write


def source_digest(modules=(), *, data: tuple[str, ...] = (), versions: tuple[str, ...] = (), extra: str = "",
                  size: int = 16) -> str:
    """The identity of the code behind a cache entry, for its key: a BLAKE2b digest of the source
    of `modules`, of the package data files `data` (wenxian/data/<name>, "-" when absent), of the
    installed versions of the distributions `versions` and of `extra`. Every cache of the build
    (parsed articles, converted bodies, search bundles, the fold table) salts its keys with it,
    so a change to any of them gives new keys and no stale entry is used."""
    from importlib import metadata

    from . import datafiles

    h = hashlib.blake2b(digest_size=size)
    for mod in modules:
        h.update(Path(mod.__file__).read_bytes())
    for name in data:
        res = datafiles.file(name)
        h.update(res.read_bytes() if res.is_file() else b"-")
    for dist in versions:
        h.update(metadata.version(dist).encode())
    h.update(extra.encode("utf-8"))
    return h.hexdigest()


def package_digest(versions: tuple[str, ...] = ()) -> str:
    """The identity of the whole package for caches whose values pass through many modules
    (the site's pages, the search's records): every module and data file of `wenxian` and the
    installed versions of the distributions `versions` (about 5 MB read: 0.04 s)."""
    import wenxian

    h = hashlib.blake2b(digest_size=16)
    base = Path(wenxian.__file__).parent
    for path in sorted(base.rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml", ".gz", ".tsv", ".json") and "__pycache__" not in path.parts:
            h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    return source_digest(versions=versions, extra=h.hexdigest())


def _digest(key: str, content: str) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(key.encode("utf-8"))
    h.update(b"\0")
    h.update(content.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def read(path: Path, key: str) -> str | None:
    """The content of a verified entry for `key`, or None (absent, unreadable or not intact)."""
    try:
        data = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    digest, sep, content = data.partition("\n")
    if not sep or digest != _digest(key, content):
        return None
    return content


def write(path: Path, key: str, content: str, made: set | None = None) -> None:
    """Write the entry for `key` atomically; `made`: folders already created by this process."""
    if made is None or path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        if made is not None:
            made.add(path.parent)
    data = (_digest(key, content) + "\n" + content).encode("utf-8", "surrogatepass")
    atomic_write(path, data, suffix=".tmp", make_parent=False)
