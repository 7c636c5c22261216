"""Canvas benchmark of a map's whole anatomy: 5 personas, 10 lanes and 200 cards.

Run: ``.venv/bin/python tests/bench/bench_anatomy.py [ROUNDS]`` (not part of the test run).
Issue 15 asks that such a map stays within the canvas benchmark's ratios (see
``bench_canvas.py``: first frame under 1.0 s, repaint at fit within 4x and at 100% within 8x
of plain rectangles in the same process). The map: 10 stages of 20 touchpoint cards on six
channels with 400 flows; each persona feels something at most cards and some cards are used
by some personas only; lanes of customer actions, thoughts, frontstage, backstage, support and
systems hold 2 free cards per stage each (120), a third of them linked to a touchpoint; a
pain point and an opportunity at every tenth card.
"""

from __future__ import annotations

import random
import sys

from bench_canvas import CHANNELS, measure

from cjo_desktop.domain import Journey, Kind
from cjo_desktop.domain.model import FreeCard, Lane

LANES = (
    ("ln-touchpoints", "Touchpoints", "touchpoints"),
    ("ln-customer", "Customer actions", "customer_actions"),
    ("ln-thoughts", "Thoughts", "thoughts"),
    ("ln-emotion", "Emotion", "emotion"),
    ("ln-frontstage", "Frontstage", "frontstage"),
    ("ln-backstage", "Backstage", "backstage"),
    ("ln-support", "Support processes", "support"),
    ("ln-systems", "Systems", "systems"),
    ("ln-pain-points", "Pain points", "pain_points"),
    ("ln-opportunities", "Opportunities", "opportunities"),
)


def anatomy_map(stages: int = 10, per_stage: int = 20, flows: int = 400) -> Journey:
    rng = random.Random(15)
    journey = Journey("Benchmark: 5 personas, 10 lanes, 200 cards")
    journey.clear_lanes()
    for lane_id, name, kind in LANES:
        journey.add_item(Lane(lane_id, name, kind))
    personas = [journey.add_persona(f"Persona {i + 1}").id for i in range(5)]
    tps: list[str] = []
    for s in range(stages):
        stage = journey.add_stage(f"Stage {s + 1}").id
        for i in range(per_stage):
            used = tuple(rng.sample(personas, 2)) if rng.random() < 0.2 else ()
            tp = journey.add_touchpoint(
                stage,
                f"Touchpoint {s * per_stage + i + 1}",
                channel=rng.choice(CHANNELS),
                personas=used,
            )
            tps.append(tp.id)
            journey.add_emotion(tp.id, rng.randint(-2, 2))
            for persona in personas:
                if rng.random() < 0.8:
                    journey.add_emotion(tp.id, rng.randint(-2, 2), persona_id=persona)
            if len(tps) % 10 == 0:
                pain = journey.add_pain_point(tp.id, "high", "Slow and confusing")
                journey.add_opportunity(tp.id, pain.id, "Make it quicker")
        for lane_id, _, kind in LANES:
            if kind in (
                "customer_actions",
                "thoughts",
                "frontstage",
                "backstage",
                "support",
                "systems",
            ):
                for k in range(2):
                    supports = (rng.choice(tps[-per_stage:]),) if rng.random() < 0.33 else ()
                    journey.add_item(
                        FreeCard(
                            journey.new_id(Kind.FREE_CARD),
                            stage,
                            lane_id,
                            f"{kind.replace('_', ' ').capitalize()} {k + 1}",
                            supports=supports,
                        )
                    )
    made = 0
    while made < flows:
        a = rng.randrange(len(tps))
        b = min(len(tps) - 1, a + rng.randint(1, 25))
        if a != b and not journey.has_flow(tps[a], tps[b]):
            journey.add_flow(tps[a], tps[b], count=rng.randint(10, 5000))
            made += 1
    return journey


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    measure(anatomy_map(), rounds)


if __name__ == "__main__":
    main()
