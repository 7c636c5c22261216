"""Reading and writing maps and data: pydantic file models, atomic saves, exports. No Qt.

The names below import their module on first use (see ``cjo_desktop.lazy_exports``), so
``cjo_desktop.io.atomic`` costs no pydantic.
"""

from typing import TYPE_CHECKING

from cjo_desktop.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from cjo_desktop.io.errors import (
        MapFileError as MapFileError,
    )
    from cjo_desktop.io.file_format import (
        FILE_SUFFIX as FILE_SUFFIX,
    )
    from cjo_desktop.io.file_format import (
        SCHEMA_VERSION as SCHEMA_VERSION,
    )
    from cjo_desktop.io.files import (
        dumps_map as dumps_map,
    )
    from cjo_desktop.io.files import (
        load_map as load_map,
    )
    from cjo_desktop.io.files import (
        loads_map as loads_map,
    )
    from cjo_desktop.io.files import (
        save_map as save_map,
    )
    from cjo_desktop.io.schema import (
        json_schema as json_schema,
    )

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "errors": ("MapFileError",),
        "file_format": ("FILE_SUFFIX", "SCHEMA_VERSION"),
        "files": ("dumps_map", "load_map", "loads_map", "save_map"),
        "schema": ("json_schema",),
    },
)
