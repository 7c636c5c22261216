"""The Lanes panel and the lane verbs of the window: add, rename, reorder, hide, collapse,
delete, from the panel, the Edit menu and the map's lane titles."""
