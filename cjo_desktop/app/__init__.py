"""The Qt application: main window (wiring only), actions, dialogs, background workers."""
