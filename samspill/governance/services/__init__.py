"""Writes on bodies, meetings, cases, attendance, date polls and written procedures.
Keyword-only, atomic, taking the actor.

A rule a write breaks is raised as a ValidationError naming the field, for the view to show
next to it; approved minutes raise MinutesLocked.
"""

from .cases import (
    MINUTES_FIELDS,
    EditConflict,
    MinutesLocked,
    case_add,
    case_save,
    case_send_on,
    case_withdraw,
    disqualification_add,
    disqualification_remove,
    minutes_autosave,
)
from .circulations import circulation_answer, circulation_conclude, circulation_send
from .circulations import may_conclude as circulation_may_conclude
from .circulations import outcome_suggested as circulation_outcome_suggested
from .meetings import (
    NoticeNotAllowed,
    answer_record,
    attendance_record,
    attendance_seat_members,
    followup_done,
    followup_save,
    mandate_adopt,
    meeting_create,
    minutes_approve,
    minutes_correct,
    minutes_sign,
    notice_send,
    reminders_send,
    signers_choose,
    substitute_answer_record,
)
from .polls import poll_answer, poll_choose, poll_create

__all__ = [
    "MINUTES_FIELDS",
    "EditConflict",
    "MinutesLocked",
    "NoticeNotAllowed",
    "answer_record",
    "attendance_record",
    "attendance_seat_members",
    "case_add",
    "case_save",
    "case_send_on",
    "case_withdraw",
    "circulation_answer",
    "circulation_conclude",
    "circulation_may_conclude",
    "circulation_outcome_suggested",
    "circulation_send",
    "disqualification_add",
    "disqualification_remove",
    "followup_done",
    "followup_save",
    "mandate_adopt",
    "meeting_create",
    "minutes_approve",
    "minutes_autosave",
    "minutes_correct",
    "minutes_sign",
    "notice_send",
    "poll_answer",
    "poll_choose",
    "poll_create",
    "reminders_send",
    "signers_choose",
    "substitute_answer_record",
]
