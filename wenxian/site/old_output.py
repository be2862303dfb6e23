"""The previous build's output, cleared in the background instead of before the build.

MkDocs empties the site directory before building (`Cleaning site directory`); with 20,000
articles that is about 140,000 files, tens of seconds of a rebuild during which nothing else
happens. Before the build (`move_aside`, called by hooks/clean_site.py
in on_pre_build) the old output is moved (every entry MkDocs would delete: all
but hidden ones) into a hidden folder beside the site directory, which is one rename per entry,
and deletes that folder in a background process while the build runs; `wait` (on_post_build)
waits for it, so a finished build leaves nothing behind and its time includes the deletion. A leftover
folder from an interrupted build is deleted the same way by the next one. When the move cannot
be done (another file system, permissions), MkDocs cleans as usual.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.clean_site")
_deleting: subprocess.Popen | None = None


def trash_dir(site_dir: Path) -> Path:
    """The hidden folder that receives the old output: beside the site directory, so that moving
    into it never crosses file systems, and outside it, so that it is never published."""
    return site_dir.parent / f".{site_dir.name}.wenxian-old"


def move_aside(config) -> None:
    """on_pre_build: move the previous output aside and start deleting it."""
    global _deleting
    site = Path(config["site_dir"]).resolve()
    trash = trash_dir(site)
    config_file = config.get("config_file_path") if hasattr(config, "get") else None
    if config_file and site in Path(config_file).resolve().parents:
        return  # the site folder holds the project itself (a symlink?): leave it to MkDocs' checks
    if not site.is_dir():
        shutil.rmtree(trash, ignore_errors=True)  # a leftover of an interrupted build
        return
    batch = trash / str(os.getpid())
    try:
        batch.mkdir(parents=True, exist_ok=True)
        for entry in os.listdir(site):
            if not entry.startswith("."):  # MkDocs keeps hidden entries (e.g. .git of gh-pages)
                os.rename(site / entry, batch / entry)
    except OSError as exc:
        log.debug(f"site output not moved aside ({exc}); MkDocs cleans it")
        for entry in os.listdir(batch) if batch.is_dir() else ():  # put back what was moved
            os.rename(batch / entry, site / entry)
        shutil.rmtree(trash, ignore_errors=True)
        return
    # A separate process: deleting is mostly system calls, and the build goes on meanwhile.
    _deleting = subprocess.Popen([sys.executable, "-c", "import shutil,sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                                  str(trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)


def wait(config) -> None:
    """on_post_build: wait for the deletion (a finished build leaves nothing behind)."""
    global _deleting
    if _deleting is not None:
        _deleting.wait()
        _deleting = None
        site = Path(config["site_dir"]).resolve()
        shutil.rmtree(trash_dir(site), ignore_errors=True)  # anything added after the process listed it


def wait_after_error() -> None:
    """on_build_error: a failed build still waits for the deletion it started (nothing keeps
    running after it)."""
    global _deleting
    if _deleting is not None:
        _deleting.wait()
        _deleting = None
