"""Shared by the table reader tests: write a file, read it whole, expect a one-line refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjo_desktop.io import MapFileError
from cjo_desktop.io.tables import Row, Table, TableError, open_table


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(path: Path, sheet: str | None = None) -> tuple[Table, list[Row]]:
    with open_table(path, sheet) as table:
        return table, list(table.rows())


def refused(path: Path, sheet: str | None = None) -> str:
    with pytest.raises(TableError) as caught:
        read(path, sheet)
    assert isinstance(caught.value, MapFileError)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message
