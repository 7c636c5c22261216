"""Nothing read from a file is ever executed: no pickle, eval or exec anywhere in the program,
and workbooks are opened without following external links."""

from __future__ import annotations

import ast
from pathlib import Path

import cjo_desktop

PACKAGE = Path(cjo_desktop.__file__).parent


def test_no_pickle_eval_or_exec() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            called = (
                node.func.id
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                else None
            )
            if called in {"eval", "exec", "compile", "__import__"}:
                offenders.append(f"{path.name}:{node.lineno} {called}()")
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                if any(n.split(".")[0] in {"pickle", "marshal", "shelve", "dill"} for n in names):
                    offenders.append(f"{path.name}:{node.lineno} imports {names}")
    assert offenders == []


def test_workbooks_are_opened_without_external_links() -> None:
    source = (PACKAGE / "io" / "tables" / "_xlsx.py").read_text(encoding="utf-8")
    assert "keep_links=False" in source and "read_only=True" in source
