"""Pictures and the report out of the window: the export dialog and the report export, both
rendered off the GUI thread where they can be."""
