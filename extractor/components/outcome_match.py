"""The outcome one sentence or table row states (before it becomes a record fact)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OutcomeMatch:
    """An outcome read from one sentence (offsets relative to the sentence)."""

    endpoint: str
    statistic: str
    value: float
    unit: str | None
    timepoint_months: float | None
    arm: str | None
    ci: tuple[float, float] | None
    p: float | None
    start: int
    end: int
    rule: str
    extra: dict = field(default_factory=dict)
