"""How customers feel at a touchpoint: one emotion per touchpoint and persona.

``persona_id=None`` is the emotion of everyone; a persona's own emotion sits beside it.
"""

from __future__ import annotations

from cjo_desktop.commands._base import Composite, JourneyCommand, check_new_id, describe
from cjo_desktop.commands._probe import check_emotion
from cjo_desktop.commands.items import UpdateItem
from cjo_desktop.domain import Emotion, Journey, Kind


class AddEmotion(JourneyCommand):
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
        check_emotion(valence, label)
        super().__init__(journey, f"Add feeling at {describe(journey, touchpoint_id)}", parent)
        if self.standalone:
            journey.touchpoint(touchpoint_id)
            if persona_id is not None:
                journey.persona(persona_id)
            if emotion_id is not None:
                check_new_id(journey, emotion_id)
        self.emotion_id = journey.new_id(Kind.EMOTION) if emotion_id is None else emotion_id
        self.touchpoint_id = touchpoint_id
        self.valence = valence
        self.label = label
        self.persona_id = persona_id

    def redo(self) -> None:
        self.journey.add_emotion(
            self.touchpoint_id,
            self.valence,
            label=self.label,
            persona_id=self.persona_id,
            id=self.emotion_id,
        )

    def undo(self) -> None:
        self.journey.remove_emotion(self.emotion_id)


class RemoveEmotion(JourneyCommand):
    """Remove one emotion; undo brings it back with the same id."""

    def __init__(self, journey: Journey, emotion_id: str, parent: Composite | None = None) -> None:
        self._emotion: Emotion = journey.emotion(emotion_id)
        text = f"Remove feeling at {describe(journey, self._emotion.touchpoint_id)}"
        super().__init__(journey, text, parent)
        self.emotion_id = emotion_id

    def redo(self) -> None:
        self._emotion = self.journey.remove_emotion(self.emotion_id)

    def undo(self) -> None:
        e = self._emotion
        self.journey.add_emotion(
            e.touchpoint_id, e.valence, label=e.label, persona_id=e.persona_id, id=e.id
        )


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
        check_emotion(valence, label)
        super().__init__(journey, f"Set feeling at {describe(journey, touchpoint_id)}", parent)
        self.touchpoint_id = touchpoint_id
        self.persona_id = persona_id
        current = emotions_of(journey, touchpoint_id, persona_id)
        if current:
            emotion = current[0]
            #: The id of the emotion this command updates or adds.
            self.emotion_id = emotion.id
            UpdateItem(journey, emotion.id, parent=self, valence=valence, label=label)
            if self.standalone and (emotion.valence, emotion.label) == (valence, label):
                self.setObsolete(True)
        else:
            add = AddEmotion(journey, touchpoint_id, valence, label, persona_id, parent=self)
            self.emotion_id = add.emotion_id


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
        super().__init__(journey, f"Clear feeling at {describe(journey, touchpoint_id)}", parent)
        current = emotions_of(journey, touchpoint_id, persona_id)
        for emotion in current:
            RemoveEmotion(journey, emotion.id, parent=self)
        if self.standalone and not current:
            self.setObsolete(True)


def emotions_of(journey: Journey, touchpoint_id: str, persona_id: str | None) -> list[Emotion]:
    """The emotions of one persona (everyone when ``None``) at a touchpoint."""
    return [e for e in journey.emotions(touchpoint_id) if e.persona_id == persona_id]
