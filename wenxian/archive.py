"""The archive on disk: raw captures in archive/ (never rewritten), articles in docs/articles/.

All writes go to a temporary file that is renamed into place, so an interrupted run never
leaves a half-written file.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import article, tags
from .pipeline import extract


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def raw_path(aid: str, suffix: str) -> str:
    return f"archive/{aid[:2]}/{aid}{suffix}"


def prepare(src: Path) -> tuple[bytes, dict]:
    """Read and extract one capture (the CPU-heavy half of `add`, safe to run in a worker
    process). Raises WenxianError on bad input, OSError when the file cannot be read."""
    data = src.read_bytes()
    return data, extract(data, str(src))


def render(src: Path, art: dict, overrides: dict) -> tuple[str, bytes, bytes]:
    """(raw path, sidecar bytes, article bytes) for an extracted capture: pure, so batches
    render in the worker processes and the writing process only writes."""
    aid = art["id"]
    suffix = src.suffix.lower() if src.suffix.lower() in (".txt", ".html", ".htm") else ".txt"
    raw_rel = raw_path(aid, suffix)
    meta = {k: art[k] for k in article.FIELDS if k in art}
    meta.update({k: v for k, v in overrides.items() if v is not None and k in article.FIELDS})
    meta["raw"] = raw_rel
    sidecar = {"id": aid, "sha256": art["sha256"], "original_name": src.name, "url": overrides.get("source_url"),
               "captured": overrides.get("captured"), "note": overrides.get("note"), "encoding": art["encoding"]}
    return (raw_rel, (json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n").encode(),
            article.to_markdown(meta, art["body"]).encode("utf-8"))


def store(root: Path, aid: str, data: bytes, rendered: tuple[str, bytes, bytes]) -> tuple[str, str]:
    """Write a rendered capture into the archive: raw bytes, sidecar, article (each atomic, the
    article last so that an interrupted add leaves no article without its raw file)."""
    raw_rel, sidecar, md = rendered
    md_path = root / "docs" / "articles" / f"{aid}.md"
    if (root / raw_rel).exists() and md_path.exists():
        return aid, "unchanged"
    atomic_write(root / raw_rel, data)
    atomic_write(root / raw_path(aid, ".json"), sidecar)
    atomic_write(md_path, md)
    return aid, "added"


def add(root: Path, src: Path, overrides: dict) -> tuple[str, str]:
    """Store one capture; return (id, 'added' | 'unchanged'). Raises WenxianError on bad input."""
    data, art = prepare(src)
    return store(root, art["id"], data, render(src, art, overrides))


def check(root: Path, files: list[Path] | None = None) -> list[str]:
    """`path:line: message` for every problem in the archive (schema, ids, fixity); `files`
    limits the check to those article files (pre-commit's changed files)."""
    problems = []
    seen: dict[str, str] = {}
    try:
        tags.taxonomy()
        check_tags = True
    except tags.TaxonomyError as exc:
        problems += [f"{exc.path}:{n}: {m}" for n, m in exc.problems]
        check_tags = False
    for md in sorted(files if files is not None else (root / "docs" / "articles").glob("*.md")):
        rel = md.relative_to(root).as_posix()
        try:
            text = md.read_text("utf-8")
            meta, body, body_start = article.parse(text)
        except (ValueError, UnicodeDecodeError) as exc:
            problems.append(f"{rel}:1: {exc}")
            continue
        problems += [f"{rel}:1: {m}" for m in article.validate(meta)]
        if check_tags:
            problems += [f"{rel}:{n}: {m}" for n, m in tags.frontmatter_problems(article.list_item_lines(text, "tags"))]
        problems += [f"{rel}:{body_start + n}: {m}" for n, m in article.unsafe_body_lines(body)]
        problems += [f"{rel}:{n}: {m}" for n, m in article.gazetteer_problems(meta, text)]
        aid = meta.get("id")
        if aid != md.stem:
            problems.append(f"{rel}:1: id '{aid}' does not match the file name")
        if aid in seen:
            problems.append(f"{rel}:1: duplicate id '{aid}' (also in {seen[aid]})")
        seen[aid] = rel
        raw = meta.get("raw")
        if isinstance(raw, str):
            rp = root / raw
            if ".." in Path(raw).parts or not raw.startswith("archive/"):
                problems.append(f"{rel}:1: raw path '{raw}' is outside archive/")
            elif not rp.is_file():
                problems.append(f"{rel}:1: raw file {raw} is missing")
            elif hashlib.sha256(rp.read_bytes()).hexdigest() != meta.get("sha256"):
                problems.append(f"{rel}:1: raw file {raw} does not match its sha256 (fixity)")
    return problems
