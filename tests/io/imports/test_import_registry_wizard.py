"""The wizard offers a registered kind once its page is registered by the kind's id: the page's
rows show for it alone, its column is guessed, and the import is one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from pytestqt.qtbot import QtBot
from tally_kind import TALLY, TallyOptions

from cjo_desktop.app.metrics import import_dialog
from cjo_desktop.app.metrics.import_dialog import ImportDialog
from cjo_desktop.app.metrics.pages.base import KindPage
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.editor.document import Document
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds import registry
from cjo_desktop.io.templates import example_path

pytestmark = pytest.mark.gui
PAYMENT = "tp-checkout-payment"


class TallyPage(KindPage):
    kind = TallyOptions.kind
    roles: ClassVar[dict[str, str]] = {"tally": "T&allies"}

    def options(self) -> TallyOptions:
        return TallyOptions(column=self.column("tally"))


@pytest.fixture
def wizard(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[ImportDialog]:
    registry.register(TALLY)
    monkeypatch.setitem(import_dialog.PAGES, TallyPage.kind, TallyPage)
    document, scene = Document(load_map(example_path())), JourneyScene()
    scene.set_journey(document.journey)
    dialog = ImportDialog(document, scene)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    registry.unregister(TALLY.id)


def test_the_wizard_imports_a_registered_kind_in_one_undo_step(
    wizard: ImportDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    kinds = [wizard.kind_combo.itemData(i) for i in range(wizard.kind_combo.count())]
    assert kinds == ["responses", "funnel", "aggregated", "tally"]
    data = tmp_path / "tallies.csv"
    data.write_text("touchpoint,tally\nCheckout: payment,41\nCart,7\n", encoding="utf-8")
    assert wizard.choose_file(data)
    assert wizard.kind_combo.currentData() == "tally"  # guessed from the header
    assert wizard.columns["tally"].currentText() == "tally"
    assert wizard.columns["tally"].isVisible() and wizard.columns["key"].isVisible()
    assert not wizard.columns["nps"].isVisible() and not wizard.columns["date"].isVisible()
    wizard.kind_combo.setCurrentIndex(0)  # another kind hides the tally row
    assert not wizard.columns["tally"].isVisible() and wizard.columns["nps"].isVisible()
    wizard.kind_combo.setCurrentIndex(3)

    journey, stack = wizard.document.journey, wizard.document.undo_stack
    before = journey.state()
    with qtbot.waitSignal(wizard.ended, timeout=20000):
        wizard.start_import()
    assert wizard.error_label.isHidden(), wizard.error_label.text()
    label = wizard.label_edit.text()
    assert journey.metric_snapshot(label).values[PAYMENT]["tally"].value == 41
    assert "(tally)" in wizard.report_text.toPlainText()
    stack.undo()
    assert journey.state() == before


def test_a_kind_without_a_page_is_not_offered(qtbot: QtBot, tmp_path: Path) -> None:
    registry.register(TALLY)
    try:
        dialog = ImportDialog(Document(load_map(example_path())), JourneyScene())
        qtbot.addWidget(dialog)
        kinds = [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())]
        assert kinds == ["responses", "funnel", "aggregated"]
        data = tmp_path / "tallies.csv"
        data.write_text("touchpoint,tally\nCart,7\n", encoding="utf-8")
        assert dialog.choose_file(data)
        assert dialog.kind_combo.currentData() == "aggregated"  # the best guess it offers
    finally:
        registry.unregister(TALLY.id)
