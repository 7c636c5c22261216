"""What a kind's page in the import wizard is: column rows of its own, the shared rows it
shows, and the options its rows make."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QComboBox, QWidget

from cjo_desktop.app.metrics.form import combo
from cjo_desktop.domain import Journey
from cjo_desktop.io.imports.spec import ImportSpec, KindOptions


class KindPage:
    """The rows of one kind; the dialog lays them out and shows them while it is chosen."""

    kind: ClassVar[str]  # the registered kind's id
    #: Column roles of its own -> the form's label for them.
    roles: ClassVar[dict[str, str]] = {}
    #: The rows for the spec's shared fields this kind uses.
    shared: ClassVar[tuple[str, ...]] = ("key",)

    def __init__(self) -> None:
        self.columns: dict[str, QComboBox] = {
            role: combo(text.replace("&", ""), []) for role, text in self.roles.items()
        }

    def extras(self, role: str) -> list[QWidget]:
        """Settings shown next to the column choice of ``role`` (a scale, its best end)."""
        return []

    def preset(self, journey: Journey) -> None:
        """Preset the page's own settings from what the map records (a survey's scales)."""

    def column(self, role: str) -> str | None:
        return self.columns[role].currentData()  # type: ignore[no-any-return]

    def options(self) -> KindOptions:
        """The options the rows say; raises ValueError with a sentence for the user."""
        raise NotImplementedError

    def check(self, spec: ImportSpec) -> None:
        """Refuse, with a sentence for the user, a spec that cannot be imported."""
        if spec.key is None:
            raise ValueError("Choose the column that names the touchpoint.")
