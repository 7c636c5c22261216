"""The scene's own item types, one number each, so ``item.type()`` tells a card from a flow.

Qt reserves the numbers below ``QGraphicsItem.UserType`` for its own items; the type stubs
leave that constant out, so it is read here once.
"""

from PySide6.QtWidgets import QGraphicsItem

USER_TYPE: int = QGraphicsItem.UserType  # type: ignore[attr-defined]

CARD = USER_TYPE + 1
FLOW = USER_TYPE + 2
STAGE_HEADER = USER_TYPE + 3
NOTE = USER_TYPE + 7
FREE_CARD = USER_TYPE + 8
SUPPORT_LINK = USER_TYPE + 9
