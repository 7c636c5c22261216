"""``python -m cjo_desktop.cli``: the ``cjo`` command without an installed entry point."""

import sys

from cjo_desktop.cli.contract import main

if __name__ == "__main__":
    sys.exit(main())
