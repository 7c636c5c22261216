"""The Inspector's evidence fields: what backs the card, its feeling or one of its pain
points (observed, assumed, proposed or not stated) and where an observation comes from.

Each finished edit (a status chosen, a source typed and left) pushes one SetEvidence; an
unchanged value pushes nothing. The fields only show and ask; the command changes the map.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit

from cjo_desktop.commands import SetEvidence
from cjo_desktop.domain import Journey
from cjo_desktop.domain.evidence import SOURCE_KINDS, STATUSES, UNSTATED, Evidence, Status

#: The status combo's entries: not stated first (None), then the statuses.
STATUS_CHOICES: list[Status | None] = [None, *STATUSES]
_PLACEHOLDER = {
    "snapshot": "the metric snapshot's label",
    "file": "e.g. interviews-2025-03.docx",
    "link": "https://…",
    "note": "what was seen, by whom, when",
}

Push = Callable[[Callable[[], QUndoCommand]], None]


class EvidenceFields:
    """A status combo, a source kind and a source text, added to ``form`` under ``title``;
    ``chooser`` adds a combo to pick which of several items (a card's pain points) is shown."""

    def __init__(
        self,
        form: QFormLayout,
        title: str,
        journey: Callable[[], Journey],
        push: Push,
        *,
        chooser: bool = False,
    ) -> None:
        self._journey, self._push = journey, push
        self._ids: list[str] = []
        self.item_id: str | None = None
        self.choice: QComboBox | None = None
        if chooser:
            self.choice = QComboBox()
            self.choice.setAccessibleName(f"{title} item")
            self.choice.setPlaceholderText("none flagged")
            self.choice.activated.connect(lambda _i: self._show_chosen())
            form.addRow(f"{title}", self.choice)
        self.status = QComboBox()
        self.status.addItems([UNSTATED if s is None else s for s in STATUS_CHOICES])
        self.status.setAccessibleName(f"{title} evidence")
        self.status.setToolTip(
            "Observed: seen in research or data. Assumed: believed, not yet checked. "
            "Proposed: a future state. Assumed and proposed cards are drawn with a dashed or "
            "dotted edge and say so."
        )
        self.status.activated.connect(lambda _i: self._commit())
        self.kind = QComboBox()
        self.kind.addItems(["no source", *SOURCE_KINDS])
        self.kind.setAccessibleName(f"{title} evidence source kind")
        self.kind.activated.connect(lambda _i: self._kind_chosen())
        self.source = QLineEdit()
        self.source.setAccessibleName(f"{title} evidence source")
        self.source.editingFinished.connect(self._commit)
        form.addRow(f"{title} evidence" if not chooser else "Its evidence", self.status)
        form.addRow("Source", self.kind)
        form.addRow("", self.source)

    # ------------------------------------------------------------------ showing
    def show_items(self, ids: list[str], labels: list[str], same: bool) -> None:
        """Show the evidence of the first (or the still chosen) of ``ids``; none: disabled."""
        assert self.choice is not None
        keep = self.item_id if self.item_id in ids else None
        shown = [self.choice.itemText(i) for i in range(self.choice.count())]
        if ids != self._ids or shown != labels:
            self.choice.clear()
            self.choice.addItems(labels)
        self._ids = list(ids)
        self.choice.setEnabled(bool(ids))
        chosen = keep if keep is not None else (ids[0] if ids else None)
        if chosen is not None:
            self.choice.setCurrentIndex(ids.index(chosen))
        self.show_item(chosen, same)

    def show_item(self, item_id: str | None, same: bool) -> None:
        """Show ``item_id``'s evidence (None: nothing to show; the fields are disabled)."""
        self.item_id = item_id
        evidence = None if item_id is None else _evidence_of(self._journey(), item_id)
        for widget in (self.status, self.kind, self.source):
            widget.setEnabled(item_id is not None)
        self.status.setCurrentIndex(STATUS_CHOICES.index(evidence.status if evidence else None))
        kind = evidence.source_kind if evidence else None
        self.kind.setCurrentIndex(0 if kind is None else 1 + SOURCE_KINDS.index(kind))
        if not (same and self.source.hasFocus()):
            self.source.setText(evidence.source if evidence else "")
            self.source.setCursorPosition(0)  # a long address shows its start
        self.source.setPlaceholderText(_PLACEHOLDER.get(kind or "", "where it was seen"))

    def _show_chosen(self) -> None:
        if self.choice is not None and 0 <= self.choice.currentIndex() < len(self._ids):
            self.show_item(self._ids[self.choice.currentIndex()], False)

    # ------------------------------------------------------------------ committing
    def wanted(self) -> Evidence | None:
        """The evidence the fields say; None while 'not stated'. A source needs its kind and
        text both: a kind without text (or text without a kind) is not a source yet."""
        status = STATUS_CHOICES[self.status.currentIndex()]
        if status is None:
            return None
        i, text = self.kind.currentIndex(), self.source.text().strip()
        if i == 0 or not text:
            return Evidence(status)
        return Evidence(status, SOURCE_KINDS[i - 1], text)

    def _kind_chosen(self) -> None:
        i = self.kind.currentIndex()
        self.source.setPlaceholderText(_PLACEHOLDER.get(SOURCE_KINDS[i - 1] if i else "", ""))
        if i == 0:
            self.source.clear()
        if self.source.text().strip() or i == 0:
            self._commit()
        else:
            self.source.setFocus()

    def _commit(self) -> None:
        item_id, journey = self.item_id, self._journey()
        if item_id is None or item_id not in journey:
            return
        evidence = self.wanted()
        if _evidence_of(journey, item_id) != evidence:
            self._push(lambda: SetEvidence(journey, item_id, evidence))


def _evidence_of(journey: Journey, item_id: str) -> Evidence | None:
    evidence: Evidence | None = getattr(journey.item(item_id), "evidence", None)
    return evidence


class TouchpointEvidence:
    """The touchpoint page's evidence: the card's, its feeling's and its pain points'."""

    def __init__(self, form: QFormLayout, journey: Callable[[], Journey], push: Push) -> None:
        self.card = EvidenceFields(form, "Card", journey, push)
        self.feeling = EvidenceFields(form, "Feeling", journey, push)
        self.pain = EvidenceFields(form, "Pain point", journey, push, chooser=True)

    def show(self, journey: Journey, tp_id: str, feeling_id: str | None, same: bool) -> None:
        self.card.show_item(tp_id, same)
        self.feeling.show_item(feeling_id, same)
        pains = journey.pain_points(tp_id)
        self.pain.show_items([p.id for p in pains], [p.description for p in pains], same)
