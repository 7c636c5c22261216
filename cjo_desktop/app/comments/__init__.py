"""Comments in the window: the Comments panel, the add dialog, and the actions and menus that
tie them to the map."""
