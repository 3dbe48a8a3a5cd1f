"""Which cases a reading covers: their province, unit, officer, group, judgment type and mode."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """A filter of the cases: their province, unit, attributed officer, group, judgment type and mode (None = all)."""

    province: str | None = None
    unit: str | None = None
    officer: str | None = None
    group: str | None = None
    judgment_type: str | None = None
    mode: str | None = None
