"""The ranges every text and number of a map stays in, in one place.

The file schema, the domain's checks, the imports and the command line all read these, so a
value one of them accepts is one every other can hold, save, load and compute with: sums and
products of bounded counts and amounts stay far inside a float, and no coordinate can turn a
card's rectangle into infinities. The README's "File format" section documents them.
"""

from __future__ import annotations

#: Longest name (title, stage, touchpoint, persona, snapshot label), in characters.
MAX_NAME = 500
#: Longest free text (descriptions, channel, owner, labels of flows and feelings).
MAX_TEXT = 20_000
#: Longest tag.
MAX_TAG = 200
#: Longest metric name (a column name of the imported data).
MAX_METRIC_NAME = 200

#: How a feeling is scored: -2 (worst) to +2 (best).
VALENCE_MIN = -2
VALENCE_MAX = 2

#: A card's manual position, either coordinate, in scene units (a card is 180 wide): room for
#: tens of thousands of columns, far from where floating point or Qt's integers give out.
MAX_COORDINATE = 10_000_000.0
#: People, responses, rows and flow counts: a thousand times the world's population.
MAX_COUNT = 10**12
#: Any metric value, interval end, number behind a value (detail) and rule threshold, either
#: sign: room for revenue in any currency, while a count times a value stays a finite float.
MAX_VALUE = 1e15
#: What one customer is worth (average order value, CLTV), in the map's currency.
MAX_MONEY = 1e9


def describe_number(value: float) -> str:
    """A limit as a message shows it: ``1,000,000,000,000`` rather than ``1e+12``."""
    return f"{value:,.0f}" if abs(value) < 1e16 else f"{value:g}"
