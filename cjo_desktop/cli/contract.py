"""What every ``cjo`` command promises, kept in one place.

Exit status 0 on success; 1 on bad input, with exactly one ``error:`` line on stderr naming the
file and the place; 2 on wrong usage, argparse style (``cjo VERB: error: ...`` after that
command's usage). Never a traceback: a closed or full standard output is bad input like any
other, and a reader that stops early (``cjo metrics MAP | head``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Sequence

from cjo_desktop import __version__
from cjo_desktop.cli.options import UsageError
from cjo_desktop.cli.output import OutputError, err, flush, out_data
from cjo_desktop.cli.verbs import GROUPS, named_verb
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.file_format import SCHEMA_VERSION

#: Exit status after Ctrl+C, as shells report a command stopped by SIGINT.
INTERRUPTED = 130


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every verb; given the command line, the parser that reads it, with only
    the named verb's module imported (the others listed by name and line)."""
    parser = argparse.ArgumentParser(
        prog="cjo",
        description="Create, check, inspect and export customer journey maps (*.cjo.json).",
    )
    parser.add_argument(
        "--version", action="version", version=f"cjo {__version__} (file format {SCHEMA_VERSION})"
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="COMMAND")
    chosen = None if argv is None else named_verb(argv)
    for group, listed in GROUPS.items():
        if argv is None or chosen in listed:
            importlib.import_module(f"cjo_desktop.cli.{group}").add_commands(verbs)
        else:
            for verb, line in listed.items():
                verbs.add_parser(verb, help=line)
    for verb_parser in verbs.choices.values():  # a usage error names its own command
        verb_parser.set_defaults(verb_parser=verb_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _escape_what_cannot_be_encoded()
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    printed = io.StringIO()  # --help and --version go out through the contract's own writing
    try:
        with contextlib.redirect_stdout(printed):
            args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version or a usage error: argparse printed it
        return _after_argparse(done, printed.getvalue())
    try:
        if sys.stdout is None:  # refuse before any work, rather than half of it
            raise OutputError("cannot write to standard output: it is closed")
        status = args.run(args)
        flush()
    except BrokenPipeError:  # `cjo metrics MAP | head`: the reader stopped listening
        _discard_stdout()
        return 1
    except UsageError as exc:
        args.verb_parser.error(str(exc))  # exits with status 2
    except OutputError as exc:
        _discard_stdout()
        err(str(exc))
        return 1
    except MapFileError as exc:
        err(str(exc))
        return 1
    except JourneyError as exc:  # the map refused an edit: bad input, named by its file
        err(str(MapFileError(_subject(args), "", str(exc))))
        return 1
    except OSError as exc:  # the system refused something no command expected to fail
        err(f"{exc.filename or 'cjo'}: {exc.strerror or exc}")
        return 1
    except KeyboardInterrupt:
        err("interrupted")
        return INTERRUPTED
    return int(status or 0)


def _after_argparse(done: SystemExit, printed: str) -> int:
    code = done.code if isinstance(done.code, int) else 2
    if printed:
        try:
            out_data(printed)
            flush()
        except BrokenPipeError:
            _discard_stdout()
            return 1
        except OutputError as exc:  # `cjo --help > /dev/full`
            _discard_stdout()
            err(str(exc))
            return 1
    return code


def _subject(args: argparse.Namespace) -> str:
    """The file a command is about, to name it in an error."""
    for name in ("map", "file", "out"):
        value = getattr(args, name, None)
        if isinstance(value, str):
            return value
    return "cjo"


def _escape_what_cannot_be_encoded() -> None:
    """A character the terminal's encoding lacks (or a lone surrogate) is printed as a
    backslash escape instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="backslashreplace")


def _discard_stdout() -> None:
    """Point standard output at /dev/null so Python's own flush at exit stays silent."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
