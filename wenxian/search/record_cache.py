"""What each article gives the search index, kept between builds by a digest of the article.

A shard's bundle is cached under a key made of everything its records hold (wenxian.search.shards
.bundle_key): for each article its folded text and metadata values (the tokens come from them),
its record fields and its display. Making those for all 20,000 articles of an archive (folding
every text, the displays' forms in the other script) took about 4 s of every build, including a
rebuild after one edit, where only the one shard holding the edited article is indexed again.
So each article's *record digest* (the digest of those four parts, `record_digest`) and the
characters its folded text and values use (`present`, for the browser's fold table) are kept in
one file, `.cache/wenxian/search/records.json`, by the *entry key* of the article (`entry_key`:
its frontmatter, body and reprint group). The file's key names the whole package and OpenCC's
version (cachefile.package_digest: the fold, the display's forms, the dates and places all come
from package code and data) and the fold table of this build; any change makes every entry a
miss. Only the articles of a shard that is indexed again need their parts in full.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import cachefile

FILE = "records.json"


def table_digest(table: dict[str, str]) -> str:
    """The fold table's identity (part of the file's key: folded texts depend on it)."""
    return hashlib.blake2b("".join(k + v for k, v in sorted(table.items())).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def entry_key(meta: dict, body: str, group) -> str:
    """An article's entry: its frontmatter, its body and its reprint group (id, copies) or None."""
    data = json.dumps([meta, group], ensure_ascii=False, sort_keys=True, default=str)
    h = hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16)
    h.update(b"\0" + body.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def record_digest(url: str, folded: str, values: list[str], fields: dict, display: dict) -> str:
    """The digest of what an article puts in its shard's bundle (fields without the shard filter:
    the shard's name is in the bundle key)."""
    data = json.dumps([url, folded, values, fields, display], ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class RecordCache:
    """The entries of the last build (read once), and this build's (written by `save`)."""

    def __init__(self, folder: Path, key: str):
        self.path, self.key = Path(folder) / FILE, key
        text = cachefile.read(self.path, key)
        try:
            old = json.loads(text) if text is not None else {}
        except ValueError:
            old = {}
        self.old: dict = old if isinstance(old, dict) else {}
        self.new: dict[str, list] = {}

    def get(self, entry: str) -> tuple[str, str] | None:
        """(record digest, present characters) of the entry, when the last build made it."""
        got = self.old.get(entry)
        if isinstance(got, list) and len(got) == 2 and all(isinstance(x, str) for x in got):
            self.new[entry] = got
            return got[0], got[1]
        return None

    def put(self, entry: str, digest: str, present: str) -> None:
        self.new[entry] = [digest, present]

    def save(self) -> None:
        """Write this build's entries (those of articles gone are dropped) when they changed."""
        if self.new != self.old:
            cachefile.write(self.path, self.key, json.dumps(self.new, ensure_ascii=False, sort_keys=True))
