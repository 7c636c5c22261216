"""``python -m cjo_desktop [FILE]`` starts the editor."""

from cjo_desktop.app.shell.application import main

raise SystemExit(main())
