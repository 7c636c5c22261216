"""Reading an event log: columns found by their usual names or named, events in time order
(ties in file order), and each kind of bad input as one line naming the file, line and column."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.events import read_event_log


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_columns_are_guessed_in_any_case_and_events_sorted_by_time(tmp_path: Path) -> None:
    log = read_event_log(
        write(
            tmp_path / "log.csv",
            "Case:Concept:Name,Concept:Name,Time:Timestamp\n"
            "1,Pay,2024-01-01T10:05:00\n"
            "1,Visit,2024-01-01T10:00:00\n"
            "2,Visit,2024-01-01T11:00:00Z\n"
            "1,Cart,2024-01-01T10:05:00\n"  # a tie with Pay: file order keeps Pay first
            "2,Help,2024-01-01T12:30:00+02:00\n",  # 10:30 UTC: before the Visit at 11:00 UTC
        )
    )
    assert log.traces == {"1": ["Visit", "Pay", "Cart"], "2": ["Help", "Visit"]}
    assert log.events == 5


def test_named_columns_tabs_and_the_most_common_channel(tmp_path: Path) -> None:
    log = read_event_log(
        write(
            tmp_path / "log.tsv",
            "who\tstep\twhen\tvia\n"
            "a\tVisit\t2024-01-01 10:00\tweb\n"
            "b\tVisit\t2024-01-01 10:00\tapp\n"
            "c\tVisit\t2024-01-01 10:00\tweb\n"
            "c\tCall\t2024-01-01 11:00\t\n",
        ),
        case="who",
        activity="step",
        time="when",
        channel="via",
    )
    assert log.traces == {"a": ["Visit"], "b": ["Visit"], "c": ["Visit", "Call"]}
    assert log.channels == {"Visit": "web"}


def error_of(path: Path, **columns: str) -> str:
    with pytest.raises(MapFileError) as caught:
        read_event_log(path, **columns)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message


def test_a_missing_named_column_is_named_with_the_columns_there(tmp_path: Path) -> None:
    path = write(tmp_path / "log.csv", "case,activity,timestamp\n1,A,2024-01-01\n")
    message = error_of(path, activity="activty")
    assert message == (
        f"{path}: line 1 (header): no column 'activty' (columns: case, activity, timestamp); "
        "did you mean 'activity'?"
    )


def test_a_column_that_cannot_be_guessed_asks_for_the_option(tmp_path: Path) -> None:
    path = write(tmp_path / "log.csv", "case,step,timestamp\n1,A,2024-01-01\n")
    assert error_of(path) == (
        f"{path}: line 1 (header): no activity column found (tried activity, concept:name, event); "
        "name it with --activity"
    )


def test_an_unreadable_time_names_line_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "log.csv", "case,activity,timestamp\n1,A,2024-01-01\n1,B,yesterday noon\n"
    )
    assert error_of(path) == (
        f"{path}: line 3, column 'timestamp': cannot read 'yesterday noon' as a time "
        "(expected ISO 8601, e.g. 2024-05-01T09:30:00 or 2024-05-01 09:30:00+02:00)"
    )


def test_an_empty_case_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "log.csv", "case,activity,timestamp\n1,A,2024-01-01\n,B,2024-01-02\n")
    assert error_of(path) == f"{path}: line 3, column 'case': is empty: every event needs it"


def test_a_gz_file_that_is_not_gzip(tmp_path: Path) -> None:
    path = write(tmp_path / "log.csv.gz", "case,activity,timestamp\n1,A,2024-01-01\n")
    assert error_of(path) == f"{path}: is not gzip-compressed, although it ends in .gz"


def test_a_gzip_file_cut_short(tmp_path: Path) -> None:
    packed = gzip.compress(("case,activity,timestamp\n" + "1,A,2024-01-01\n" * 5000).encode())
    path = tmp_path / "log.csv.gz"
    path.write_bytes(packed[: len(packed) // 2])
    assert "the gzip data is damaged or cut short" in error_of(path)


def test_an_unknown_kind_of_file(tmp_path: Path) -> None:
    path = write(tmp_path / "log.xes", "<log/>")
    assert error_of(path) == (
        f"{path}: cannot read event logs with '.xes' (supported: .csv, .tsv, .txt, and these .gz)"
    )


def test_a_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.csv") == f"{tmp_path / 'nope.csv'}: no such file"


def test_an_activity_too_long_for_a_name_names_its_first_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "log.csv",
        f"case,activity,timestamp\n1,A,2024-01-01\n2,{'x' * 600},2024-01-01\n",
    )
    assert error_of(path) == (
        f"{path}: line 3, column 'activity': an activity's name is 600 characters long; "
        "at most 500 fit"
    )
