from django.urls import path, register_converter

from . import views

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
    path("bodies/", views.body_list, name="body_list"),
    path("decisions/", views.decision_list, name="decision_list"),
    path("followups/", views.followup_list, name="followup_list"),
    path("bodies/new/", views.body_create, name="body_create"),
    path("bodies/<slug:body>/", views.body_detail, name="body_detail"),
    path("bodies/<slug:body>/edit/", views.body_edit, name="body_edit"),
    path("bodies/<slug:body>/members/new/", views.appointment_create, name="appointment_create"),
    path("bodies/<slug:body>/members/<int:pk>/", views.appointment_edit, name="appointment_edit"),
    path("bodies/<slug:body>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("bodies/<slug:body>/polls/new/", views.poll_create, name="poll_create"),
    path("bodies/<slug:body>/polls/<int:pk>/", views.poll_detail, name="poll_detail"),
    path("bodies/<slug:body>/polls/<int:pk>/choose/", views.poll_choose, name="poll_choose"),
    path(MEETING, views.meeting_detail, name="meeting_detail"),
    path(f"{MEETING}edit/", views.meeting_edit, name="meeting_edit"),
    path(f"{MEETING}cases/new/", views.case_create, name="case_create"),
    path(f"{MEETING}cases/<int:pk>/", views.case_edit, name="case_edit"),
    path(f"{MEETING}cases/<int:pk>/withdraw/", views.case_withdraw, name="case_withdraw"),
    path(f"{MEETING}attendance/<int:pk>/", views.attendance_record, name="attendance_record"),
    path(f"{MEETING}approve/", views.minutes_approve, name="minutes_approve"),
    path(f"{MEETING}signers/", views.signers_choose, name="signers_choose"),
    path(f"{MEETING}cases/<int:pk>/correct/", views.case_correct, name="case_correct"),
    path(f"{MEETING}minutes/versions/", views.minutes_versions, name="minutes_versions"),
    path(f"{MEETING}cases/<int:pk>/followups/new/", views.followup_create, name="followup_create"),
    path(f"{MEETING}followups/<int:pk>/", views.followup_edit, name="followup_edit"),
    path(f"{MEETING}followups/<int:pk>/done/", views.followup_done, name="followup_done"),
    path(f"{MEETING}notice/", views.notice_send, name="notice_send"),
    path(f"{MEETING}reminders/", views.reminders_send, name="reminders_send"),
    path(f"{MEETING}notice.pdf", views.notice_document, name="notice_pdf"),
    path(f"{MEETING}meeting.ics", views.meeting_calendar, name="meeting_ics"),
    *(
        path(
            f"{MEETING}{kind}.{extension}",
            views.meeting_document,
            {"kind": kind, "extension": extension},
            name=f"{kind}_{extension}",
        )
        for kind in ("minutes", "protocol")
        for extension in ("pdf", "docx")
    ),
]
