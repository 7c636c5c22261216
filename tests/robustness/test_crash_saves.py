"""Never lose a map: a saving process killed at any moment leaves one whole version on disk.

A child process saves, over and over, one of several versions of a map (10 to 2,000 touchpoints,
so a kill lands in serialising, in writing, in fsync or in the rename) to one path, and is killed
with SIGKILL after a seeded random delay. After every kill the path holds exactly one of the
versions, byte for byte, it loads, and nothing else in the folder looks like a map: the temp
files a killed save leaves behind are hidden (``.NAME.*.tmp``) and never match ``*.cjo.json``.

``CJO_CRASH_KILLS`` sets the number of kills (25 here; the acceptance run uses 200) and
``CJO_CRASH_SEED`` the seed.
"""

from __future__ import annotations

import collections
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey, Position
from cjo_desktop.io import FILE_SUFFIX, dumps_map, load_map, save_map

KILLS = int(os.environ.get("CJO_CRASH_KILLS", "25"))
SEED = int(os.environ.get("CJO_CRASH_SEED", "20240611"))
SIZES = (10, 150, 600, 1200, 2000)  # touchpoints per version
MAX_DELAY = 0.3  # seconds between "ready" and the kill: several saves of the largest version
MODE = 0o640  # a save must keep the file's permissions, whatever the kill interrupted

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL and rename-over semantics are POSIX"
)

SAVER = textwrap.dedent(
    """
    import random
    import sys
    from pathlib import Path

    from cjo_desktop.io import loads_map, save_map

    target, seed, sources = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    journeys = [loads_map(Path(s).read_text("utf-8"), s) for s in sources]
    rng = random.Random(seed)
    print("ready", flush=True)
    while True:
        save_map(journeys[rng.randrange(len(journeys))], target)
    """
)


def version(k: int, touchpoints: int) -> Journey:
    """A map of ``touchpoints`` cards with emotions and flows; ``k`` makes every version differ."""
    rng = random.Random(k)
    journey = Journey(f"Version {k}", f"{touchpoints} touchpoints; " + "é" * k)
    journey.add_persona("Hiker", id="pe-hiker")
    stages = [journey.add_stage(f"Stage {s}", id=f"st-{s}").id for s in range(5)]
    ids = []
    for i in range(touchpoints):
        tp = journey.add_touchpoint(
            stages[i * len(stages) // touchpoints],
            f"Touchpoint {i} of version {k}",
            id=f"tp-{i}",
            channel=rng.choice(["web", "store", "email", ""]),
            tags=[f"t{i % 7}"],
            position=Position(float(i), float(k)) if i % 3 == 0 else None,
        )
        ids.append(tp.id)
        journey.add_emotion(tp.id, rng.randint(-2, 2), id=f"em-{i}")
    for i in range(1, touchpoints):
        journey.add_flow(ids[i - 1], ids[i], count=rng.randrange(1000))
    return journey


@pytest.mark.slow
def test_killed_saves_leave_one_whole_version(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    sources_dir = tmp_path / "versions"
    sources_dir.mkdir()
    texts: list[bytes] = []
    sources: list[str] = []
    for k, size in enumerate(SIZES):
        text = dumps_map(version(k, size))
        path = sources_dir / f"v{k}.json"
        path.write_text(text, encoding="utf-8")
        texts.append(text.encode("utf-8"))
        sources.append(str(path))
    assert len(set(texts)) == len(texts)
    which = {text: k for k, text in enumerate(texts)}

    folder = tmp_path / "maps"
    folder.mkdir()
    target = folder / f"journey{FILE_SUFFIX}"
    save_map(load_map(sources[0]), target)  # the file exists before the first kill
    target.chmod(MODE)
    script = tmp_path / "saver.py"
    script.write_text(SAVER, encoding="utf-8")
    hidden_tmp = re.compile(rf"^\.{re.escape(target.name)}\..+\.tmp$")

    seen: collections.Counter[int] = collections.Counter()
    changed = 0
    previous = target.read_bytes()
    started = time.perf_counter()
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(target), str(rng.randrange(2**32)), *sources],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line == b"ready\n", child.stderr.read().decode() if child.stderr else ""
            time.sleep(rng.uniform(0.0, MAX_DELAY))
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL, f"the saver died on its own:\n{err.decode()}"

        data = target.read_bytes()
        assert data in which, (
            f"kill {kill}: the map is not one of the versions written "
            f"({len(data)} bytes; versions have {sorted(map(len, texts))})"
        )
        k = which[data]
        assert dumps_map(load_map(target)).encode("utf-8") == texts[k]
        assert target.stat().st_mode & 0o777 == MODE
        seen[k] += 1
        changed += data != previous
        previous = data

        others = [p.name for p in folder.iterdir() if p != target]
        assert all(hidden_tmp.match(name) for name in others), others
        assert sorted(folder.glob(f"*{FILE_SUFFIX}")) == [target]
        assert sorted(folder.glob("*.json")) == [target]

    leftovers = sorted(folder.glob(f".{target.name}.*.tmp"))
    whole = sum(p.read_bytes() in which for p in leftovers)
    # The next save works beside the leftovers (and, today, leaves them where they are).
    save_map(load_map(sources[-1]), target)
    assert target.read_bytes() == texts[-1]
    assert target.stat().st_mode & 0o777 == MODE
    elapsed = time.perf_counter() - started
    print(
        f"\ncrash test: {KILLS} kills in {elapsed:.1f} s; the file changed between kills "
        f"{changed} times; versions seen after a kill (version: times) "
        f"{dict(sorted(seen.items()))} of {len(texts)}; hidden temp files left behind: "
        f"{len(leftovers)} ({whole} holding a whole version, {len(leftovers) - whole} partial)"
    )
    assert sum(seen.values()) == KILLS
