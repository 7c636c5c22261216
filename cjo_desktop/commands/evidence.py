"""Say what backs a card (a touchpoint or a free card), a feeling or a pain point: observed
(and from where), assumed, proposed, or not stated."""

from __future__ import annotations

from cjo_desktop.commands._base import Composite, describe, quote
from cjo_desktop.commands.items import UpdateItem
from cjo_desktop.domain import Emotion, Journey, JourneyError, PainPoint, Touchpoint
from cjo_desktop.domain.evidence import Evidence, status_of
from cjo_desktop.domain.model import FreeCard

#: The items that carry evidence.
WITH_EVIDENCE = (Touchpoint, Emotion, PainPoint, FreeCard)


class SetEvidence(UpdateItem):
    """Set (or clear, with ``None``) the evidence of one card, feeling or manual pain point;
    the undo history names the item and its new status."""

    def __init__(
        self,
        journey: Journey,
        item_id: str,
        evidence: Evidence | None,
        parent: Composite | None = None,
    ) -> None:
        item = journey.item(item_id)
        if not isinstance(item, WITH_EVIDENCE):
            raise JourneyError(f"{describe(journey, item_id)} cannot carry evidence")
        super().__init__(journey, item_id, parent, evidence=evidence)
        self.setText(evidence_text(journey, item_id, evidence))


def evidence_text(journey: Journey, item_id: str, evidence: Evidence | None) -> str:
    """'Mark "Checkout" as assumed', 'Mark feeling of "Checkout" as observed (file: a.csv)'."""
    what = describe(journey, item_id)
    if isinstance(journey.item(item_id), Touchpoint):
        what = f"touchpoint {what}"
    if evidence is None:
        return f"Clear the evidence of {what}"
    words = status_of(evidence)
    if evidence.source_kind is not None:
        words += f" ({evidence.source_kind}: {quote(evidence.source)})"
    return f"Mark {what} as {words}"
