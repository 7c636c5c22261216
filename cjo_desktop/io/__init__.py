"""Reading and writing maps and data: pydantic file models, atomic saves, exports. No Qt."""

from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.files import dumps_map, load_map, loads_map, save_map
from cjo_desktop.io.schema import FILE_SUFFIX, SCHEMA_VERSION, json_schema

__all__ = [
    "FILE_SUFFIX",
    "SCHEMA_VERSION",
    "MapFileError",
    "dumps_map",
    "json_schema",
    "load_map",
    "loads_map",
    "save_map",
]
