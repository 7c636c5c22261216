"""An advisory lock per map file, held around every read-modify-write of it.

Two ``cjo import-metrics`` into one map, or an import while the editor saves, would otherwise
each read the map, add their part and write it back, and the later write would drop the
earlier one's snapshot. Whoever changes a map in place holds its lock from reading to writing;
the other waits, and after ``wait`` seconds gives up with a message naming who holds it.

The lock is a hidden ``.NAME.lock`` file beside the map (beside the target of a symbolic link),
locked with the operating system's advisory lock (``flock``; ``msvcrt.locking`` on Windows),
so a crashed holder never leaves a stale lock: the system releases it with the process. The
file is removed on release, so maps kept in git or shared folders do not collect lock files;
whoever locks checks that the file it locked is still the one at that name.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cjo_desktop.io.atomic import real_target
from cjo_desktop.io.errors import MapFileError

#: Seconds a writer waits for another before giving up; an import of a million rows takes
#: well under a minute.
DEFAULT_WAIT = 120.0
_POLL = 0.05

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class MapLockedError(MapFileError):
    """Another program kept the map locked for longer than we were willing to wait."""


def lock_path(path: str | os.PathLike[str]) -> Path:
    target = real_target(path)
    return target.with_name(f".{target.name}.lock")


def _same_file(fd: int, name: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(name)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _holder(name: Path) -> str:
    try:
        text = name.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    return f" ({text[:80]})" if text else ""


@contextmanager
def map_lock(
    path: str | os.PathLike[str], wait: float = DEFAULT_WAIT, who: str = "cjo"
) -> Iterator[None]:
    """Hold the map's lock for the ``with`` block; MapLockedError after ``wait`` seconds, or
    MapFileError when the folder does not let us create the lock (then nobody else could
    change the map in place either)."""
    name = lock_path(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise MapFileError(path, "", f"cannot lock the file ({exc.strerror or exc})") from None
        if _try_lock(fd):
            if _same_file(fd, name):
                break
            _unlock(fd)  # the holder removed it as we opened it: lock the new one
        os.close(fd)
        if time.monotonic() >= deadline:
            raise MapLockedError(
                path,
                "",
                f"another program is changing this map{_holder(name)}; "
                "try again when it has finished",
            )
        time.sleep(_POLL)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{who}, process {os.getpid()}".encode())
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows keeps an open file: the next holder reuses it
            name.unlink()
        _unlock(fd)
        os.close(fd)
