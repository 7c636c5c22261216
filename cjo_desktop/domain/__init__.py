"""The journey model in pure Python: no Qt, no pydantic, usable from a notebook.

The names below import their module on first use (see ``cjo_desktop.lazy_exports``), so
``cjo_desktop.domain.limits`` costs no networkx.
"""

from typing import TYPE_CHECKING

from cjo_desktop.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from cjo_desktop.domain.errors import (
        JourneyError as JourneyError,
    )
    from cjo_desktop.domain.events import (
        Change as Change,
    )
    from cjo_desktop.domain.events import (
        Signal as Signal,
    )
    from cjo_desktop.domain.journey import (
        Journey as Journey,
    )
    from cjo_desktop.domain.limits import (
        VALENCE_MAX as VALENCE_MAX,
    )
    from cjo_desktop.domain.limits import (
        VALENCE_MIN as VALENCE_MIN,
    )
    from cjo_desktop.domain.metrics import (
        MetricValue as MetricValue,
    )
    from cjo_desktop.domain.metrics import (
        Provenance as Provenance,
    )
    from cjo_desktop.domain.metrics import (
        Snapshot as Snapshot,
    )
    from cjo_desktop.domain.model import (
        DEFAULT_EMOTION_LABELS as DEFAULT_EMOTION_LABELS,
    )
    from cjo_desktop.domain.model import (
        Emotion as Emotion,
    )
    from cjo_desktop.domain.model import (
        Flow as Flow,
    )
    from cjo_desktop.domain.model import (
        Kind as Kind,
    )
    from cjo_desktop.domain.model import (
        Opportunity as Opportunity,
    )
    from cjo_desktop.domain.model import (
        PainPoint as PainPoint,
    )
    from cjo_desktop.domain.model import (
        Persona as Persona,
    )
    from cjo_desktop.domain.model import (
        Position as Position,
    )
    from cjo_desktop.domain.model import (
        Stage as Stage,
    )
    from cjo_desktop.domain.model import (
        Touchpoint as Touchpoint,
    )
    from cjo_desktop.domain.painpoints import (
        DEFAULT_RULES as DEFAULT_RULES,
    )
    from cjo_desktop.domain.painpoints import (
        PainPointSettings as PainPointSettings,
    )
    from cjo_desktop.domain.painpoints import (
        Rule as Rule,
    )

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "errors": ("JourneyError",),
        "events": (
            "Change",
            "Signal",
        ),
        "journey": ("Journey",),
        "limits": (
            "VALENCE_MAX",
            "VALENCE_MIN",
        ),
        "metrics": (
            "MetricValue",
            "Provenance",
            "Snapshot",
        ),
        "model": (
            "DEFAULT_EMOTION_LABELS",
            "Emotion",
            "Flow",
            "Kind",
            "Opportunity",
            "PainPoint",
            "Persona",
            "Position",
            "Stage",
            "Touchpoint",
        ),
        "painpoints": (
            "DEFAULT_RULES",
            "PainPointSettings",
            "Rule",
        ),
    },
)
