"""File modes: atomic writes that get the mode a plain open() would give, and a published site
that any user (a web server, `rsync -a`, `tar`) can read.

`tempfile.mkstemp` creates its file with mode 0600 whatever the umask, and `os.replace` keeps
that mode: a file written through it and served by nginx answers 403. So every atomic write of
the package and the hooks goes through `atomic_write` below, which sets 0o666 & ~umask — what
`open(path, "w")` gives (0644 under the usual umask 022). A built site is for publishing, so
`make_readable` then adds read permission for everyone (and search permission on folders) to
every file of it, whatever the umask of the build: under umask 077 MkDocs itself writes 0600.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o644   # what make_readable guarantees at least (owner may also have more)
DIR_MODE = 0o755


_UMASK: tuple[int, int] | None = None  # (pid, umask): read once per process


def umask() -> int:
    """The process's umask, read once per process without changing it (Linux: /proc/self/status;
    elsewhere the set-and-restore dance, not thread-safe, done once)."""
    global _UMASK
    if _UMASK is None or _UMASK[0] != os.getpid():
        _UMASK = (os.getpid(), _read_umask())
    return _UMASK[1]


def _read_umask() -> int:
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def open_mode(mask: int | None = None) -> int:
    """The mode open() gives a new file: 0o666 & ~umask."""
    return 0o666 & ~(umask() if mask is None else mask)


def atomic_write(path: Path, data: bytes | str, *, prefix: str = ".tmp-", suffix: str = "",
                 make_parent: bool = True) -> None:
    """Write `data` (str: UTF-8) to `path` through a temporary file in the same folder renamed
    into place, so a reader never sees a half-written file; the file gets open()'s mode.
    (make_parent=False: the caller has made the folder.)"""
    path = Path(path)
    if make_parent:
        path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        os.fchmod(fd, open_mode())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def readable_mode(mode: int) -> int:
    """`mode` with read for everyone added (and search, for folders); nothing is taken away."""
    return mode | (DIR_MODE if stat.S_ISDIR(mode) else FILE_MODE)


def make_readable(folder: Path) -> int:
    """Give every file under `folder` (and the folder) at least mode 0644, every folder 0755;
    symbolic links are left alone. Returns how many modes were changed (0 under umask 022)."""
    changed = 0
    stack = [Path(folder)]
    st = os.stat(folder)
    if readable_mode(st.st_mode) != st.st_mode:
        os.chmod(folder, stat.S_IMODE(readable_mode(st.st_mode)))
        changed += 1
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_symlink():
                    continue
                mode = entry.stat(follow_symlinks=False).st_mode
                want = readable_mode(mode)
                if want != mode:
                    os.chmod(entry.path, stat.S_IMODE(want))
                    changed += 1
                if stat.S_ISDIR(mode):
                    stack.append(Path(entry.path))
    return changed


def make_site_readable(site: Path) -> int:
    """After a build: every file of the site readable by any user (hooks/readable.py, listed
    last). Under a umask that lets others read (022, 002), every file the build wrote is
    readable already; only the search bundles, hard-linked from a cache an earlier build may
    have written under another umask, need the walk (20,000 articles: ≈ 140,000 files
    otherwise). Returns the number of modes changed."""
    site = Path(site)
    if umask() & 0o044 == 0:
        site = site / "pagefind"
        if not site.is_dir():
            return 0
    return make_readable(site)
