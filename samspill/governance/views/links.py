"""Pages reached by a signed link instead of a login: a member's answer to a notice, signing
the minutes, a date poll, a written procedure, calendar feeds."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scope

from samspill.clusters.models import Cluster
from samspill.common.http import HtmxHttpRequest
from samspill.common.middleware import mark_private
from samspill.common.views import add_service_error

from .. import documents, notice, services
from ..forms import CirculationReplyForm
from ..models import (
    Answer,
    DatePollVote,
    PollAnswer,
    SubstituteAnswer,
)
from .lookups import absolute_root


def _speak_as_the_email(request: HtmxHttpRequest, cluster: Cluster) -> None:
    """The page a link in an email opens speaks the email's language (the cluster's first),
    unless the visitor has chosen a language on the site."""
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
        return
    language = cluster.language
    translation.activate(language)
    request.LANGUAGE_CODE = language


def answer(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A member's or an invited substitute's answer, by the personal link in their email:
    no login. A link that is altered, withdrawn or for a meeting that has started gets a page
    saying so, and changes nothing."""
    mark_private(request)
    try:
        link = notice.read_link(token)
    except notice.LinkProblem as problem:
        return render(request, "governance/answer.html", {"problem": problem.message}, status=404)
    seat = link.seat
    _speak_as_the_email(request, seat.meeting.cluster)
    choices = Answer.choices if link.who == notice.MEMBER else SubstituteAnswer.choices
    current = seat.answer if link.who == notice.MEMBER else seat.substitute_answer
    error = ""
    if request.method == "POST":
        chosen = request.POST.get("answer", "")
        if not link.open:
            return render(
                request,
                "governance/answer.html",
                {
                    "link": link,
                    "problem": _("The meeting has started: answers can no longer be changed."),
                },
                status=410,
            )
        if chosen not in dict(choices):
            error = _("Choose one of the answers.")
        else:
            record = (
                services.answer_record
                if link.who == notice.MEMBER
                else services.substitute_answer_record
            )
            record(seat=seat, answer=chosen, site_url=absolute_root(request))
            messages.success(request, _("Thank you, your answer is registered."))
            return redirect(request.path)
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {
        "link": link,
        "feed": notice.feed_path("person", seat.substitute_id or seat.person_id)
        if link.who == notice.SUBSTITUTE
        else notice.feed_path("person", seat.person_id),
        "meeting": seat.meeting,
        "choices": choices,
        "current": current,
        "current_label": dict(choices).get(current, ""),
        "error": error,
        "when": notice.meeting_when(seat.meeting),
    }
    return render(request, "governance/answer.html", context, status=400 if error else 200)


def calendar_feed(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A person's or a body's meetings as a calendar to subscribe to, by a signed address."""
    mark_private(request)
    try:
        name, meetings = notice.feed_meetings(token)
    except notice.LinkProblem as problem:
        return HttpResponse(problem.message, status=404, content_type="text/plain; charset=utf-8")
    content = notice.calendar(meetings, absolute_root(request), name=name)
    return HttpResponse(content, content_type="text/calendar; charset=utf-8")


def sign(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A member chosen to sign reads the minutes and signs them with a click, no login."""
    mark_private(request)
    try:
        signer = notice.read_sign_link(token)
    except notice.LinkProblem as problem:
        return render(request, "governance/sign.html", {"problem": problem.message}, status=404)
    _speak_as_the_email(request, signer.meeting.cluster)
    if request.method == "POST":
        try:
            services.minutes_sign(signer=signer)
        except services.MinutesLocked:
            pass  # approved meanwhile: the page says so
        else:
            messages.success(request, _("Thank you, your signature is recorded."))
        return redirect(request.path)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    with scope(cluster=signer.cluster):
        context = {
            "signer": signer,
            "meeting": signer.meeting,
            "minutes": documents.minutes_context(signer.meeting, kind="minutes", public=False),
            "others": list(signer.meeting.signers.exclude(pk=signer.pk).select_related("person")),
        }
    return render(request, "governance/sign.html", context)


def poll(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A member answers a date poll by the personal link in their email: no login."""
    mark_private(request)
    try:
        record, person = notice.read_poll_link(token)
    except notice.LinkProblem as problem:
        return render(
            request, "governance/poll_answer.html", {"problem": problem.message}, status=404
        )
    _speak_as_the_email(request, record.cluster)
    with scope(cluster=record.cluster):
        slots = list(record.slots.all())
        mine = {
            vote.slot_id: vote.answer
            for vote in DatePollVote.objects.filter(slot__poll=record, person=person)
        }
    if request.method == "POST":
        answers = {
            slot.pk: request.POST.get(f"slot-{slot.pk}", "")
            for slot in slots
            if request.POST.get(f"slot-{slot.pk}", "") in PollAnswer.values
        }
        try:
            services.poll_answer(poll=record, person=person, answers=answers)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you, your answer is registered."))
        return redirect(request.path)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {
        "poll": record,
        "person": person,
        "rows": [(slot, mine.get(slot.pk, "")) for slot in slots],
        "choices": PollAnswer.choices,
    }
    return render(request, "governance/poll_answer.html", context)


def circulation(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A member reads a written procedure and answers it by the link in their email: no
    login. They may change the answer until the deadline; the other members' comments show."""
    mark_private(request)
    try:
        reply = notice.read_circulation_link(token)
    except notice.LinkProblem as problem:
        return render(
            request, "governance/circulation_answer.html", {"problem": problem.message}, status=404
        )
    _speak_as_the_email(request, reply.circulation.cluster)
    form = CirculationReplyForm(
        request.POST if request.method == "POST" else None,
        initial={"answer": reply.answer, "comment": reply.comment},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.circulation_answer(
                    reply=reply,
                    answer=form.cleaned_data["answer"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Thank you, your answer is registered."))
                return redirect(request.path)
        status = 400
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    record = reply.circulation
    with scope(cluster=reply.cluster):
        comments = list(
            record.replies.exclude(pk=reply.pk).exclude(comment="").select_related("person")
        )
        minutes = (
            documents.minutes_context(record.meeting, kind="minutes", public=False)
            if record.meeting
            else None
        )
    context = {"reply": reply, "form": form, "comments": comments, "minutes": minutes}
    return render(request, "governance/circulation_answer.html", context, status=status)
