"""A text the file model checks by its form is refused in words, never by quoting the regular
expression behind it: a person fixing a file by hand reads what the field must be."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjo_desktop.io import MapFileError, load_map
from cjo_desktop.io.templates import example_path


def _refused(tmp_path: Path, change: dict[str, object]) -> str:
    data = json.loads(example_path().read_text(encoding="utf-8"))
    data.update(change)
    path = tmp_path / "bad.cjo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    return str(caught.value)


def _comment(**fields: object) -> dict[str, object]:
    return {"id": "c1", "target": "", "author": "Ana", "text": "x",
            "created": "2026-12-08T09:30:00Z", **fields}  # fmt: skip


@pytest.mark.parametrize(
    ("comment", "where", "words"),
    [
        (_comment(created="yesterday"), "comments[0].created", "a time in UTC such as"),
        (_comment(target="a>b>c"), "comments[0].target", "SOURCE>TARGET for a flow"),
        (_comment(id="no spaces"), "comments[0].id", "the id pattern: letters, digits"),
        (_comment(text="   "), "comments[0].text", "must not be blank"),
    ],
)
def test_a_malformed_text_is_refused_in_words(
    tmp_path: Path, comment: dict[str, object], where: str, words: str
) -> None:
    message = _refused(tmp_path, {"comments": [comment]})
    assert where in message and words in message
    assert "\\d" not in message and "[A-Za-z" not in message and "\\S" not in message
