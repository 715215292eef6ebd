"""What an import returns: the outline it found and what the user should check."""

from dataclasses import dataclass, field

from ..outline import PlanOutline


@dataclass
class ParsedPlan:
    """An outline and the warnings about it (plain sentences in the active language): an
    import never fails, it says what it could not read."""

    outline: PlanOutline = field(default_factory=PlanOutline)
    warnings: list[str] = field(default_factory=list)
