"""The one exception the domain raises, so callers can tell misuse from bugs."""


class JourneyError(ValueError):
    """An edit that would break the journey (unknown id, duplicate id, dangling reference)."""
