"""Governance's models: bodies and their members, meetings and what happens at them, date
polls, written procedures. Each module imports only those before it."""

from .bodies import (
    FORMAT_FIELDS,
    Appointment,
    AppointmentQuerySet,
    Body,
    MandateVersion,
    Role,
    format_case_number,
    validate_case_number_format,
)
from .circulations import Circulation, CirculationAnswer, CirculationReply
from .meetings import (
    Answer,
    Attendance,
    Case,
    CaseItem,
    CaseSequence,
    Disqualification,
    FollowUp,
    Meeting,
    MinutesSigner,
    MinutesVersion,
    SubstituteAnswer,
)
from .polls import DatePoll, DatePollSlot, DatePollVote, PollAnswer

__all__ = [
    "Answer",
    "Appointment",
    "AppointmentQuerySet",
    "Attendance",
    "Body",
    "Case",
    "Circulation",
    "CirculationAnswer",
    "CirculationReply",
    "CaseItem",
    "CaseSequence",
    "DatePoll",
    "DatePollSlot",
    "DatePollVote",
    "Disqualification",
    "FORMAT_FIELDS",
    "FollowUp",
    "MandateVersion",
    "Meeting",
    "MinutesSigner",
    "MinutesVersion",
    "PollAnswer",
    "Role",
    "SubstituteAnswer",
    "format_case_number",
    "validate_case_number_format",
]
