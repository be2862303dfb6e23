"""Incremental builds: rewrite only the article, region and listing pages whose inputs changed.

A full build writes every article page (two per article), every region node and listing page
(and the original file of each HTML capture): at 20,000 articles about 82,000 files, after
moving the previous output aside and deleting it. Most of them do not change when one article
is added or edited. This module keeps a **dependency record** of the last finished build under
`.cache/wenxian/build/` and lets the next build keep the previous output of those pages:

- Each shell page (kind, key, script) has an *input key*, a digest of everything its bytes
  depend on (a listing page's is what it shows, `indexes.Later`: its parts and its articles' ids,
  its text made only when it is written; topics, sources, years, the pages after the first of a
  region): the page's shell (the theme's chrome, so mkdocs.yml, overrides/ and the theme's
  version are in it), the site's address, and the articles it shows: for an article page the
  article's own file and capture name plus every article its neighbour lists can show (the
  first `neighbours` + 1 of each of its counties and topics, each with its file's digest); for a
  region page the node, its ancestors' names, its whole subtree with counts and every article
  it lists (with digests) and which nodes have a page of their own. An article page's key
  covers the original file of its HTML capture too (it depends on the article's file only).
- The record holds the input key of every shell page of the last build, the site folder it
  was written to, and is itself keyed like every other cache (`cachefile.source_digest` of the
  package's code and data, the versions of MkDocs, Material, OpenCC, Markdown), so a code or
  dependency change makes it unusable: the build is then a full one.
- Before the build (`begin`, from hooks/clean_site.py) a usable record lets the page folders
  (`articles/`, `regions/`, `raw/` and their `hant/` twins) survive MkDocs' cleaning: they are
  moved aside instead of deleted and back once MkDocs has cleaned (`restore`, on_files). The
  record is deleted at once: a build that does not finish leaves none, and the next one is
  full. When the page writer runs, a page whose input key equals the recorded one and whose
  file is there is not written again; pages of the last build that no longer exist are
  deleted. After a finished build (`finish`) the new record is written.

The output is the output of a full build, byte for byte (tests/test_incremental.py builds,
edits an article, rebuilds and compares with a clean build). Missing, stale (other code,
other site folder) or damaged record: a full build, as before. `incremental: false` in
mkdocs.yml (`WENXIAN_FULL_BUILD=1`) turns it off.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import zlib
from pathlib import Path

from .. import cachefile
from ..files import atomic_write

log = logging.getLogger("mkdocs.hooks.site_pages")
FOLDER = Path(".cache") / "wenxian" / "build"
# Folders of the site written by the page writer only (besides one sample page per kind).
KEPT = ("articles", "regions", "raw", "versions", "topics", "sources", "timeline",
        "hant/articles", "hant/regions", "hant/versions", "hant/topics", "hant/sources", "hant/timeline")


def code_digest() -> str:
    """Every module and data file of the package, and the versions of what renders pages."""
    return cachefile.package_digest(("mkdocs", "mkdocs-material", "opencc", "markdown", "pymdown-extensions"))


def _record_path(root: Path) -> Path:
    return root / FOLDER / "record.json"


def _keep_dir(site: Path) -> Path:
    return site.parent / f".{site.name}.wenxian-keep"


class Incremental:
    """The incremental part of one build (held by the build's state)."""

    def __init__(self, root: Path, site: Path, enabled: bool = True):
        self.root, self.site, self.enabled = root, site.resolve(), enabled
        self._site = f"{self.site}{os.sep}"  # string paths: one check per kept page, 58,000 a build
        self.digest = code_digest()
        self.previous: dict[str, str] = {}   # output URL -> input key, from the record
        self.current: dict[str, str] = {}    # output URL -> input key, this build
        self.kept = False
        self.skipped = 0

    # -- before the build ------------------------------------------------------------------
    def begin(self) -> list[str]:
        """Read and delete the record; with a usable one, move the kept folders aside (they
        come back in `restore`). Returns the site-relative folders moved aside."""
        shutil.rmtree(_keep_dir(self.site), ignore_errors=True)
        path = _record_path(self.root)
        text = cachefile.read(path, self.digest)
        try:
            record = json.loads(text) if text is not None else None
        except ValueError:
            record = None
        mine = isinstance(record, dict) and record.get("site") == str(self.site)
        if self.enabled or mine or record is None:
            # Deleted when this build uses it, when it describes this build's folder (a full
            # build into it makes it stale) and when it is unusable; a full build into another
            # folder leaves the record of the site folder as it is.
            try:
                path.unlink()
            except OSError:
                pass
        if not self.enabled:
            return []
        if not isinstance(record, dict) or record.get("site") != str(self.site) or not isinstance(record.get("pages"), dict):
            return []
        moved = []
        keep = _keep_dir(self.site)
        try:
            for rel in KEPT:
                src = self.site / rel
                if src.is_dir() and not src.is_symlink():
                    dest = keep / rel.replace("/", "__")
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    os.rename(src, dest)
                    moved.append(rel)
        except OSError as exc:
            log.debug(f"incremental: previous pages not kept ({exc}); full build")
            shutil.rmtree(keep, ignore_errors=True)
            return []
        self.previous, self.kept = record["pages"], True
        return moved

    def restore(self) -> None:
        """on_files (MkDocs has cleaned the site folder): the kept folders go back."""
        if not self.kept:
            return
        keep = _keep_dir(self.site)
        try:
            for rel in KEPT:
                src = keep / rel.replace("/", "__")
                if src.is_dir():
                    (self.site / rel).parent.mkdir(parents=True, exist_ok=True)
                    os.rename(src, self.site / rel)
        except OSError as exc:
            log.warning(f"incremental: previous pages could not be put back ({exc}); full build")
            self.kept, self.previous = False, {}
            for rel in KEPT:
                shutil.rmtree(self.site / rel, ignore_errors=True)
        shutil.rmtree(keep, ignore_errors=True)

    def abandon(self) -> None:
        """on_build_error: a failed build leaves no kept folder beside the site (and no record)."""
        shutil.rmtree(_keep_dir(self.site), ignore_errors=True)

    # -- while writing ---------------------------------------------------------------------
    def unchanged(self, url: str, key: str, files=()) -> bool:
        """Record `key` (and the other files written with the page, site-relative) for the page
        at `url`; True when its previous output can stay."""
        self.current[url] = [key, list(files)]
        prev = self.previous.get(url)
        if self.kept and isinstance(prev, list) and prev[:1] == [key] and os.path.isfile(f"{self._site}{url}index.html"):
            self.skipped += 1
            return True
        return False

    def remove_stale(self) -> int:
        """Delete the pages of the last build that this one does not have, with the files
        written beside them (the original file of an HTML capture)."""
        n = 0
        for url in set(self.previous) - set(self.current):
            prev = self.previous[url]
            files = prev[1] if isinstance(prev, list) and len(prev) > 1 and isinstance(prev[1], list) else []
            for rel in [url + "index.html", *files]:
                try:
                    (self.site / rel).unlink()
                    n += 1
                except OSError:
                    pass
            try:
                (self.site / url).rmdir()
            except OSError:
                pass
        return n

    # -- after the build -------------------------------------------------------------------
    def finish(self) -> None:
        if not self.enabled or not self.current:
            return
        data = json.dumps({"site": str(self.site), "pages": self.current}, sort_keys=True)
        cachefile.write(_record_path(self.root), self.digest, data)


# -- input keys ------------------------------------------------------------------------------

def _h(*parts) -> str:
    """Digest of `parts`, each followed by a NUL (one join and one update: the keys hash
    hundreds of thousands of parts per build, and an update per part cost seconds)."""
    joined = "".join(f"{p}\0" for p in parts)
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Keys:
    """Input keys of the shell pages of one catalog."""

    def __init__(self, cat, texts: dict[str, str], site_url: str):
        self.cat, self.site_url = cat, site_url
        self.digests = {aid: _h(texts.get(a.path, ""), a.path) for aid, a in cat.articles.items()}
        self._subtree: dict[str, str] = {}
        self._heads: dict[tuple[str, str], str] = {}
        self._bases: dict[tuple[str, str], str] = {}   # a page's inputs but its shell, by (kind, key)
        self._shown_memo: dict[str, str] = {}

    def _ids(self, ids) -> str:
        d = self.digests
        return _h(*(f"{i}:{d[i]}" for i in ids))

    def _head(self, kind: str, key: str, ids) -> str:
        """Digest of the first `neighbours` (data/listings.yml) + 1 ids of a county's or topic's list (what the
        neighbour lists of an article page can show), once per build and list."""
        from itertools import islice

        from .article_page import neighbours_max

        got = self._heads.get((kind, key))
        if got is None:
            got = self._heads[(kind, key)] = self._ids(islice(ids, neighbours_max() + 1))
        return got

    def article(self, aid: str, shell_digest: str) -> str:
        got = self._bases.get(("a", aid))
        if got is None:
            got = self._bases[("a", aid)] = self._article(aid)
        return _h(shell_digest, got)

    def _article(self, aid: str) -> str:
        """An article page's inputs but the shell, the same in both scripts (made once)."""
        from . import reprints
        from .article_page import _slug_cache
        from .catalog import chains

        cat, a = self.cat, self.cat.articles[aid]
        region_chains, place_chains = chains(cat, aid)
        parts = [self.site_url, self.digests[aid], cat.memo.get("captures", {}).get(aid)]
        # Its reprints section: the group and its members' files (their titles, outlets, dates).
        group = reprints.section_key(cat, aid)
        parts.append((group, tuple(self.digests[c[0]] for c in (group[3] if group else ()))))
        # The region and place chains of the metadata panel follow from the article's file and the
        # gazetteer (in the record's key); the neighbour lists from the heads of its counties' lists;
        # where its region links lead (a node without a page of its own links to an ancestor's page,
        # or to its section there) from where each node of the chains is shown.
        for chain in region_chains:
            for code, _, level in chain:
                node = cat.regions.get(code)
                if node is not None and level == "county":
                    parts.append(("r", code, self._head("r", code, node.about)))
        for chain in region_chains + place_chains:
            parts.append(self._shown(chain[-1][0]) if chain else "")
        slugs = _slug_cache(cat)
        for name in a.get("tags", []):
            topic = cat.topics.get(slugs.get(name, ""))
            parts.append(("t", name, self._head("t", topic.slug, topic.ids) if topic else ""))
        return _h(*parts)

    def _shown(self, code: str) -> str:
        """Where the node `code` and each of its ancestors is shown (catalog.region_places), once
        per node: the chains of many articles share their nodes."""
        got = self._shown_memo.get(code)
        if got is None:
            from .catalog import region_places

            node = self.cat.regions.get(code)
            up = self._shown(node.parent) if node is not None and node.parent else ""
            got = self._shown_memo[code] = f"{region_places(self.cat).get(code)}<{up}"
        return got

    def version(self, copy_id: str, shell_digest: str) -> str:
        """A difference view: its group as the reprint sections show it and the files of the
        copy and of its reference (their texts, titles, outlets, dates)."""
        from . import reprints

        group = reprints.section_key(self.cat, copy_id)
        return _h(shell_digest, self.site_url, group, self.digests[copy_id], self.digests[group[1]] if group else "")

    def _tree(self, code: str) -> str:
        """The node and its subtree as the region pages show them (names, codes, counts)."""
        got = self._subtree.get(code)
        if got is None:
            from .catalog import region_places

            node = self.cat.regions[code]
            kids = sorted(node.children)
            # where each node is shown: which sections the page holds (their articles are among the
            # page's own lists, whose ids and files are in the key)
            got = self._subtree[code] = _h(node.code, node.name, node.level, len(node.about), len(node.mentioned),
                                           region_places(self.cat)[code], *(self._tree(k) for k in kids))
        return got

    def region(self, code: str, shell_digest: str) -> str:
        got = self._bases.get(("r", code))
        if got is None:
            got = self._bases[("r", code)] = self._region(code)
        return _h(shell_digest, got)

    def _region(self, code: str) -> str:
        cat = self.cat
        node = cat.regions[code]
        from .catalog import region_places

        chain, up = [], cat.regions.get(node.parent) if node.parent else None
        while up is not None:
            chain.append((up.code, up.name, region_places(cat)[up.code]))
            up = cat.regions.get(up.parent) if up.parent else None
        return _h(self.site_url, self._tree(code), chain, self._ids(node.about), "|", self._ids(node.mentioned))


    def listing(self, page, shell_digest: str) -> str:
        """A listing page (topic, source, year, region page after the first; indexes.Later): what
        it shows besides its articles, and its articles with their files' digests."""
        return _h(shell_digest, self.site_url, page.parts, *(self._ids(ids) for ids in page.ids))


def shell_digest(made) -> str:
    return _h(made.head, made.tail, made.item, made.between)


class ExportLines:
    """The export lines (JSON Lines, CSV) of each article from the last build, reused while the
    article's file, the site's address and the code are the same: an incremental build makes
    only the lines of the changed articles (at 20,000 articles making every line took seconds).

    Kept under `.cache/wenxian/build/`: per kind a file of lines one after another
    (`exports-<kind>.bin`, UTF-8) and one index `exports.json` (keyed like the record) giving each
    article's digest and the span of its line, and the digest of each lines file. A build reads
    the lines files as bytes and cuts its lines out (decoding 100 MB of JSON-escaped lines took
    3 s at 20,000 articles); a build that made new lines appends them and rewrites only the small
    index; the lines file is written anew when more than half of it is lines no longer used."""

    def __init__(self, root: Path, digest: str, site_url: str, digests: dict[str, str]):
        self.folder, self.key = root / FOLDER, _h(digest, site_url)
        self.path = self.folder / "exports.json"
        self.digests = digests   # article id -> digest of its file (Keys.digests)
        text = cachefile.read(self.path, self.key)
        try:
            index = json.loads(text) if text is not None else {}
        except ValueError:
            index = {}
        index = index if isinstance(index, dict) else {}
        self.blobs: dict[str, bytes] = {}
        self.hashes: dict[str, "hashlib._Hash"] = {}
        self.old: dict[str, dict] = {}
        for kind, entry in index.items():
            blob, h = self._blob(kind, entry)
            if blob is not None:
                self.blobs[kind], self.hashes[kind], self.old[kind] = blob, h, entry["lines"]
        self.new: dict[str, dict[str, list]] = {}
        self.added: dict[str, dict[str, str]] = {}   # kind -> {id: line} made by this build
        self.made = 0

    def _blob(self, kind: str, entry) -> tuple[bytes | None, object]:
        """The lines file of `kind` up to the size the index gives, when its digest matches."""
        if not (isinstance(entry, dict) and isinstance(entry.get("size"), int) and isinstance(entry.get("lines"), dict)):
            return None, None
        try:
            with open(self._file(kind), "rb") as f:
                blob = f.read(entry["size"])
        except OSError:
            return None, None
        h = hashlib.blake2b(blob, digest_size=16)
        return (blob, h) if len(blob) == entry["size"] and h.hexdigest() == entry.get("sum") else (None, None)

    def _file(self, kind: str) -> Path:
        return self.folder / f"exports-{kind}.bin"

    def __call__(self, kind: str, aid: str, make, also: str = "") -> str:
        # `also`: what the line shows besides the article's file (its reprint group)
        digest = f"{self.digests.get(aid)}|{also}"
        prev = self.old.get(kind, {}).get(aid)
        if isinstance(prev, list) and len(prev) == 3 and prev[0] == digest and isinstance(prev[1], int) \
                and isinstance(prev[2], int) and 0 <= prev[1] <= prev[2] <= len(self.blobs[kind]):
            try:
                line = self.blobs[kind][prev[1]:prev[2]].decode("utf-8")
                self.new.setdefault(kind, {})[aid] = prev
                return line
            except UnicodeDecodeError:
                pass
        line = make()
        self.made += 1
        self.new.setdefault(kind, {})[aid] = [digest, None, None]   # placed by save
        self.added.setdefault(kind, {})[aid] = line
        return line

    def save(self) -> None:
        """Append this build's new lines (or write the lines file anew) and write the index."""
        if not self.made and self.new == self.old:
            return
        index = {}
        for kind, lines in self.new.items():
            blob = self.blobs.get(kind, b"")
            made = self.added.get(kind, {})
            live = sum(e[2] - e[1] for e in lines.values() if e[1] is not None)
            path = self._file(kind)
            self.folder.mkdir(parents=True, exist_ok=True)
            if kind not in self.blobs or len(blob) > 2 * (live + 1):
                # anew: every line of this build, in its order
                chunks, pos, out = [], 0, {}
                for aid, entry in lines.items():
                    data = blob[entry[1]:entry[2]] if entry[1] is not None else made[aid].encode("utf-8")
                    out[aid] = [entry[0], pos, pos + len(data)]
                    chunks.append(data)
                    pos += len(data)
                data = b"".join(chunks)
                atomic_write(path, data, suffix=".tmp", make_parent=False)
                h = hashlib.blake2b(data, digest_size=16)
                index[kind] = {"size": len(data), "sum": h.hexdigest(), "lines": out}
                continue
            # append the new lines after the part the index covers
            pos, h, tail = len(blob), self.hashes[kind].copy(), []
            for aid, line in made.items():
                data = line.encode("utf-8")
                lines[aid] = [lines[aid][0], pos, pos + len(data)]
                tail.append(data)
                pos += len(data)
            data = b"".join(tail)
            with open(path, "r+b") as f:
                f.truncate(len(blob))
                f.seek(len(blob))
                f.write(data)
            h.update(data)
            index[kind] = {"size": pos, "sum": h.hexdigest(), "lines": lines}
        cachefile.write(self.path, self.key, json.dumps(index))


class GzipMembers:
    """The gzip members of the JSON Lines export from the last build (exports.jsonl_gz), reused
    for the same data: compressing the whole export took ≈ 8 s at 20,000 articles, and one
    changed article changes one member of ≈ 64 lines.

    Kept under `.cache/wenxian/build/jsonl-gz/`, one file a member named by the digest of its
    uncompressed data (with the code digest, which covers the compressor's settings); a file is
    used only when it decompresses to that data, and `save` removes the members this build did
    not use."""

    def __init__(self, root: Path, digest: str, compress):
        self.folder = root / FOLDER / "jsonl-gz"
        self.key, self.compress = digest, compress
        self.used: set[str] = set()
        self.made = 0

    def __call__(self, data: bytes) -> bytes:
        name = _h(self.key, hashlib.blake2b(data, digest_size=16).hexdigest()) + ".gz"
        self.used.add(name)
        path = self.folder / name
        try:
            member = path.read_bytes()
            if zlib.decompress(member, 31) == data:
                return member
        except (OSError, zlib.error):
            pass
        member = self.compress(data)
        self.made += 1
        atomic_write(path, member, suffix=".tmp", make_parent=True)
        return member

    def save(self) -> None:
        """Remove the members this build did not use."""
        try:
            names = [p for p in self.folder.iterdir() if p.name not in self.used]
        except OSError:
            return
        for path in names:
            path.unlink(missing_ok=True)
