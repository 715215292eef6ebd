from django.urls import path, register_converter

from .views import bodies, cases, circulations, meetings, minutes, registers

app_name = "governance"


class MeetingSlug:
    """A meeting's date, with -2, -3 … for a second or third meeting the same day."""

    regex = r"\d{4}-\d{2}-\d{2}(?:-\d{1,2})?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(MeetingSlug, "meeting")

MEETING = "bodies/<slug:body>/<meeting:meeting>/"

urlpatterns = [
    path("bodies/", bodies.body_list, name="body_list"),
    path("decisions/", registers.decision_list, name="decision_list"),
    path("followups/", registers.followup_list, name="followup_list"),
    path("bodies/new/", bodies.body_create, name="body_create"),
    path("bodies/<slug:body>/", bodies.body_detail, name="body_detail"),
    path("bodies/<slug:body>/edit/", bodies.body_edit, name="body_edit"),
    path("bodies/<slug:body>/mandate/", bodies.mandate_versions, name="mandate_versions"),
    path("bodies/<slug:body>/mandate/adopt/", bodies.mandate_adopt, name="mandate_adopt"),
    path("bodies/<slug:body>/members/new/", bodies.appointment_create, name="appointment_create"),
    path("bodies/<slug:body>/members/<int:pk>/", bodies.appointment_edit, name="appointment_edit"),
    path("bodies/<slug:body>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("bodies/<slug:body>/polls/new/", bodies.poll_create, name="poll_create"),
    path("bodies/<slug:body>/polls/<int:pk>/", bodies.poll_detail, name="poll_detail"),
    path("bodies/<slug:body>/polls/<int:pk>/choose/", bodies.poll_choose, name="poll_choose"),
    path(
        "bodies/<slug:body>/circulations/new/",
        circulations.circulation_create,
        name="circulation_create",
    ),
    path(
        "bodies/<slug:body>/circulations/<int:pk>/",
        circulations.circulation_detail,
        name="circulation_detail",
    ),
    path(
        "bodies/<slug:body>/circulations/<int:pk>/conclude/",
        circulations.circulation_conclude,
        name="circulation_conclude",
    ),
    path(MEETING, meetings.meeting_detail, name="meeting_detail"),
    path(f"{MEETING}edit/", meetings.meeting_edit, name="meeting_edit"),
    path(f"{MEETING}cases/new/", cases.case_create, name="case_create"),
    path(f"{MEETING}cases/<int:pk>/", cases.case_edit, name="case_edit"),
    path(
        f"{MEETING}cases/<int:pk>/disqualified/",
        cases.disqualifications,
        name="disqualifications",
    ),
    path(
        f"{MEETING}cases/<int:pk>/disqualified/<int:person>/remove/",
        cases.disqualification_remove,
        name="disqualification_remove",
    ),
    path(f"{MEETING}cases/<int:pk>/autosave/", cases.case_autosave, name="case_autosave"),
    path(f"{MEETING}cases/<int:pk>/send/", cases.case_send_on, name="case_send_on"),
    path(f"{MEETING}cases/<int:pk>/withdraw/", cases.case_withdraw, name="case_withdraw"),
    path(f"{MEETING}attendance/<int:pk>/", meetings.attendance_record, name="attendance_record"),
    path(f"{MEETING}approve/", minutes.minutes_approve, name="minutes_approve"),
    path(f"{MEETING}signers/", minutes.signers_choose, name="signers_choose"),
    path(f"{MEETING}cases/<int:pk>/correct/", minutes.case_correct, name="case_correct"),
    path(f"{MEETING}minutes/versions/", minutes.minutes_versions, name="minutes_versions"),
    path(
        f"{MEETING}cases/<int:pk>/followups/new/", meetings.followup_create, name="followup_create"
    ),
    path(f"{MEETING}followups/<int:pk>/", meetings.followup_edit, name="followup_edit"),
    path(f"{MEETING}followups/<int:pk>/done/", meetings.followup_done, name="followup_done"),
    path(f"{MEETING}notice/", meetings.notice_send, name="notice_send"),
    path(f"{MEETING}reminders/", meetings.reminders_send, name="reminders_send"),
    path(f"{MEETING}notice.pdf", meetings.notice_document, name="notice_pdf"),
    path(f"{MEETING}meeting.ics", meetings.meeting_calendar, name="meeting_ics"),
    *(
        path(
            f"{MEETING}{kind}.{extension}",
            minutes.meeting_document,
            {"kind": kind, "extension": extension},
            name=f"{kind}_{extension}",
        )
        for kind in ("minutes", "protocol")
        for extension in ("pdf", "docx")
    ),
]
