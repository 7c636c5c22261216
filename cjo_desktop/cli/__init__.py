"""The headless ``cjo`` command: create, check, inspect and export maps from a shell or a script.

``contract`` owns what every command promises (exit status, error lines, output); the other
modules each add one group of verbs.
"""

from cjo_desktop.cli.contract import build_parser, main

__all__ = ["build_parser", "main"]
