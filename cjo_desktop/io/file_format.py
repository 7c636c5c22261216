"""The native file's version and name, apart from its pydantic models.

``cjo --version`` and the About box name the format without building the schema.
"""

SCHEMA_VERSION = 6
SCHEMA_ID = "https://cjo-desktop.org/schema/map-v6.json"
FILE_SUFFIX = ".cjo.json"
