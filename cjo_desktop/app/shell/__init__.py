"""The application's frame: start-up, the main window that wires the features together, menus
and shortcuts, file operations, recovery questions, preferences and background jobs."""
