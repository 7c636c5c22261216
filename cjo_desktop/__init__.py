"""cjo-desktop: a desktop editor for customer journey maps.

This module holds only the version so that importing the package never pulls in Qt.
"""

__version__ = "0.1.0"
