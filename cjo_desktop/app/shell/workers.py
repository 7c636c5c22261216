"""Background jobs on the global QThreadPool, reporting back to the GUI thread through signals.

Only plain Python work belongs here (encoding, file writes, parsing): Qt's scene and widgets are
not thread-safe, so anything that touches them stays in the GUI thread before or after a job.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[], bool]], Any]


class JobSignals(QObject):
    """Created in the GUI thread, so its signals reach GUI-thread receivers as queued calls."""

    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a readable reason
    canceled = Signal()


class Job(QRunnable):
    """Run ``work(is_canceled)`` on a pool; ``work`` may poll ``is_canceled()`` between steps.

    Every exception is turned into ``failed`` with a readable message rather than vanishing
    inside a worker thread.
    """

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the job (the watcher keeps it alive)
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_canceled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        if self.is_canceled():
            self.signals.canceled.emit()
            return
        try:
            result = self._work(self.is_canceled)
        except OSError as exc:
            self.signals.failed.emit(exc.strerror or str(exc))
        except Exception as exc:
            self.signals.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.signals.finished.emit(result)


class JobWatcher(QObject):
    """The GUI-thread end of one job: shows progress, offers Cancel, calls back when it ends."""

    def __init__(
        self,
        job: Job,
        on_finished: Callable[[Any], None],
        on_failed: Callable[[str], None],
        progress: QProgressDialog,
    ) -> None:
        super().__init__(progress.parent())
        self.job = job
        self.progress = progress
        self._on_finished = on_finished
        self._on_failed = on_failed
        progress.canceled.connect(self._cancel)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.canceled.connect(self._canceled)

    @Slot()
    def _cancel(self) -> None:
        self.job.cancel()

    @Slot(object)
    def _finished(self, result: object) -> None:
        self._end()
        self._on_finished(result)

    @Slot(str)
    def _failed(self, reason: str) -> None:
        self._end()
        self._on_failed(reason)

    @Slot()
    def _canceled(self) -> None:
        self._end()

    def _end(self) -> None:
        _running.discard(self)
        self.progress.canceled.disconnect(self._cancel)
        self.progress.close()
        self.progress.deleteLater()
        self.deleteLater()


_running: set[JobWatcher] = set()  # keeps jobs alive until they report back


def run_job(
    work: Work,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
    *,
    parent: QWidget | None = None,
    label: str = "Working…",
    pool: QThreadPool | None = None,
) -> Job:
    """Start ``work`` in the background behind a progress dialog with a Cancel button.

    The dialog appears only if the job takes longer than half a second, so quick jobs never
    flash a window. The callbacks run in the GUI thread; a canceled job calls neither.
    """
    job = Job(work)
    progress = QProgressDialog(label, "Cancel", 0, 0, parent)
    progress.setWindowTitle("cjo-desktop")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    _running.add(JobWatcher(job, on_finished, on_failed, progress))
    (pool or QThreadPool.globalInstance()).start(job)
    return job
