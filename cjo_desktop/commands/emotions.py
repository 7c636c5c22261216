"""How customers feel at a touchpoint: one emotion per touchpoint and persona.

``persona_id=None`` is the emotion of everyone; a persona's own emotion sits beside it.
"""

from __future__ import annotations

from cjo_desktop.commands._base import (
    Composite,
    JourneyCommand,
    describe,
    feeling_text,
    plural,
    quote,
)
from cjo_desktop.commands.items import AddItem, UpdateItem
from cjo_desktop.domain import Emotion, Journey, Kind
from cjo_desktop.domain.fields import checked


class AddEmotion(AddItem):
    """Add an emotion to a touchpoint; its id is fixed when built."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        valence: int,
        label: str = "",
        persona_id: str | None = None,
        emotion_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        if emotion_id is None:
            emotion_id = journey.new_id(Kind.EMOTION)
        emotion = Emotion(emotion_id, touchpoint_id, valence, label, persona_id)
        super().__init__(journey, emotion, parent=parent)
        self.emotion_id = emotion_id


class RemoveEmotion(JourneyCommand):
    """Remove one emotion; undo brings it back with the same id."""

    def __init__(self, journey: Journey, emotion_id: str, parent: Composite | None = None) -> None:
        self._emotion: Emotion = journey.emotion(emotion_id)
        text = f"Remove feeling of {describe(journey, self._emotion.touchpoint_id)}"
        super().__init__(journey, text, parent)
        self.emotion_id = emotion_id

    def redo(self) -> None:
        self._emotion = self.journey.remove_emotion(self.emotion_id)

    def undo(self) -> None:
        self.journey.add_item(self._emotion)


class SetEmotion(JourneyCommand):
    """Set how a persona (everyone when ``None``) feels at a touchpoint: adds the emotion if
    there is none yet, updates it otherwise; the choice is made when built."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        valence: int,
        label: str = "",
        persona_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        journey.touchpoint(touchpoint_id)
        if persona_id is not None:
            journey.persona(persona_id)
        current = emotions_of(journey, touchpoint_id, persona_id)
        if current:  # checked as the update or the new emotion, before anything is built
            journey.check_update(current[0].id, valence=valence, label=label)
            new = None
        else:
            new_id = journey.new_id(Kind.EMOTION)
            new = checked(Emotion(new_id, touchpoint_id, valence, label, persona_id))
        where = _whose(journey, touchpoint_id, persona_id)
        super().__init__(journey, f"Set feeling {where} to {feeling_text(valence, label)}", parent)
        self.touchpoint_id = touchpoint_id
        self.persona_id = persona_id
        if new is None:
            emotion = current[0]
            #: The id of the emotion this command updates or adds.
            self.emotion_id = emotion.id
            UpdateItem(journey, emotion.id, parent=self, valence=valence, label=label)
            if self.standalone and (emotion.valence, emotion.label) == (valence, label):
                self.setObsolete(True)
        else:
            self.emotion_id = new.id
            AddItem(journey, new, parent=self)


class ClearEmotion(JourneyCommand):
    """Remove how a persona (everyone when ``None``) feels at a touchpoint."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        persona_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        journey.touchpoint(touchpoint_id)
        where = _whose(journey, touchpoint_id, persona_id)
        super().__init__(journey, f"Clear feeling {where}", parent)
        current = emotions_of(journey, touchpoint_id, persona_id)
        for emotion in current:
            RemoveEmotion(journey, emotion.id, parent=self)
        if self.standalone and not current:
            self.setObsolete(True)


def feeling_macro_text(journey: Journey, touchpoint_ids: list[str], valence: int | None) -> str:
    """The history's line for one key press that sets (``None``: clears) the feeling of every
    selected card: the card and the feeling, as each card's own step says them."""
    if len(touchpoint_ids) == 1:
        where = _whose(journey, touchpoint_ids[0], None)
    else:
        where = f"of {plural(len(touchpoint_ids), 'touchpoint')}"
    if valence is None:
        return f"Clear feeling {where}"
    return f"Set feeling {where} to {feeling_text(valence)}"


def _whose(journey: Journey, touchpoint_id: str, persona_id: str | None) -> str:
    """'of "Checkout"', or 'of "Checkout" for "Hiker"' for a persona's own feeling."""
    where = f"of {describe(journey, touchpoint_id)}"
    if persona_id is not None and persona_id in journey:
        where += f" for {quote(journey.persona(persona_id).name)}"
    return where


def emotions_of(journey: Journey, touchpoint_id: str, persona_id: str | None) -> list[Emotion]:
    """The emotions of one persona (everyone when ``None``) at a touchpoint."""
    return [e for e in journey.emotions(touchpoint_id) if e.persona_id == persona_id]
