"""Mermaid ``journey`` export, for pasting a map into Markdown, wikis and slides.

Mermaid's journey diagram has a section per stage and a task per touchpoint with a score from
1 to 5 and actors; the score comes from the touchpoint's emotions (valence -2..+2 becomes
1..5, 3 where nobody recorded a feeling) and the actor is the channel.

Free cards (a lane's customer actions, backstage steps, systems) and their links to the
touchpoints they support are left out: a journey diagram holds tasks with a score and actors
in sections, and nothing else, no node that is not a task and no line between tasks. A free
card written as a task would be scored as a feeling nobody recorded and drawn as a step of the
customer's journey. GraphML carries them (nodes of kind ``free card``, ``supports`` edges), and
the native file and the pictures show them.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from cjo_desktop.domain import Journey
from cjo_desktop.domain.shown import shown
from cjo_desktop.io.files import write_atomic

NEUTRAL_SCORE = 3
#: What Mermaid's journey lexer reads as a keyword or a comment at the start of a line
#: (case-insensitive): a name starting so would become a title, a section or a comment.
_KEYWORD_START = re.compile(r"(journey|title\s|section\s|acc(title|descr)|%%)", re.IGNORECASE)
#: U+2060 WORD JOINER: invisible, not white space to the lexer, so the keyword is not at the
#: start of a token any more.
_JOINER = "\N{WORD JOINER}"


def _clean(text: str) -> str:
    """One line of literal text: Mermaid reads ':' as a field separator, '#' and '%%' as
    comments and ';' as a line end, and a line break ends the statement."""
    text = re.sub(r"\s+", " ", shown(text)).strip()
    text = text.replace(":", " -").replace("#", "no.").replace(";", ",") or "-"
    return _JOINER + text if _KEYWORD_START.match(text) else text


def score(journey: Journey, touchpoint_id: str) -> int:
    """1..5 from the mean valence, preferring emotions recorded for everyone over per-persona."""
    emotions = journey.emotions(touchpoint_id)
    general = [e for e in emotions if e.persona_id is None] or emotions
    if not general:
        return NEUTRAL_SCORE
    mean = sum(e.valence for e in general) / len(general)
    return min(5, max(1, math.floor(mean + 3.5)))  # round half up


def to_mermaid(journey: Journey) -> str:
    lines = ["journey", f"    title {_clean(journey.title)}"]
    for stage in journey.stages():
        lines.append(f"    section {_clean(stage.name)}")
        for tp in journey.touchpoints(stage.id):
            actor = _clean(tp.channel) if tp.channel.strip() else "customer"
            lines.append(f"      {_clean(tp.name)}: {score(journey, tp.id)}: {actor}")
    return "\n".join(lines) + "\n"


def write_mermaid(journey: Journey, path: Path) -> None:
    write_atomic(path, to_mermaid(journey).encode("utf-8"))
