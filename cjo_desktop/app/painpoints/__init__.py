"""Pain points and opportunities in the window: the ranking dock, its tables, the rules dialog,
the add/edit dialogs and the actions and menus that tie them to the map."""
