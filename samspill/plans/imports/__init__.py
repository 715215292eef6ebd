"""Importing an action plan: from OCR text (with letter repair the user chooses) or DOCX.

Each parser returns a `ParsedPlan`: a `PlanOutline` and warnings, never an exception.
"""

from .docx import parse_plan_docx
from .repair import Repair, apply_repairs, propose_repairs
from .result import ParsedPlan
from .text import parse_plan_text

__all__ = [
    "ParsedPlan",
    "Repair",
    "apply_repairs",
    "parse_plan_docx",
    "parse_plan_text",
    "propose_repairs",
]
