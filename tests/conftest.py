"""Test configuration: Qt tests run on the offscreen platform, never needing a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
