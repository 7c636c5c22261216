"""Type a name right on the canvas: a line editor floating over a card or a header.

Return or clicking elsewhere commits, Escape cancels; the callback decides what command the
text becomes, so one gesture is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsProxyWidget, QGraphicsScene, QLineEdit

from cjo_desktop.canvas.text import font
from cjo_desktop.drawing import style


class InlineEditor(QObject):
    """One editor per scene, created once and shown where needed (creating and deleting
    proxy widgets per rename is slow and fragile); starting a new edit commits the last."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self._scene = scene
        self._edit = QLineEdit()
        self._edit.setFont(font(style.CARD_TITLE_PX, True))
        self._edit.returnPressed.connect(self.commit)
        self._edit.editingFinished.connect(self.commit)
        self._edit.installEventFilter(self)
        # An explicit proxy with the editor handed to it: ownership is then clear to both Qt
        # and Python (the proxy owns the editor, the scene owns the proxy).
        self._proxy = QGraphicsProxyWidget()
        self._proxy.setWidget(self._edit)
        scene.addItem(self._proxy)
        self._proxy.setZValue(100)
        self._proxy.setVisible(False)
        self._on_commit: Callable[[str], None] | None = None
        self._closing = False

    @property
    def active(self) -> bool:
        return self._on_commit is not None

    @property
    def line_edit(self) -> QLineEdit | None:
        return self._edit if self.active else None

    def start(
        self,
        rect: QRectF,
        text: str,
        on_commit: Callable[[str], None],
        placeholder: str = "Name",
    ) -> QLineEdit:
        self.commit()
        edit = self._edit
        edit.setText(text)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(placeholder)
        edit.setFixedSize(int(rect.width()), 34)
        edit.selectAll()
        self._proxy.setPos(rect.x(), rect.y() + max(0.0, (rect.height() - 34) / 2))
        self._on_commit = on_commit
        self._proxy.setVisible(True)
        self._proxy.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if event.type() == QEvent.Type.KeyPress and escape:
            self.cancel()
            return True
        return False

    def commit(self) -> None:
        if self._on_commit is None or self._closing:
            return
        text, callback = self._edit.text().strip(), self._on_commit
        self._close()
        if text:
            callback(text)

    def cancel(self) -> None:
        self._close()

    def _close(self) -> None:
        self._closing = True
        try:
            self._on_commit = None
            self._proxy.setVisible(False)
            self._proxy.clearFocus()
        finally:
            self._closing = False
