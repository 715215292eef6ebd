"""The notice of a meeting (*innkalling*): the agenda as PDF, the meeting as .ics, the email
to each member with their personal answer links, and what those links hold.

A link holds the seat and the person it was made for, signed with the site's secret key
(`django.core.signing`, with a salt of its own), so it works without a password and cannot be
made for another seat or person. `read_link` answers what it is for, or why it no longer
works: altered, for a seat or an invitation that no longer exists, or for a meeting that has
started (answers can be changed until then).
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from samspill.clusters.models import Person

from .models import (
    Attendance,
    Body,
    Case,
    CirculationReply,
    DatePoll,
    Meeting,
    MinutesSigner,
)

SALT = "samspill.governance.answer"
OSLO = ZoneInfo("Europe/Oslo")
MEMBER, SUBSTITUTE = "member", "substitute"


# Links ------------------------------------------------------------------------------------


def answer_path(seat: Attendance, person_id: int) -> str:
    """The address of the answer page of `person_id` (the member or the invited substitute)."""
    token = signing.dumps({"seat": seat.pk, "person": person_id}, salt=SALT, compress=True)
    return reverse("answer", kwargs={"token": token})


class LinkProblem(Exception):
    """Why a link does not work; `message` says so to the person holding it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _unsigned(token: str, salt: str, *keys: str) -> tuple:
    """The values a signed link holds under `keys` (ids, as ints where they are digits);
    LinkProblem if it was altered, cut short or made for something else."""
    try:
        data = signing.loads(token, salt=salt)
        return tuple(int(data[k]) if str(data[k]).isdigit() else str(data[k]) for k in keys)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkProblem(
            _("This link is not valid. It may have been changed or cut short when it was copied.")
        ) from None


@dataclass(frozen=True)
class Link:
    seat: Attendance
    who: str  # MEMBER or SUBSTITUTE
    open: bool  # answers can still be given or changed


def read_link(token: str) -> Link:
    """The seat and the person a link was made for; LinkProblem if it does not work."""
    seat_id, person_id = _unsigned(token, SALT, "seat", "person")
    seat = (
        Attendance.objects.with_scopes_disabled()
        .select_related("meeting__body", "meeting__cluster", "person", "substitute")
        .filter(pk=seat_id)
        .first()
    )
    if seat is None:
        raise LinkProblem(_("This invitation has been withdrawn. Contact the secretariat."))
    if person_id == seat.person_id:
        who = MEMBER
    elif person_id == seat.substitute_id:
        who = SUBSTITUTE
    else:
        raise LinkProblem(
            _("You are no longer invited to stand in at this meeting. Contact the secretariat.")
        )
    meeting = seat.meeting
    closed = meeting.status == Meeting.Status.CANCELLED or timezone.now() >= meeting.starts_at
    return Link(seat=seat, who=who, open=not closed)


# Signing the minutes: a link for each member chosen to approve them.

SIGN_SALT = "samspill.governance.sign"


def sign_path(signer: MinutesSigner) -> str:
    token = signing.dumps({"signer": signer.pk}, salt=SIGN_SALT, compress=True)
    return reverse("sign", kwargs={"token": token})


def read_sign_link(token: str) -> MinutesSigner:
    """The signer a link was made for; LinkProblem if altered or no longer asked to sign."""
    (signer_id,) = _unsigned(token, SIGN_SALT, "signer")
    signer = (
        MinutesSigner.objects.with_scopes_disabled()
        .select_related("meeting__body", "meeting__cluster", "person")
        .filter(pk=signer_id)
        .first()
    )
    if signer is None:
        raise LinkProblem(_("You are no longer asked to sign these minutes."))
    return signer


# Date polls: a link for each member asked.

POLL_SALT = "samspill.governance.poll"


def poll_path(poll: DatePoll, person_id: int) -> str:
    token = signing.dumps({"poll": poll.pk, "person": person_id}, salt=POLL_SALT, compress=True)
    return reverse("poll", kwargs={"token": token})


def read_poll_link(token: str) -> tuple[DatePoll, Person]:
    poll_id, person_id = _unsigned(token, POLL_SALT, "poll", "person")
    poll = (
        DatePoll.objects.with_scopes_disabled()
        .select_related("body", "cluster", "meeting")
        .filter(pk=poll_id)
        .first()
    )
    person = Person.objects.with_scopes_disabled().filter(pk=person_id).first()
    if poll is None or person is None:
        raise LinkProblem(_("This date poll has been withdrawn. Contact the secretariat."))
    return poll, person


def poll_message(
    poll: DatePoll, person: Person, *, kind: str, site_url: str
) -> EmailMultiAlternatives | None:
    """The invitation to answer a date poll ("poll"), or the date chosen with the meeting as
    .ics ("chosen")."""
    if not person.email:
        return None
    with translation.override(poll.cluster.language):
        context = {
            "kind": kind,
            "person": person,
            "poll": poll,
            "body": poll.body,
            "cluster": poll.cluster,
            "poll_url": site_url + poll_path(poll, person.pk),
            "when": meeting_when(poll.meeting) if poll.meeting else "",
        }
        email = EmailMultiAlternatives(
            subject=render_to_string("email/date_poll/subject.txt", context).strip(),
            body=render_to_string("email/date_poll/body.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
        )
        if kind == "chosen" and poll.meeting:
            email.attach(
                _attachment_name(poll.meeting, "ics"),
                calendar([poll.meeting], site_url, name=poll.body.name),
                "text/calendar",
            )
    return email


# Written procedures: a link for each member asked.

CIRCULATION_SALT = "samspill.governance.circulation"


def circulation_path(reply: CirculationReply) -> str:
    token = signing.dumps({"reply": reply.pk}, salt=CIRCULATION_SALT, compress=True)
    return reverse("circulation", kwargs={"token": token})


def read_circulation_link(token: str) -> CirculationReply:
    """The member's reply a link was made for; LinkProblem if altered or withdrawn."""
    (reply_id,) = _unsigned(token, CIRCULATION_SALT, "reply")
    reply = (
        CirculationReply.objects.with_scopes_disabled()
        .select_related("circulation__body", "circulation__cluster", "circulation__meeting")
        .select_related("person")
        .filter(pk=reply_id)
        .first()
    )
    if reply is None:
        raise LinkProblem(_("This written procedure has been withdrawn. Contact the secretariat."))
    return reply


def circulation_message(reply: CirculationReply, *, site_url: str) -> EmailMultiAlternatives | None:
    """A written procedure sent to a member, with their link to answer it."""
    if not reply.person.email:
        return None
    circulation = reply.circulation
    with translation.override(circulation.cluster.language):
        context = {
            "person": reply.person,
            "circulation": circulation,
            "body": circulation.body,
            "cluster": circulation.cluster,
            "answer_url": site_url + circulation_path(reply),
            "deadline": circulation.deadline.strftime("%d.%m.%Y"),
        }
        return EmailMultiAlternatives(
            subject=render_to_string("email/circulation/subject.txt", context).strip(),
            body=render_to_string("email/circulation/body.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[reply.person.email],
        )


# Calendar feeds: a person's meetings, or a body's, for a calendar to subscribe to. A calendar
# cannot log in, so the address is signed as the answer links are (a salt of its own).

FEED_SALT = "samspill.governance.calendar"
FEED_PAST_DAYS = 365


def feed_path(kind: str, pk: int) -> str:
    """The address of the feed of a person ("person") or a body ("body")."""
    token = signing.dumps({"k": kind, "pk": pk}, salt=FEED_SALT, compress=True)
    return reverse("calendar_feed", kwargs={"token": token})


def feed_meetings(token: str) -> tuple[str, list[Meeting]]:
    """The feed's name and its meetings (a year back and all ahead); LinkProblem if the
    address was altered or its person or body is gone."""
    try:
        kind_id, pk = _unsigned(token, FEED_SALT, "k", "pk")
    except LinkProblem:
        raise LinkProblem(_("This calendar address is not valid.")) from None
    kind = str(kind_id)
    meetings = Meeting.objects.with_scopes_disabled().select_related("body", "cluster")
    meetings = meetings.filter(
        starts_at__gte=timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    )
    if kind == "body":
        body = Body.objects.with_scopes_disabled().filter(pk=pk).first()
        if body is None:
            raise LinkProblem(_("This calendar address is not valid."))
        return body.name, list(meetings.filter(body=body).order_by("starts_at"))
    if kind == "person":
        person = Person.objects.with_scopes_disabled().filter(pk=pk).first()
        if person is None:
            raise LinkProblem(_("This calendar address is not valid."))
        seats = Attendance.objects.with_scopes_disabled().filter(
            Q(person=person, summoned=True) | Q(substitute=person)
        )
        chosen = meetings.filter(pk__in=seats.values("meeting_id")).order_by("starts_at")
        return person.name, list(chosen)
    raise LinkProblem(_("This calendar address is not valid."))


# The agenda -------------------------------------------------------------------------------


def meeting_when(meeting: Meeting) -> str:
    starts = timezone.localtime(meeting.starts_at, OSLO)
    text = f"{starts:%d.%m.%Y} {starts:%H:%M}"
    if meeting.ends_at:
        text += f"–{timezone.localtime(meeting.ends_at, OSLO):%H:%M}"
    return text


def notice_context(meeting: Meeting, *, public: bool) -> dict:
    """What the notice shows: the meeting and its agenda. A restricted case shows only its
    number, public title and legal ground in the public version."""
    with scope(cluster=meeting.cluster):
        cases = list(
            Case.objects.filter(meeting=meeting, withdrawn=False)
            .select_related("body")
            .prefetch_related("items")
            .order_by("position", "number")
        )
    title = _("Notice of meeting: %(body)s") % {"body": meeting.body.name}
    return {
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "title": title,
        "cluster": meeting.cluster,
        "meeting": meeting,
        "when": meeting_when(meeting),
        "place": " – ".join(part for part in (meeting.place, meeting.room) if part),
        "cases": [
            {
                "case": case,
                "hidden": public and case.restricted,
                "title": (case.public_title or _("Restricted case"))
                if public and case.restricted
                else case.title,
            }
            for case in cases
        ],
    }


def notice_pdf(meeting: Meeting, *, public: bool = False) -> bytes:
    """The notice with its agenda as a tagged PDF/UA-1; nothing is fetched."""
    import weasyprint

    html = weasyprint.HTML(
        string=render_to_string(
            "governance/documents/notice.html", notice_context(meeting, public=public)
        ),
        base_url=str(settings.BASE_DIR),
        url_fetcher=weasyprint.URLFetcher(allowed_protocols=("data",)),
    )
    return html.write_pdf(pdf_variant="pdf/ua-1")


# The calendar -----------------------------------------------------------------------------


def meeting_event(meeting: Meeting, site_url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{urlsplit(site_url).hostname or 'samspill'}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + datetime.timedelta(hours=2))
    event.add("summary", f"{meeting.body.name} – {meeting.cluster.short_name}")
    location = ", ".join(part for part in (meeting.place, meeting.room) if part)
    if location:
        event.add("location", location)
    url = site_url + meeting.get_absolute_url()
    event.add("url", url)
    description = [url]
    if meeting.remote_link:
        description.insert(0, _("Join remotely: %(link)s") % {"link": meeting.remote_link})
    event.add("description", "\n".join(description))
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    # A new notice of a changed meeting must replace the old event in the calendar.
    event.add("sequence", int(meeting.notice_sent_at.timestamp()) if meeting.notice_sent_at else 0)
    return event


def calendar(meetings: list[Meeting], site_url: str, *, name: str) -> bytes:
    """An iCalendar file of `meetings` (one for a meeting's .ics, several for a feed)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Samspill//Samspill//NO")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, site_url))
    return cal.to_ical()


# The email --------------------------------------------------------------------------------

NOTICE, REMINDER, INVITATION, RELEASED = "notice", "reminder", "invitation", "released"


def message(
    seat: Attendance, *, person: Person, kind: str, site_url: str
) -> EmailMultiAlternatives | None:
    """The email of `kind` to `person`, the seat's member (notice, reminder) or substitute
    (invitation, released), in the cluster's first language; None without an address."""
    meeting = seat.meeting
    if not person.email:
        return None
    with translation.override(meeting.cluster.language):
        context = {
            "kind": kind,
            "person": person,
            "member": seat.person,
            "meeting": meeting,
            "body": meeting.body,
            "cluster": meeting.cluster,
            "when": meeting_when(meeting),
            "place": ", ".join(part for part in (meeting.place, meeting.room) if part),
            "meeting_url": site_url + meeting.get_absolute_url(),
            "answer_url": site_url + answer_path(seat, person.pk),
            "feed_url": site_url + feed_path("person", person.pk),
            "answers": _answers_for(kind),
        }
        subject = render_to_string("email/meeting_notice/subject.txt", context).strip()
        email = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("email/meeting_notice/body.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
        )
        email.attach_alternative(
            render_to_string("email/meeting_notice/body.html", context), "text/html"
        )
        if kind != RELEASED:
            email.attach(_attachment_name(meeting, "pdf"), notice_pdf(meeting), "application/pdf")
            email.attach(
                _attachment_name(meeting, "ics"),
                calendar([meeting], site_url, name=meeting.body.name),
                "text/calendar",
            )
    return email


def _answers_for(kind: str) -> list[str]:
    from .models import Answer, SubstituteAnswer

    choices = SubstituteAnswer if kind == INVITATION else Answer
    return [str(label) for label in choices.labels] if kind != RELEASED else []


def _attachment_name(meeting: Meeting, extension: str) -> str:
    day = timezone.localtime(meeting.starts_at, OSLO).date().isoformat()
    name = "innkalling" if extension == "pdf" else "mote"
    return f"{name}-{meeting.body.slug}-{day}.{extension}"


def signing_message(signer: MinutesSigner, *, site_url: str) -> EmailMultiAlternatives | None:
    """The email asking a member to read and sign the minutes, with the minutes as PDF."""
    from .documents import minutes_filename, minutes_pdf

    meeting, person = signer.meeting, signer.person
    if not person.email:
        return None
    with translation.override(meeting.cluster.language):
        context = {
            "person": person,
            "meeting": meeting,
            "body": meeting.body,
            "cluster": meeting.cluster,
            "when": meeting_when(meeting),
            "sign_url": site_url + sign_path(signer),
        }
        email = EmailMultiAlternatives(
            subject=render_to_string("email/minutes_signing/subject.txt", context).strip(),
            body=render_to_string("email/minutes_signing/body.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
        )
        email.attach(minutes_filename(meeting), minutes_pdf(meeting), "application/pdf")
    return email
