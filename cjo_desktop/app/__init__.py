"""The Qt application: ``shell`` (start-up, main window, menus, files, preferences, workers)
and one subpackage per feature: ``panels``, ``metrics``, ``painpoints``, ``export``."""
