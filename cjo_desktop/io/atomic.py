"""Replacing a file so that nothing is ever half-written, and never the wrong file.

A save writes a temporary file in the same folder, flushes and fsyncs it, then renames it over
the target, so a crash leaves either the old file or the new one, never a mixture. A symbolic
link is followed: the file it points to is replaced and the link stays a link. A file the user
made read-only is refused, even where the folder would let us replace it (as it would for root,
or for a read-only file in a writable folder).
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import time
from pathlib import Path

#: A temporary file older than this was left by a save that died (a kill, a power cut); a
#: save still running in another process is seconds old.
LEFTOVER_SECONDS = 600

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must replace: symbolic links followed (even a link to a file
    that does not exist yet), so the link is kept and its target updated."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_replaceable(path: Path) -> None:
    """Raise OSError (with a ``strerror`` a user can read) if ``path`` exists and may not be
    replaced: a folder, a device, pipe or socket (renaming over ``/dev/full`` would turn it
    into a plain file), or a file the user made read-only (no write permission bit, or not
    writable by us), which replacing it through its folder would quietly defeat."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "is not a regular file (a device, pipe or socket)", str(path))
    if not mode & _WRITE_BITS or not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace ``path`` with ``data`` so that readers see the old or the new bytes, nothing else.
    Returns the file actually written (the target of a symbolic link)."""
    target = real_target(path)
    check_replaceable(target)
    folder = target.parent if str(target.parent) else Path(".")
    import tempfile  # here, not above: cjo --version reads this module's checks, never writes

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    _sweep_leftovers(folder, target.name)
    return target


def _sweep_leftovers(folder: Path, name: str) -> None:
    """Remove the hidden ``.NAME.*.tmp`` files that killed saves of this file left behind."""
    now = time.time()
    for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
        try:
            if now - leftover.stat().st_mtime > LEFTOVER_SECONDS:
                leftover.unlink()
        except OSError:
            continue  # gone already, or not ours to remove


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
