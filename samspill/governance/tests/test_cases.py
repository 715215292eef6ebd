import datetime
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.conftest import client_for
from samspill.governance import queries, services
from samspill.governance.models import Attendance, Body, Case, Role
from samspill.governance.tests.factories import appoint, make_body, meeting_at

pytestmark = pytest.mark.django_db


def codes(meeting) -> list[str]:
    with scopes_disabled():
        return [case.code for case in meeting.cases.select_related("body").order_by("position")]


def test_a_new_meeting_gets_the_standard_cases_numbered_in_the_body_format(polyfon):
    body = make_body(polyfon, case_number_format="{number:02}-{yy}")
    first = meeting_at(body, 2022, 3, 18)
    second = meeting_at(body, 2022, 10, 7)
    assert codes(first) == ["01-22", "02-22"]  # notice and agenda, any other business
    assert codes(second) == ["03-22", "04-22", "05-22"]  # … and the minutes of 18.03.2022
    with scopes_disabled():
        kinds = list(second.cases.order_by("position").values_list("kind", flat=True))
    assert kinds == [
        Case.Kind.NOTICE_APPROVAL,
        Case.Kind.MINUTES_APPROVAL,
        Case.Kind.OTHER_BUSINESS,
    ]


def test_a_new_meeting_carries_forward_undecided_cases_and_open_follow_ups(polyfon):
    body = make_body(polyfon)
    held = meeting_at(body, 2026, 3, 2, standard_cases=False)
    with scopes_disabled():
        undecided = services.case_add(
            meeting=held,
            title="Budsjett 2027",
            actor=None,
            proposed_decision="Budsjettet vedtas.",
        )
        decided = services.case_add(meeting=held, title="Årsmelding", actor=None)
        decided.decision = "Årsmeldinga er godkjent."
        decided.save()
        withdrawn = services.case_add(meeting=held, title="Trukket sak", actor=None)
        services.case_withdraw(case=withdrawn, actor=None)
        decided.followups.create(
            cluster=polyfon,
            text="Send årsmeldinga til partnerne",
            due_on=datetime.date(2026, 4, 1),
        )
        decided.followups.create(cluster=polyfon, text="Ferdig", done_on=datetime.date(2026, 3, 3))
        held.status = held.Status.HELD
        held.save()

    following = meeting_at(body, 2026, 5, 4)
    with scopes_disabled():
        cases = list(following.cases.order_by("position"))
    assert [c.kind for c in cases] == [
        Case.Kind.NOTICE_APPROVAL,
        Case.Kind.MINUTES_APPROVAL,
        Case.Kind.DECISION,
        Case.Kind.ORIENTATION,
        Case.Kind.OTHER_BUSINESS,
    ]
    carried, followups = cases[2], cases[3]
    assert (carried.title, carried.follows_up, carried.proposed_decision) == (
        "Budsjett 2027",
        undecided,
        "Budsjettet vedtas.",
    )
    # One line per open follow-up, with its due date and the case it came from.
    lines = followups.background.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("- Send årsmeldinga til partnerne, ")
    assert lines[0].endswith(f"01.04.2026 ({decided.label})")
    # Brought forward once: a later meeting finds the case taken up already.
    with scopes_disabled():
        later = meeting_at(body, 2026, 6, 1)
        assert not later.cases.filter(title="Budsjett 2027").exists()


def test_case_number_restarts_each_year(polyfon):
    body = make_body(polyfon)
    meeting_at(body, 2022, 11, 1)
    january = meeting_at(body, 2023, 1, 9, standard_cases=False)
    with scopes_disabled():
        case = services.case_add(meeting=january, title="Budsjett 2023", actor=None)
    assert case.code == "01-23"


def test_a_withdrawn_cases_number_is_never_given_again(polyfon):
    body = make_body(polyfon, case_number_format="{number:02}/{yy}")
    meeting = meeting_at(body, 2022, 9, 12, standard_cases=False)
    with scopes_disabled():
        first = services.case_add(meeting=meeting, title="Første", actor=None)
        services.case_withdraw(case=first, actor=None)
        second = services.case_add(meeting=meeting, title="Andre", actor=None)
    assert (first.code, second.code) == ("01/22", "02/22")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks of PostgreSQL")
def test_two_secretaries_adding_cases_at_once_get_distinct_numbers(polyfon):
    body = make_body(polyfon)
    meeting = meeting_at(body, 2024, 5, 6, standard_cases=False)
    barrier = threading.Barrier(8, timeout=30)
    numbers, errors = [], []

    def add(n: int) -> None:
        try:
            barrier.wait()
            with scopes_disabled():
                numbers.append(
                    services.case_add(meeting=meeting, title=f"Sak {n}", actor=None).number
                )
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(numbers) == list(range(1, 9))


def test_case_number_format_is_checked_at_the_field(polyfon):
    from django.core.exceptions import ValidationError

    body = Body(
        cluster=polyfon, name="Panel", slug="panel", kind="committee", case_number_format="{nr}"
    )
    with pytest.raises(ValidationError) as error, scopes_disabled():
        body.full_clean()
    assert "case_number_format" in error.value.message_dict


def test_quorum_needs_more_than_half_of_the_voting_seats(polyfon):
    body = make_body(polyfon)
    for _ in range(4):
        appoint(body)
    appoint(body, role=Role.OBSERVER, voting=False)
    meeting = meeting_at(body, 2024, 2, 5)
    with scopes_disabled():
        seats = queries.meeting_attendance(meeting)
        voting = [s for s in seats if s.appointment.voting]
        for seat in voting[:2]:
            services.attendance_record(
                attendance=seat, status=Attendance.Status.PRESENT, actor=None
            )
        assert not queries.quorum(meeting, queries.meeting_attendance(meeting)).quorate  # 2 of 4
        substitute = appoint(
            body, role=Role.SUBSTITUTE, organisation=voting[2].appointment.organisation
        )
        services.attendance_record(
            attendance=voting[2],
            status=Attendance.Status.SUBSTITUTE,
            substitute=substitute.person,
            actor=None,
        )
        assert queries.quorum(meeting, queries.meeting_attendance(meeting)).quorate  # 3 of 4


def test_approved_minutes_are_locked(polyfon, secretariat):
    body = make_body(polyfon)
    meeting = meeting_at(body, 2024, 2, 5)
    with scopes_disabled():
        meeting.status = meeting.Status.HELD
        meeting.save()
        services.minutes_approve(meeting=meeting, actor=None)
        case = meeting.cases.first()
        case.decision = "Endret etterpå"
        with pytest.raises(services.MinutesLocked):
            services.case_save(case=case, actor=None)
    url = reverse("governance:case_edit", kwargs=case.url_kwargs())
    response = client_for(secretariat).post(url, {"title": "Nytt", "kind": "decision"}, follow=True)
    assert (
        "cannot be changed" in response.content.decode()
        or "kan ikke endres" in response.content.decode()
    )
    with scopes_disabled():
        case.refresh_from_db()
    assert case.title != "Nytt"


def test_restricted_cases_are_for_the_bodys_members_and_the_secretariat(
    polyfon, member, secretariat
):
    body = make_body(polyfon)
    meeting = meeting_at(body, 2024, 2, 5, standard_cases=False)
    with scopes_disabled():
        services.case_add(
            meeting=meeting,
            title="Personalsak Hemmelig",
            restricted=True,
            legal_ground="offl. § 13",
            actor=None,
        )
    url = reverse("governance:meeting_detail", kwargs=meeting.url_kwargs())
    assert "Hemmelig" in client_for(secretariat).get(url).content.decode()
    assert "Hemmelig" not in client_for(member).get(url).content.decode()
    with scopes_disabled():
        person = appoint(body).person
        person.user = member
        person.save()
    assert "Hemmelig" in client_for(member).get(url).content.decode()


def test_body_page_warns_about_broken_rules(polyfon, secretariat):
    body = make_body(polyfon, min_experience_representatives=2)
    appoint(body, is_experience_representative=True)
    appoint(body, ends_on=datetime.date.today() + datetime.timedelta(days=30))
    text = client_for(secretariat).get(body.get_absolute_url()).content.decode()
    with scopes_disabled():
        warnings = [
            w.text
            for w in queries.body_warnings(
                body,
                queries.appointments_current(body, datetime.date.today()),
                datetime.date.today(),
            )
        ]
    assert len(warnings) == 3  # no chair, one experience representative of two, a term ending
    for warning in warnings:
        assert warning.replace("'", "&#x27;") in text or warning in text


@pytest.mark.parametrize("rows", [1, 3])
def test_body_and_meeting_pages_keep_their_query_count(
    polyfon, secretariat, rows, django_assert_num_queries
):
    body = make_body(polyfon)
    appoint(body, role=Role.CHAIR)
    for _ in range(rows):
        appoint(body)
        appoint(body, role=Role.SUBSTITUTE)
    meeting = meeting_at(body, 2024, 2, 5)
    with scopes_disabled():
        for n in range(rows):
            case = services.case_add(meeting=meeting, title=f"Sak {n}", actor=None)
            case.items.create(cluster=polyfon, title="Del a")
            seat = meeting.attendances.order_by("pk")[n]
            case.disqualifications.create(cluster=polyfon, person_id=seat.person_id)
    client = client_for(secretariat)
    client.get(body.get_absolute_url())  # the content types of the history, once
    # With the open follow-ups, date polls, written procedures and the adopted mandate.
    with django_assert_num_queries(12):
        assert client.get(body.get_absolute_url()).status_code == 200
    # With the cases' follow-ups, disqualifications and where they were sent on to, the
    # signers, the written procedures, and the minutes a case of it may approve.
    with django_assert_num_queries(16):
        assert client.get(meeting.get_absolute_url()).status_code == 200


def test_a_taken_body_address_is_named_at_its_field_and_the_input_kept(polyfon, secretariat):
    body = make_body(polyfon)
    url = reverse("governance:body_create", kwargs={"cluster": "polyfon"})
    data = {"name": "Nytt organ", "slug": body.slug, "kind": "committee"}
    data |= {"case_number_format": "{number:02}-{yy}", "meetings_per": "year"}
    response = client_for(secretariat).post(url, data)
    form = response.context["form"]
    assert list(form.errors) == ["slug"]
    assert form["name"].value() == "Nytt organ"


def test_the_cluster_dashboard_names_bodies_that_break_a_rule(polyfon, secretariat):
    body = make_body(
        polyfon, name="Erfaringspanelet", slug="panel", min_experience_representatives=1
    )
    appoint(body, role=Role.CHAIR)
    sound = make_body(polyfon, name="Styringsgruppa", slug="styre")
    appoint(sound, role=Role.CHAIR)
    page = client_for(secretariat).get(
        reverse("clusters:dashboard", kwargs={"cluster": "polyfon"}), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = page.content.decode()
    assert "Erfaringspanelet" in html
    assert "experience representative" in html
    assert "Styringsgruppa" not in html  # a body that keeps its rules is not named


def test_decision_register_finds_decisions_by_text_body_year_and_kind(polyfon, member, secretariat):
    board = make_body(polyfon, name="Styringsgruppa", slug="styre")
    panel = make_body(polyfon, name="Erfaringspanelet", slug="panel")
    with scopes_disabled():
        for body, title, decision, restricted in (
            (board, "Budsjett 2024", "Budsjettet for 2024 vedtas.", False),
            (panel, "Innspill til handlingsplan", "Panelet gir innspill om musikk.", False),
            (board, "Personalsak", "Hemmelig vedtak.", True),
        ):
            meeting = meeting_at(body, 2024, 3, 4, standard_cases=False)
            case = services.case_add(
                meeting=meeting,
                title=title,
                restricted=restricted,
                legal_ground="offl. § 13" if restricted else "",
                actor=None,
            )
            case.decision = decision
            case.save()
    url = reverse("governance:decision_list", kwargs={"cluster": "polyfon"})
    secretariat_client = client_for(secretariat)
    html = secretariat_client.get(url).content.decode()
    assert "Budsjett 2024" in html and "Innspill" in html and "Hemmelig" in html
    assert "Hemmelig" not in client_for(member).get(url).content.decode()
    found = secretariat_client.get(url, {"search": "musikk"}).content.decode()
    assert "Innspill" in found and "Budsjett 2024" not in found
    found = secretariat_client.get(url, {"body": "styre", "year": "2024"}).content.decode()
    assert "Budsjett 2024" in found and "Innspill" not in found
    bad = secretariat_client.get(url, {"year": "tjuefire", "body": "ukjent"})
    assert bad.status_code == 200
    assert 'aria-invalid="true"' in bad.content.decode()
    export = secretariat_client.get(url, {"format": "csv"})
    assert "Budsjettet for 2024 vedtas." in export.content.decode("utf-8-sig")


def test_follow_ups_are_listed_per_body_and_per_person_until_done(polyfon, secretariat, member):
    board = make_body(polyfon, name="Styringsgruppa", slug="styre")
    owner = appoint(board, role=Role.CHAIR).person
    meeting = meeting_at(board, 2024, 3, 4, standard_cases=False)
    with scopes_disabled():
        case = services.case_add(meeting=meeting, title="Budsjett 2024", actor=None)
    client = client_for(secretariat)
    create = reverse("governance:followup_create", kwargs=case.url_kwargs())
    response = client.post(
        create, {"text": "Send budsjettet ut", "owner": owner.pk, "due_on": "01.04.2024"}
    )
    assert response.status_code == 302, response.context["form"].errors
    bad = client.post(create, {"text": "", "due_on": "i morgen"})
    assert bad.status_code == 200 and set(bad.context["form"].errors) == {"text", "due_on"}
    listing = reverse("governance:followup_list", kwargs={"cluster": "polyfon"})
    page = client.get(listing, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Send budsjettet ut" in page and "overdue" in page
    assert "Send budsjettet ut" in client.get(listing, {"person": owner.pk}).content.decode()
    assert "Send budsjettet ut" in client.get(listing, {"body": "styre"}).content.decode()
    assert client.get(listing, {"person": "999999"}).status_code == 200  # explained, not a 500
    assert (
        "Send budsjettet ut" in client_for(member).get(meeting.get_absolute_url()).content.decode()
    )

    with scopes_disabled():
        followup = case.followups.get()
    client.post(reverse("governance:followup_done", kwargs=followup.url_kwargs()))
    assert "Send budsjettet ut" not in client.get(listing).content.decode()
    assert "Send budsjettet ut" in client.get(listing, {"status": "done"}).content.decode()


def test_a_case_sent_on_to_another_body_shows_its_path_both_ways(polyfon, secretariat):
    partners = make_body(polyfon, name="Partnermøtet", slug="partnermotet")
    steering = make_body(polyfon, case_number_format="{number:02}/{yy}")
    held = meeting_at(partners, 2022, 10, 7, standard_cases=False)
    coming = meeting_at(steering, 2022, 11, 14, standard_cases=False)
    with scopes_disabled():
        case = services.case_add(
            meeting=held,
            title="Nye samarbeidsavtaler",
            actor=None,
            decision="Partnermøtet ber Styringsgruppen følge opp avtalene.",
        )
    client = client_for(secretariat)
    url = reverse("governance:case_send_on", kwargs=case.url_kwargs())
    # Only coming meetings of other bodies are offered.
    offered = client.get(url).context["form"].fields["meeting"].queryset
    assert list(offered) == [coming]
    assert client.post(url, {"meeting": held.pk}).context["form"].errors["meeting"]
    response = client.post(url, {"meeting": coming.pk})
    with scopes_disabled():
        sent = Case.objects.get(meeting=coming)
    assert response["Location"] == f"{coming.get_absolute_url()}#case-{sent.pk}"
    assert (sent.sent_from, sent.code, sent.title) == (case, "01/22", "Nye samarbeidsavtaler")
    assert "Partnermøtet ber Styringsgruppen følge opp avtalene." in sent.background
    there = client.get(coming.get_absolute_url()).content.decode()
    assert held.get_absolute_url() + f"#case-{case.pk}" in there
    here = client.get(held.get_absolute_url()).content.decode()
    assert coming.get_absolute_url() + f"#case-{sent.pk}" in here


def test_the_mandate_is_kept_in_versions_with_date_and_case(polyfon, secretariat, member):
    body = make_body(polyfon, mandate="Partnermøtet er klyngens øverste organ.")
    held = meeting_at(body, 2022, 10, 7, standard_cases=False)
    with scopes_disabled():
        case = services.case_add(
            meeting=held, title="Mandat", actor=None, decision="Mandatet anses som endelig."
        )
    client = client_for(secretariat)
    adopt = reverse("governance:mandate_adopt", kwargs=body.url_kwargs())
    versions = reverse("governance:mandate_versions", kwargs=body.url_kwargs())
    response = client.post(adopt, {"adopted_on": "2022-10-07", "adopted_in": case.pk})
    assert response["Location"] == versions
    page = client.get(body.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Adopted 07.10.2022 ({case.label}, {body.name})" in page
    assert "Changed since it was adopted" not in page

    body.mandate = "Partnermøtet er klyngens øverste organ og møtes to ganger i året."
    with scopes_disabled():
        body.save()
    page = client.get(body.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Changed since it was adopted" in page
    client.post(adopt, {"adopted_on": "2023-03-16"})
    with scopes_disabled():
        texts = list(body.mandate_versions.values_list("adopted_on", "text"))
    assert texts == [
        (datetime.date(2023, 3, 16), body.mandate),
        (datetime.date(2022, 10, 7), "Partnermøtet er klyngens øverste organ."),
    ]
    # Members read the versions; the older text stays as it was adopted.
    shown = client_for(member).get(versions).content.decode()
    assert "<del>- Partnermøtet er klyngens øverste organ.</del>" in shown
    assert "<ins>+ Partnermøtet er klyngens øverste organ og møtes to ganger i året.</ins>" in shown


def test_the_next_meeting_approves_the_minutes_in_its_case(polyfon, secretariat):
    body = make_body(polyfon)
    held = meeting_at(body, 2026, 2, 2)
    with scopes_disabled():
        held.status = held.Status.HELD
        held.save()
    following = meeting_at(body, 2026, 3, 2)
    with scopes_disabled():
        case = following.cases.get(kind=Case.Kind.MINUTES_APPROVAL)
    client = client_for(secretariat)
    approve = reverse("governance:minutes_approve", kwargs=held.url_kwargs())
    assert f"{approve}?case={case.pk}" in client.get(following.get_absolute_url()).content.decode()
    # A case of the same meeting cannot approve it.
    with scopes_disabled():
        own = held.cases.first()
    assert client.get(f"{approve}?case={own.pk}").context["hidden"] == {}
    client.post(approve, {"case": case.pk})
    held.refresh_from_db()
    assert held.minutes_locked and held.minutes_approved_in == case
