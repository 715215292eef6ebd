from io import StringIO

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from samspill.governance.models import (
    Appointment,
    Attendance,
    Body,
    Case,
    Circulation,
    Disqualification,
    Meeting,
)


def _load() -> None:
    call_command("load_demo", stdout=StringIO(), verbosity=0)


@pytest.mark.django_db
def test_demo_reproduces_alrek_partner_meeting():
    _load()
    with scopes_disabled():
        meeting = Meeting.objects.get(
            cluster__slug="alrek", body__slug="partnermotet", slug="2022-10-07"
        )
        cases = list(meeting.cases.order_by("position"))
        assert [c.code for c in cases] == ["08-22", "09-22", "10-22", "11-22", "12-22", "13-22"]
        orientations = cases[1]
        assert orientations.items.count() == 3
        assert [c.code for c in orientations.related.all()] == ["27/22"]
        assert cases[2].follows_up.code == "04-22"
        assert meeting.chair.name == "Geir Grøttum"
        # "på sirkulasjon i gruppen i perioden 23. mai – 3. juni … anses som endelig"
        circulation = Circulation.objects.get(reported_in=cases[2])
        assert circulation.period == "23.05.2022–03.06.2022"
        assert circulation.outcome.endswith("så det anses som endelig.")
        assert meeting.body.mandate_versions.get().adopted_in == cases[2]

        statuses = list(meeting.attendances.values_list("status", flat=True))
        assert statuses.count(Attendance.Status.SUBSTITUTE) == 4
        assert statuses.count(Attendance.Status.REMOTE) == 1
        assert not meeting.attendances.get(person__name="Kristin Walde").summoned

        spring = Meeting.objects.get(body=meeting.body, slug="2022-03-18")
        assert spring.status == Meeting.Status.MINUTES_APPROVED
        assert spring.minutes_approved_in == cases[0]
        assert [c.code for c in spring.cases.order_by("position")] == [
            f"{n:02}-22" for n in range(1, 8)
        ]

        steering = Body.objects.get(cluster__slug="alrek", slug="styringsgruppen")
        centre = Case.objects.get(body=steering, year=2022, number=27)
        assert centre.code == "27/22"
        assert centre.meeting.slug == "2022-09-12"
        assert Case.objects.get(body=steering, year=2022, number=21).meeting.slug == "2022-06-03"

        polyfon = Body.objects.get(cluster__slug="polyfon", slug="styringsgruppen")
        assert (
            Appointment.objects.filter(body=polyfon, is_experience_representative=True).count() >= 2
        )
        statuses = set(polyfon.meetings.values_list("status", flat=True))
        assert statuses == {Meeting.Status.MINUTES_APPROVED, Meeting.Status.PLANNED}
        assert Disqualification.objects.filter(case__body=polyfon).count() == 1
        assert Circulation.objects.get(body=polyfon).answerable
