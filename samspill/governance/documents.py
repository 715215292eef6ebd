"""A meeting's minutes (*referat*) and formal record (*protokoll*), as PDF and Word documents.

`minutes_context` gathers what both documents show, in a fixed number of queries whatever
the number of cases and seats; `minutes_pdf` renders it through the template
governance/documents/minutes.html with WeasyPrint (tagged PDF/UA-1), and `word.minutes_docx`
builds the same document with python-docx, with real headings and a real table.

The shape follows the minutes clusters write by hand: the title, place, date and time, the
attendance table (Organisation, Name, Code, Summoned, Absent) with the standing observers
under a row of their own, who stood in and who chaired, whether the meeting had a quorum,
then every case with its sub-items, discussion (minutes only), decision and dissent.

The public version (`public=True`) shows of a restricted case only its number, its public
title if it has one, and the legal ground for restricting it.

Texts are plain text: paragraphs are separated by blank lines, and lines starting with "- "
are list items. All of it is escaped (the template autoescapes; Word has no markup).
"""

import datetime
import re
import string
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django_scopes import scope

from samspill.clusters.models import Person

from . import queries
from .models import Appointment, Attendance, Case, Meeting, Role

KINDS = ("minutes", "protocol")
OSLO = ZoneInfo("Europe/Oslo")
TEMPLATE = "governance/documents/minutes.html"
# Seats that are the body's members; every other row goes under "Standing observers:".
MEMBER_ROLES = (Role.CHAIR, Role.DEPUTY_CHAIR, Role.MEMBER, Role.SUBSTITUTE)
LIST_ITEM = re.compile(r"^\s*[-*•]\s+")


# What the documents show ------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph (its lines) or a bulleted list (its items) of a text."""

    kind: str  # "paragraph" or "list"
    lines: tuple[str, ...]


@dataclass(frozen=True)
class AttendanceRow:
    organisation: str = ""
    name: str = ""
    code: str = ""
    summoned: str = ""
    absence: str = ""
    # A row that only heads the rows below it ("Standing observers:").
    heading: str = ""


@dataclass(frozen=True)
class ItemEntry:
    letter: str
    title: str
    presenter: str
    discussion: list[Block]
    decision: list[Block]

    @property
    def heading(self) -> str:
        return f"{self.letter}. {self.title}"


@dataclass(frozen=True)
class CaseEntry:
    code: str
    heading: str
    presenter: str = ""
    follows_up: str = ""
    disqualified: str = ""
    sent_from: str = ""
    withdrawn: bool = False
    restricted_note: str = ""
    items: list[ItemEntry] = field(default_factory=list)
    discussion: list[Block] = field(default_factory=list)
    decision: list[Block] = field(default_factory=list)
    dissent: list[Block] = field(default_factory=list)


def text_blocks(text: str) -> list[Block]:
    """Plain text as paragraphs (separated by blank lines) and lists (lines starting "- ")."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n") if line.strip()]
        run: list[str] = []
        run_kind = ""
        for line in lines:
            kind = "list" if LIST_ITEM.match(line) else "paragraph"
            if kind != run_kind and run:
                blocks.append(Block(run_kind, tuple(run)))
                run = []
            run_kind = kind
            run.append(LIST_ITEM.sub("", line) if kind == "list" else line.strip())
        if run:
            blocks.append(Block(run_kind, tuple(run)))
    return blocks


def absence_mark(status: str) -> str:
    """What the Absent column shows for an attendance status."""
    if status == Attendance.Status.SUBSTITUTE:
        return pgettext("minutes: absent column", "substitute")
    if status == Attendance.Status.REMOTE:
        return pgettext("minutes: absent column", "remote")
    if status in (Attendance.Status.ABSENT, Attendance.Status.ABSENT_WITH_NOTICE):
        return "x"
    return ""


def _organisation_cell(appointment: Appointment | None) -> str:
    if appointment is None:
        return ""
    parts = [appointment.organisation.name] if appointment.organisation else []
    if appointment.function:
        parts.append(appointment.function)
    return ", ".join(parts)


def _organisation_short(appointment: Appointment | None) -> str:
    organisation = appointment.organisation if appointment else None
    if organisation is None:
        return ""
    return organisation.short_name or organisation.name


def _with_organisation(name: str, organisation: str) -> str:
    return f"{name} ({organisation})" if organisation else name


def _attendance_rows(attendance: list[Attendance]) -> list[AttendanceRow]:
    def row(seat: Attendance) -> AttendanceRow:
        return AttendanceRow(
            organisation=_organisation_cell(seat.appointment),
            name=seat.person.name,
            code=seat.person.initials,
            summoned="x" if seat.summoned else "",
            absence=absence_mark(seat.status),
        )

    members = [a for a in attendance if a.appointment and a.appointment.role in MEMBER_ROLES]
    others = [a for a in attendance if not (a.appointment and a.appointment.role in MEMBER_ROLES)]
    rows = [row(a) for a in members]
    if others:
        rows.append(AttendanceRow(heading=_("Standing observers:")))
        rows.extend(row(a) for a in others)
    return rows


def _substitutes_sentence(attendance: list[Attendance]) -> str:
    names = [
        _with_organisation(a.substitute.name, _organisation_short(a.appointment))
        for a in attendance
        if a.status == Attendance.Status.SUBSTITUTE and a.substitute is not None
    ]
    if not names:
        return ""
    return ngettext(
        "Substitute %(names)s attended the meeting.",
        "Substitutes %(names)s attended the meeting.",
        len(names),
    ) % {"names": get_text_list(names, _("and"))}


def _chair_sentence(meeting: Meeting, attendance: list[Attendance]) -> str:
    """Who chaired, when it was not the body's chair."""
    if meeting.chair is None:
        return ""
    chair_seat = next(
        (a for a in attendance if a.appointment and a.appointment.role == Role.CHAIR), None
    )
    body_chair: Person | None
    if chair_seat is not None:
        body_chair = chair_seat.person
    else:
        day = timezone.localtime(meeting.starts_at, OSLO).date()
        appointment = (
            Appointment.objects.filter(body=meeting.body, role=Role.CHAIR)
            .current_on(day)
            .select_related("person")
            .order_by("position", "pk")
            .first()
        )
        body_chair = appointment.person if appointment else None
    if body_chair is not None and body_chair.pk == meeting.chair_id:
        return ""
    seat = next((a for a in attendance if meeting.chair_id in (a.person_id, a.substitute_id)), None)
    chair = _with_organisation(
        meeting.chair.name, _organisation_short(seat.appointment if seat else None)
    )
    if body_chair is None:
        return _("%(chair)s chaired the meeting.") % {"chair": chair}
    return _("%(chair)s chaired the meeting as substitute for %(chair_of_body)s.") % {
        "chair": chair,
        "chair_of_body": body_chair.name,
    }


def _quorum_sentence(meeting: Meeting, attendance: list[Attendance]) -> str:
    result = queries.quorum(meeting, attendance)
    if not result.seats:
        return ""
    values = {"filled": result.filled, "seats": result.seats}
    if result.quorate:
        return (
            _("The meeting had a quorum: %(filled)s of %(seats)s voting seats were filled.")
            % values
        )
    return (
        _("The meeting did not have a quorum: %(filled)s of %(seats)s voting seats were filled.")
        % values
    )


def _letter(index: int) -> str:
    return string.ascii_lowercase[index] if index < 26 else str(index + 1)


def _presented_by(presenter: str) -> str:
    return _("presented by %(presenter)s") % {"presenter": presenter} if presenter else ""


def _case_entry(case: Case, *, kind: str, public: bool) -> CaseEntry:
    label = pgettext("sak", "Case %(number)s") % {"number": case.code}
    restricted_note = ""
    if case.restricted:
        restricted_note = _("Exempt from public disclosure (%(legal_ground)s).") % {
            "legal_ground": case.legal_ground
        }
    if public and case.restricted:
        return CaseEntry(
            code=case.code,
            heading=f"{label} {case.public_title}".strip(),
            withdrawn=case.withdrawn,
            restricted_note=restricted_note,
        )
    minutes = kind == "minutes"
    return CaseEntry(
        code=case.code,
        heading=f"{label} {case.title}",
        presenter=_presented_by(case.presenter),
        follows_up=(
            _("Follow-up of case %(code)s") % {"code": case.follows_up.code}
            if case.follows_up
            else ""
        ),
        disqualified=_disqualified_sentence(case),
        sent_from=(
            _("Sent here from case %(code)s in %(body)s")
            % {"code": case.sent_from.code, "body": case.sent_from.body.name}
            if case.sent_from
            else ""
        ),
        withdrawn=case.withdrawn,
        restricted_note=restricted_note,
        items=[
            ItemEntry(
                letter=_letter(index),
                title=item.title,
                presenter=_presented_by(item.presenter),
                discussion=text_blocks(item.discussion) if minutes else [],
                decision=text_blocks(item.decision),
            )
            for index, item in enumerate(case.items.all())
        ],
        discussion=text_blocks(case.discussion) if minutes else [],
        decision=text_blocks(case.decision),
        dissent=text_blocks(case.dissent),
    )


def _disqualified_sentence(case: Case) -> str:
    found = case.disqualifications.all()
    if not found:
        return ""
    names = ", ".join(
        f"{d.person.name} ({d.grounds})" if d.grounds else d.person.name for d in found
    )
    return _("Disqualified, took no part in the case: %(names)s.") % {"names": names}


def _cases(meeting: Meeting) -> list[Case]:
    """Every case of the meeting, restricted ones too (the public version leaves out their
    text itself), with what their headings need."""
    return list(
        Case.objects.filter(meeting=meeting)
        .select_related("body", "follows_up__body", "sent_from__body")
        .prefetch_related("items", "disqualifications__person")
        .order_by("position", "number")
    )


def minutes_context(meeting: Meeting, *, kind: str, public: bool) -> dict:
    """What the minutes ("minutes") or the record ("protocol") of `meeting` show, in the
    active language. Six queries, seven if the body's chair has no seat at the meeting."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    meeting = (
        Meeting.objects.with_scopes_disabled()
        .select_related("body", "cluster", "chair", "minute_taker")
        .get(pk=meeting.pk)
    )
    with scope(cluster=meeting.cluster):
        attendance = queries.meeting_attendance(meeting)
        cases = _cases(meeting)
        chair_sentence = _chair_sentence(meeting, attendance)
    document = (
        pgettext("governance document", "Minutes")
        if kind == "minutes"
        else pgettext("governance document", "Protocol")
    )
    title = f"{document} {meeting.body.name} – {meeting.cluster.name}"
    starts = timezone.localtime(meeting.starts_at, OSLO)
    time = f"{starts:%H:%M}"
    if meeting.ends_at:
        time += f"-{timezone.localtime(meeting.ends_at, OSLO):%H:%M}"
    weekday = date_format(starts.date(), "l")
    return {
        "kind": kind,
        "public": public,
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "document_title": title,
        "title": title.upper(),
        "meeting": meeting,
        "body": meeting.body,
        "cluster": meeting.cluster,
        "place": " – ".join(part for part in (meeting.place, meeting.room) if part),
        "date": f"{weekday[:1].upper()}{weekday[1:]} {starts:%d.%m.%Y}",
        "time": time,
        "attendance": _attendance_rows(attendance),
        "substitutes": _substitutes_sentence(attendance),
        "chair": chair_sentence,
        "quorum": _quorum_sentence(meeting, attendance),
        "cases": [_case_entry(case, kind=kind, public=public) for case in cases],
        "minute_taker": meeting.minute_taker.name if meeting.minute_taker else "",
        "labels": {
            "place": _("Place"),
            "date": _("Date"),
            "time": pgettext("minutes header: clock time", "Time"),
            "attendance": _("Attendance"),
            "columns": [
                _("Organisation"),
                _("Name"),
                _("Code"),
                _("Summoned"),
                _("Absent"),
            ],
            "withdrawn": _("(withdrawn)"),
            "decision": _("Decision:"),
            "dissent": _("Dissent:"),
            "minute_taker": _("Minute taker"),
            "page": _("Page"),
        },
    }


# PDF ----------------------------------------------------------------------------------------


def minutes_html(meeting: Meeting, *, kind: str = "minutes", public: bool = False) -> str:
    return render_to_string(TEMPLATE, minutes_context(meeting, kind=kind, public=public))


def minutes_pdf(meeting: Meeting, *, kind: str = "minutes", public: bool = False) -> bytes:
    """The document as a tagged PDF/UA-1, A4, with the system's fonts; nothing is fetched."""
    import weasyprint

    html = weasyprint.HTML(
        string=minutes_html(meeting, kind=kind, public=public),
        base_url=str(settings.BASE_DIR),
        # The template links to nothing and user text is escaped; refuse any fetch anyway.
        url_fetcher=weasyprint.URLFetcher(allowed_protocols=("data",)),
    )
    return html.write_pdf(pdf_variant="pdf/ua-1")


def minutes_filename(meeting: Meeting, *, kind: str = "minutes", extension: str = "pdf") -> str:
    """A file name such as "referat-2022-10-07.pdf", in the active language."""
    document = (
        pgettext("governance document file name", "minutes")
        if kind == "minutes"
        else pgettext("governance document file name", "protocol")
    )
    day: datetime.date = timezone.localtime(meeting.starts_at, OSLO).date()
    return f"{document}-{day.isoformat()}.{extension}"
