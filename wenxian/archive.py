"""The archive on disk: raw captures in archive/ (never rewritten), articles in docs/articles/.

All writes go to a temporary file that is renamed into place, so an interrupted run never
leaves a half-written file.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from pathlib import Path

from . import article, invisible, schema, tags
from .ingest import kinds
from .ingest import limits
from .ingest import webarchive
from .errors import WenxianError
from .files import atomic_write as _atomic_write
from .ingest.limits import read_capture
from .ingest.pipeline import extract


TEMP_PREFIX = ".tmp-"  # atomic_write's temporary files; left behind only by a killed process
# The exact name atomic_write gives its temporary file: .tmp-<target name>.<pid>.<8 random>.
TEMP_NAME = re.compile(r"\.tmp-(?P<target>[^/]+)\.(?P<pid>[0-9]+)\.[a-z0-9_]{8}\Z")


def atomic_write(path: Path, data: bytes) -> None:
    """files.atomic_write, its temporary file named after the file it becomes and this process
    (TEMP_NAME), so `check` can tell a leftover of a killed add from any other file."""
    _atomic_write(path, data, prefix=f"{TEMP_PREFIX}{path.name}.{os.getpid()}.")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid != 0
    return True


def remove_stale_temps(path: Path, temps: "StaleTemps | None" = None) -> list[Path]:
    """Delete the temporary files an interrupted earlier write of `path` left beside it (their
    writing process is gone); returns them. A re-add thus cleans up after a killed add. `temps`:
    the listing of the folder made once for a whole `add` (StaleTemps), else the folder is listed
    now."""
    out = []
    for p in (temps or StaleTemps()).of(path):
        m = TEMP_NAME.match(p.name)
        if m and m["target"] == path.name and not _alive(int(m["pid"])) and not p.is_symlink():
            p.unlink(missing_ok=True)
            out.append(p)
    return out


class StaleTemps:
    """The temporary files (TEMP_NAME) in each folder an `add` writes to, listed once per folder:
    listing `docs/articles/` for each article written made adding 20,000 captures quadratic
    (18.8 of 140 s profiled at 4,000). Leftovers of a killed earlier add are there before this
    add starts; the temporaries this process makes are its own (alive) and never removed."""

    def __init__(self):
        self._folders: dict[Path, dict[str, list[Path]]] = {}

    def of(self, path: Path) -> list[Path]:
        """The temporary files of the folder of `path` named after `path` when first listed."""
        folder = path.parent
        got = self._folders.get(folder)
        if got is None:
            got = self._folders[folder] = {}
            try:
                with os.scandir(folder) as entries:
                    for e in entries:
                        m = TEMP_NAME.match(e.name) if e.name.startswith(TEMP_PREFIX) else None
                        if m:
                            got.setdefault(m["target"], []).append(folder / e.name)
            except OSError:
                pass
        return got.get(path.name, [])


def raw_path(aid: str, suffix: str) -> str:
    return f"archive/{aid[:2]}/{aid}{suffix}"


def prepare(src: Path, page_url: str | None = None) -> tuple[bytes, dict]:
    """Read and extract one capture (the CPU-heavy half of `add`, safe to run in a worker
    process); `page_url` chooses the page of a web archive holding several. Raises WenxianError
    on bad input, OSError when the file cannot be read."""
    data = read_capture(str(src))
    return data, extract(data, str(src), page_url=page_url)


def prepare_pages(src: Path) -> tuple[bytes, list[dict]]:
    """`add --all`: one article per HTML page of a web archive holding several, each with the id
    `webarchive.page_id` gives it (they share the capture); any other capture as `prepare`."""
    data = read_capture(str(src))
    if not kinds.is_web_archive(src.name):
        return data, [extract(data, str(src))]
    limits.check_size(data, str(src))
    found = webarchive.pages(data, str(src))
    if len(found) < 2:
        return data, [extract(data, str(src))]
    nameless = [n for n, page in enumerate(found, 1) if page.url is None]
    if nameless:
        raise webarchive.WebArchiveError(str(src), f"page {nameless[0]} has no http(s) URL: add the pages one by one "
                                                   "with --url instead of --all")
    arts = [extract(data, str(src), page_url=page.url) for page in found]
    return data, [art.replace(id=webarchive.page_id(art["sha256"], page.url or "")) for art, page in zip(arts, found)]


def capture_text(data: bytes, path: str, art: "article.ExtractedArticle") -> str:
    """The text scanned for personal data: the decoded file (a saved page: its HTML source, all of
    which is published), or for a web archive the HTML source of the article's page, decoded as
    extraction decoded it. Its lines are the ones `extract` numbers (`capture_lines_are_source`)."""
    from .ingest.decode import decode

    if kinds.is_web_archive(path):
        body = webarchive.main_page(data, path, art.get("source_url")).body
        try:
            return body.decode(art["encoding"]).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError, TypeError):
            return decode(body, path, markup=True).text
    return decode(data, path, markup=kinds.is_page(path)).text


def capture_lines_are_source(path: str) -> bool:
    """True when a capture's line numbers (removed list, personal-data warnings) are lines of an
    HTML source (a saved page, a web archive's page), False for a text capture's own lines."""
    return kinds.holds_html(path)


# Frontmatter fields a contributor can give on the command line of `wenxian add`.
OPTION_OF = {"source": "--source", "source_url": "--url", "date": "--date", "captured": "--captured"}


def render(src: Path, art: "article.ExtractedArticle", overrides: dict, pages: dict | None = None) -> tuple[str, bytes, bytes]:
    """(raw path, sidecar bytes, article bytes) for an extracted capture: pure, so batches
    render in the worker processes and the writing process only writes. The capture is stored
    under its own id (the start of its sha256) and real suffix; `pages` ({article id: page URL})
    is the sidecar's record of the pages of a web archive that became articles (`add --all`)."""
    aid = art["id"]
    kind = kinds.kind_of(src.name)
    raw_rel = raw_path(art["sha256"][:len(aid)], kind.suffix if kind else ".txt")
    meta = art.frontmatter() if isinstance(art, article.ExtractedArticle) else {k: art[k] for k in article.FIELDS if k in art}
    meta.update({k: v for k, v in overrides.items() if v is not None and k in article.FIELDS})
    meta["raw"] = raw_rel
    if overrides.get("date") is None and meta.get("date") is not None and schema.date_problem(meta["date"]):
        meta["date"] = None  # a printed date that does not exist (2019-02-30) is no date: never guessed
    refused = schema.problems(meta)
    if refused:  # what `check` and the build would refuse is never written
        options = sorted({OPTION_OF[f] for f, _, _ in refused if f in OPTION_OF})
        raise WenxianError(str(src), "the article would not pass `wenxian check`: "
                                     + "; ".join(m for _, _, m in refused[:3])
                                     + (f" (give the value with {', '.join(options)})" if options else ""))
    name = os.fsencode(src.name).decode("utf-8", "backslashreplace")  # non-UTF-8 file names
    sidecar = {"id": art["sha256"][:len(aid)], "sha256": art["sha256"], "original_name": name,
               "url": overrides.get("source_url") or art.get("source_url"),
               "captured": overrides.get("captured") or art.get("captured"), "note": overrides.get("note"),
               "encoding": art["encoding"],
               # when the capture entered the archive (UTC day): the one date an article without a
               # publication or capture date can be listed by in the feed (wenxian.site.exports.atom)
               "added": overrides.get("added") or added_today()}
    if kinds.is_web_archive(src.name):
        sidecar["pages"] = pages or {aid: art.get("source_url")}
    return (raw_rel, (json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n").encode(),
            article.to_markdown(meta, art["body"]).encode("utf-8"))


def added_today() -> str:
    import datetime

    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def store(root: Path, aid: str, data: bytes, rendered: tuple[str, bytes, bytes],
          temps: StaleTemps | None = None) -> tuple[str, str]:
    """Write a rendered capture into the archive: raw bytes, sidecar, article (each atomic, the
    article last so that an interrupted add leaves no article without its raw file). Temporary
    files a killed earlier add left for these files are removed first. When a write fails (full
    disk, read-only folder), the files this call created are removed again and WenxianError
    names the folder that could not be written. `temps`: the folders' listings of the whole add
    (StaleTemps), else each folder is listed now."""
    raw_rel, sidecar, md = rendered
    md_path = root / "docs" / "articles" / f"{aid}.md"
    if (root / raw_rel).exists() and md_path.exists():
        return aid, "unchanged"
    sidecar_path = root / raw_path(kinds.split(Path(raw_rel).name)[0], ".json")
    targets = [(root / raw_rel, data), (sidecar_path, _keep_pages(sidecar_path, sidecar)), (md_path, md)]
    created: list[Path] = []
    try:
        for path, content in targets:
            if path.parent.is_dir():
                remove_stale_temps(path, temps)
            existed = path.exists()
            atomic_write(path, content)
            if not existed:
                created.append(path)
    except OSError as exc:
        for done in created:
            done.unlink(missing_ok=True)
        folder = path.parent
        reason = "it is not a folder" if folder.exists() and not folder.is_dir() else exc.strerror or str(exc)
        try:
            shown = folder.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            shown = str(folder)
        raise WenxianError(shown, f"cannot write {path.name}: {reason} (nothing was added)") from None
    return aid, "added"


def _keep_pages(path: Path, sidecar: bytes) -> bytes:
    """The new sidecar of a web archive, still recording the pages that earlier adds made into
    articles (`add --all`, then `add --url` for one page, or the other way round)."""
    known = sidecar_pages(path) if path.is_file() else {}
    if not known:
        return sidecar
    new = json.loads(sidecar)
    new["pages"] = {**known, **(new.get("pages") or {})}
    try:  # the capture was added when it was first added
        first = json.loads(path.read_text("utf-8")).get("added")
    except (OSError, ValueError):
        first = None
    if isinstance(first, str) and first:
        new["added"] = first
    return (json.dumps(new, ensure_ascii=False, indent=1) + "\n").encode()


def add(root: Path, src: Path, overrides: dict) -> tuple[str, str]:
    """Store one capture; return (id, 'added' | 'unchanged'). Raises WenxianError on bad input."""
    data, art = prepare(src, overrides.get("page_url"))
    return store(root, art["id"], data, render(src, art, overrides))


def check(root: Path, files: list[Path] | None = None, stats: dict | None = None) -> list[str]:
    """`path:line: message` for every problem in the archive (schema, ids, fixity); `files`
    limits the check to those article files (pre-commit's changed files). `stats`, when given,
    receives the number of article files checked (`articles`)."""
    problems = []
    seen: dict[str, str] = {}
    referenced: set[str] = set()
    try:
        tags.taxonomy()
        check_tags = True
    except tags.TaxonomyError as exc:
        problems += [f"{exc.path}:{n}: {m}" for n, m in exc.problems]
        check_tags = False
    articles = sorted(files if files is not None else (root / "docs" / "articles").glob("*.md"))
    if stats is not None:
        stats["articles"] = len(articles)
    for md in articles:
        rel = _shown_path(md, root)
        # An article that cannot be read through (bad YAML, a broken id or raw path) still
        # stands for the capture named like it: its problem is reported once, not again as
        # "no article references" for its own capture and sidecar.
        own = _own_files(root, md.stem)
        try:
            text = md.read_text("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{rel}:1: not UTF-8 text ({exc.reason} at byte {exc.start})")
            referenced.update(own)
            continue
        except OSError as exc:
            problems.append(f"{rel}:1: cannot be read: {exc.strerror}")
            referenced.update(own)
            continue
        try:
            meta, body, _start, lines = article.parse_lines(text)
        except article.FrontmatterError as exc:
            problems.append(f"{rel}:{exc.line}: {exc}")
            referenced.update(own)
            continue
        found = article.problems(text, (meta, body), check_tags=check_tags)
        problems += [f"{rel}:{n}: {m}" for n, m in found]
        aid, raw = meta.get("id"), meta.get("raw")
        if not isinstance(aid, str) or not schema.valid_id(aid):
            referenced.update(own)
            continue  # reported above
        id_line = lines.get("id", 1)
        if aid != md.stem:
            problems.append(f"{rel}:{id_line}: id '{aid}' does not match the file name")
        if aid in seen:
            problems.append(f"{rel}:{id_line}: duplicate id '{aid}' (also in {seen[aid]})")
        seen[aid] = rel
        if not isinstance(raw, str) or any(f == "raw" for f, _, _ in schema.problems({"raw": raw})):
            referenced.update(own)
            continue  # reported above
        problems += [f"{rel}:{lines.get('raw', 1)}: {m}" for m in _sidecar_problems(root, aid, raw, meta, referenced)]
        rp, raw_line = root / raw, lines.get("raw", 1)
        if ".." in Path(raw).parts or not raw.startswith("archive/"):
            problems.append(f"{rel}:{raw_line}: raw path '{raw}' is outside archive/")
        elif rp.is_symlink():
            problems.append(f"{rel}:{raw_line}: raw file {raw} is a link (links are not allowed)")
        elif not rp.is_file():
            problems.append(f"{rel}:{raw_line}: raw file {raw} is missing")
        elif hashlib.sha256(rp.read_bytes()).hexdigest() != meta.get("sha256"):
            problems.append(f"{rel}:{raw_line}: raw file {raw} does not match its sha256 (fixity)")
    if (root / "archive").is_symlink():
        problems.append("archive:1: archive/ is a link; it must be a real folder of the repository")
    if files is not None:  # a partial check (pre-commit): the tree is checked only in full runs
        return problems
    return problems + _stray_files(root, referenced)


def _own_files(root: Path, stem: str) -> set[str]:
    """The archive files (capture and sidecar) named after the article file `<stem>.md`."""
    folder = root / "archive" / stem[:2]
    if not schema.valid_id(stem) or not folder.is_dir():
        return set()
    return {p.relative_to(root).as_posix() for p in folder.glob(f"{glob.escape(stem)}.*")}


def _shown_path(path: Path, root: Path) -> str:
    """A file's path for messages: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _sidecar_problems(root: Path, aid: str, raw: str, meta: dict, referenced: set[str]) -> list[str]:
    """The raw path must be the one derived from the id, the id the start of the sha256, and the
    sidecar present and about this capture. Records both files as referenced."""
    out = []
    sha = meta.get("sha256") if isinstance(meta.get("sha256"), str) else ""
    # The capture's own id: the article's, or for one page of a web archive made into several
    # articles (`add --all`) the start of the capture's sha256.
    cid = sha[:len(aid)] if kinds.is_web_archive(raw) and sha and not sha.startswith(aid) else aid
    ext = kinds.split(Path(raw).name)[1]
    if raw != raw_path(cid, ext) or kinds.kind_of(raw) is None:
        out.append(f"raw path '{raw}' is not archive/<id[:2]>/<id><suffix> for id '{cid}' "
                   f"(suffixes: {', '.join(kinds.SUFFIXES)})")
    sidecar = raw_path(cid, ".json")
    referenced.update((raw, sidecar))
    sp = root / sidecar
    if not sp.is_file():
        return out + [f"sidecar {sidecar} is missing"]
    try:
        data = json.loads(sp.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return out + [f"sidecar {sidecar} is not valid JSON"]
    if not isinstance(data, dict) or data.get("id") != cid or data.get("sha256") != meta.get("sha256"):
        out.append(f"sidecar {sidecar} does not match the article (id, sha256)")
    if sha and not sha.startswith(cid):
        out.append(f"id '{cid}' is not the start of its sha256")
    elif cid != aid:
        pages = data.get("pages") if isinstance(data, dict) else None
        url = pages.get(aid) if isinstance(pages, dict) else None
        if not isinstance(url, str) or webarchive.page_id(sha, url) != aid:
            out.append(f"id '{aid}' is neither the start of its sha256 nor a page of {sidecar} (`add --all`)")
    return out


def _stray_files(root: Path, referenced: set[str]) -> list[str]:
    """Fixity of the tree: every file in archive/ is a capture or sidecar of an article, and
    docs/articles/ holds only article files. Leftover temp files are `leftovers`, not problems."""
    out = []
    for top, allowed in (("archive", None), ("docs/articles", ".md")):
        base = root / top
        for dirpath, dirnames, filenames in os.walk(base):
            for name in sorted(filenames + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]):
                p = Path(dirpath) / name
                rel = p.relative_to(root).as_posix()
                if _add_leftover(root, p):
                    continue
                if p.is_symlink() or not p.is_file():
                    out.append(f"{rel}:1: not a regular file (links and special files are not allowed)")
                elif allowed is None and rel not in referenced and not _interrupted_capture(root, p):
                    out.append(f"{rel}:1: file in archive/ that no article references (added or left over)")
                elif allowed is not None and (p.suffix != allowed or p.parent != base):
                    out.append(f"{rel}:1: not an article file (docs/articles/ holds only <id>.md)")
    return out


_LEFTOVER_TARGET = re.compile(schema.ID_PATTERN + r"(?:" + "|".join(re.escape(x) for x in (*kinds.SUFFIXES, ".json", ".md"))
                              + r")\Z")


def _add_leftover(root: Path, p: Path) -> bool:
    """A temporary file of an `add` that was killed mid-write: exactly atomic_write's name for
    one of the files `add` writes, in that file's folder, a regular file within the size limit.
    Anything else named `.tmp-*` is a stray file (`check` fails), not a leftover."""
    m = TEMP_NAME.match(p.name)
    if not m or p.is_symlink() or not p.is_file() or not _LEFTOVER_TARGET.match(m["target"]):
        return False
    target = m["target"]
    folder = root / "docs" / "articles" if target.endswith(".md") else root / "archive" / target[:2]
    from .datafiles import load

    return p.parent == folder and p.stat().st_size <= load("limits.yml")["max_bytes"]


def _interrupted_capture(root: Path, p: Path) -> bool:
    """A capture (or its sidecar) stored by an `add` that was killed before it wrote the article:
    complete and self-certifying (its name is the start of its own sha256), so it is reported as a
    leftover to finish or delete, not as a fixity problem. `add` writes raw, sidecar, article."""
    aid = kinds.split(p.name)[0]
    if (root / "docs" / "articles" / f"{aid}.md").exists() or p.parent.name != aid[:2] or len(aid) != 12:
        return False
    if any((root / "docs" / "articles" / f"{page}.md").exists() for page in sidecar_pages(p.with_name(aid + ".json"))):
        return False  # a web archive whose pages are articles (`add --all`)
    raws = [r for r in p.parent.glob(f"{aid}.*") if kinds.kind_of(r.name) and kinds.split(r.name)[0] == aid]
    return len(raws) == 1 and hashlib.sha256(raws[0].read_bytes()).hexdigest().startswith(aid)


def sidecar_pages(sidecar: Path) -> dict[str, str]:
    """{article id: page URL} of the pages a web-archive sidecar records (empty for any other)."""
    try:
        pages = json.loads(sidecar.read_text("utf-8")).get("pages")
    except (OSError, ValueError, UnicodeDecodeError, AttributeError):
        return {}
    if not isinstance(pages, dict):
        return {}
    return {k: v for k, v in pages.items() if isinstance(k, str) and k.isalnum() and isinstance(v, str)}


def page_of(root: Path, raw: str, aid: str | None) -> str | None:
    """URL of the page of a web-archive capture that article `aid` was made from (its sidecar's
    `pages`), None for any other capture."""
    if not kinds.is_web_archive(raw):
        return None
    folder, name = raw.rsplit("/", 1)
    return sidecar_pages(root / folder / (kinds.split(name)[0] + ".json")).get(aid or "")


def leftovers(root: Path) -> list[str]:
    """Files left by an interrupted `wenxian add`: temporary files, and captures whose article was
    not written yet. Never articles, never published; re-run the add or delete them."""
    temps = [p for top in ("archive", "docs/articles") for p in (root / top).rglob(TEMP_PREFIX + "*")
             if _add_leftover(root, p)]
    orphans = [p for p in (root / "archive").rglob("*.*") if p.is_file() and not p.name.startswith(TEMP_PREFIX)
               and _interrupted_capture(root, p)]
    return sorted(p.relative_to(root).as_posix() for p in temps + orphans)


def invisible_warnings(root: Path) -> list[str]:
    """`path:line: warning: …` for each article line holding bidi controls or zero-width
    characters: kept (they are source text) but shown, since they can hide or reorder text."""
    out = []
    for md in sorted((root / "docs" / "articles").glob("*.md")):
        rel = md.relative_to(root).as_posix()
        try:
            text = md.read_text("utf-8")
        except UnicodeDecodeError:
            continue  # reported by check
        for n, line in enumerate(text.split("\n"), 1):
            found = invisible.find(line)
            if found:
                names = ", ".join(sorted({name for _, name in found}))
                out.append(f"{rel}:{n}: warning: {len(found)} invisible character(s) kept from the source ({names})")
    return out
