"""Undo commands: one QUndoCommand per verb, changing the journey only through its API.

Every command takes the journey first and an optional ``parent`` last; composites build their
children with ``parent=self`` (a journey command or a :class:`Macro`; see :class:`Composite`
for why a plain QUndoCommand cannot be a parent). Ids are fixed when a command is built and
indices are recorded on redo, so undo and redo give back exactly the same journey. Bad
arguments raise :class:`~cjo_desktop.domain.JourneyError` from the constructor, before anything
is pushed; a command that would change nothing marks itself obsolete, so the stack drops it.
"""

from cjo_desktop.commands._base import (
    KEEP,
    Composite,
    FieldEdit,
    FlowKey,
    JourneyCommand,
    Keep,
    Macro,
)
from cjo_desktop.commands.blueprint import ApplyBlueprintPreset
from cjo_desktop.commands.comments import (
    AddComment,
    EditComment,
    RemoveComment,
    ReopenComment,
    ResolveComment,
)
from cjo_desktop.commands.emotions import (
    AddEmotion,
    ClearEmotion,
    RemoveEmotion,
    SetEmotion,
    feeling_macro_text,
)
from cjo_desktop.commands.evidence import SetEvidence
from cjo_desktop.commands.flows import AddFlow, RemoveFlow, UpdateFlow
from cjo_desktop.commands.fragment import (
    MIME_TYPE,
    Fragment,
    FragmentError,
    check_fragment,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.commands.free_cards import (
    AddFreeCard,
    EditFreeCard,
    LinkFreeCard,
    MoveFreeCard,
    UnlinkFreeCard,
)
from cjo_desktop.commands.items import SetDescription, SetTitle, UpdateItem
from cjo_desktop.commands.lanes import (
    AddLane,
    MoveLane,
    RemoveFreeCard,
    RemoveLane,
    RenameLane,
    SetLaneCollapsed,
    SetLaneHidden,
)
from cjo_desktop.commands.metrics import AddMetricSnapshot, ApplyImport, RemoveMetricSnapshot
from cjo_desktop.commands.painpoints import (
    AddOpportunity,
    AddPainPoint,
    RemoveOpportunity,
    RemovePainPoint,
    SetJudgedOn,
    SetPainPointSettings,
)
from cjo_desktop.commands.paste import DUPLICATE_OFFSET, DuplicateItems, PasteFragment
from cjo_desktop.commands.personas import (
    AddPersona,
    EditPersona,
    RemovePersona,
    SetTouchpointPersonas,
)
from cjo_desktop.commands.removal import RemoveItems
from cjo_desktop.commands.stages import AddStage, MoveStage, RemoveStage
from cjo_desktop.commands.touchpoints import (
    AddTouchpoint,
    Move,
    MoveTouchpoint,
    MoveTouchpoints,
    RemoveTouchpoint,
    SetExpectedDropoff,
)

__all__ = [
    "DUPLICATE_OFFSET",
    "KEEP",
    "MIME_TYPE",
    "AddComment",
    "AddEmotion",
    "AddFlow",
    "AddFreeCard",
    "AddLane",
    "AddMetricSnapshot",
    "AddOpportunity",
    "AddPainPoint",
    "AddPersona",
    "AddStage",
    "AddTouchpoint",
    "ApplyBlueprintPreset",
    "ApplyImport",
    "ClearEmotion",
    "Composite",
    "DuplicateItems",
    "EditComment",
    "EditFreeCard",
    "EditPersona",
    "FieldEdit",
    "FlowKey",
    "Fragment",
    "FragmentError",
    "JourneyCommand",
    "Keep",
    "LinkFreeCard",
    "Macro",
    "Move",
    "MoveFreeCard",
    "MoveLane",
    "MoveStage",
    "MoveTouchpoint",
    "MoveTouchpoints",
    "PasteFragment",
    "RemoveComment",
    "RemoveEmotion",
    "RemoveFlow",
    "RemoveFreeCard",
    "RemoveItems",
    "RemoveLane",
    "RemoveMetricSnapshot",
    "RemoveOpportunity",
    "RemovePainPoint",
    "RemovePersona",
    "RemoveStage",
    "RemoveTouchpoint",
    "RenameLane",
    "ReopenComment",
    "ResolveComment",
    "SetDescription",
    "SetEmotion",
    "SetEvidence",
    "SetExpectedDropoff",
    "SetJudgedOn",
    "SetLaneCollapsed",
    "SetLaneHidden",
    "SetPainPointSettings",
    "SetTitle",
    "SetTouchpointPersonas",
    "UnlinkFreeCard",
    "UpdateFlow",
    "UpdateItem",
    "check_fragment",
    "feeling_macro_text",
    "fragment_of",
    "from_json",
    "to_json",
]
