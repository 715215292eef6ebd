"""The minutes and the record of a meeting as PDF and Word: what they show, what the public
version leaves out, and that they take a fixed number of queries."""

import datetime
import io
import re
import shutil
import subprocess
from zoneinfo import ZoneInfo

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import OrganisationFactory, PersonFactory, make_cluster
from samspill.conftest import pdf_text
from samspill.governance import documents, word
from samspill.governance.models import Appointment, Attendance, Body, CaseItem, Role
from samspill.governance.services import attendance_record, case_add, meeting_create

OSLO = ZoneInfo("Europe/Oslo")
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")

CASES = [
    {
        "title": "Godkjenning av innkalling og sakliste",
        "discussion": "Referat godkjent. Ingen saker meldt under Eventuelt.",
        "decision": "Innkalling og sakliste godkjent.",
    },
    {
        "title": "Orienteringer om faglig aktivitet og utvikling av klyngen",
        "discussion": (
            "Partnerne roste opplegget for Alrekdagene.\n\n- Kortere sesjoner\n- Flere lokaler"
        ),
        "items": [
            ("Presentasjon av Alrek-prosjekt", "brukerrepresentant Kristin Tuven"),
            ("Orienteringer fra Styringsgruppen", "fungerende leder Karsten Specht"),
            ("Oppdateringer fra klyngefasilitator", "Berit Angelskår"),
        ],
    },
    {
        "title": "Mandat og representasjon Partnermøtet",
        "discussion": "Drøfting av faste vararepresentanter for møtet.",
        "decision": "Mandatet anses som endelig.",
        "dissent": "Helse Bergen ønsket personlige vara.",
    },
    {
        "title": "Formalisering av samarbeid – nye samarbeidsavtaler",
        "discussion": "Tre samarbeidsavtaler var vedlagt.",
        "decision": "Styringsgruppen tok samarbeidsavtalene til etterretning.",
    },
    {
        "title": "Oppnevning av leder for Styringsgruppen 2022–2026",
        "presenter": "sekretariatet",
        "discussion": "Sittende styreleder er innstilt på å beholde funksjonen i ett år til.",
        "decision": "Specht oppnevnes for perioden 2022–2023.",
    },
    {
        "title": "Dato for neste møte – våren 2023",
        "discussion": "Sekretariatet sender ut en doodle.",
        "decision": "Neste møte blir mandag 27. mars 2023.",
    },
]

SEATS = [
    # organisation, short name, function, person, initials, role, status
    ("Universitetet i Bergen", "UiB", "leder", "Margareth Hagen", "MH", Role.CHAIR, "substitute"),
    ("Universitetet i Bergen", "UiB", "rektorat", "Gottfried Greve", "GG", Role.MEMBER, "present"),
    ("Høgskulen på Vestlandet", "HVL", "", "Gunnar Yttri", "GY", Role.MEMBER, "substitute"),
    ("Helse Bergen", "", "", "Eivind Hansen", "EH", Role.MEMBER, "present"),
    ("NORCE", "", "", "Jon Harald Kaspersen", "JHK", Role.MEMBER, "remote"),
    ("Vestland fylkeskommune/ Tannhelsetjenesten", "VLFK", "", "Lathamini Murugesu", "LM",
     Role.MEMBER, "absent_notice"),
    ("Universitetet i Bergen - MED", "UiB-MED", "", "Per Bakke", "PB", Role.MEMBER, "present"),
    (None, "", "Leder av Styringsgruppen", "Karsten Specht", "KS", Role.OBSERVER, "present"),
    (None, "", "Klyngefasilitator (observatør)", "Berit Angelskår", "BA", Role.FACILITATOR,
     "present"),
    ("Universitetet i Bergen - MED", "UiB-MED", "Sekretariatsfunksjon", "Kristin Walter", "KW",
     Role.SECRETARY, "present"),
]  # fmt: skip
SUBSTITUTES = {"MH": ("Trond Egil Hansen", "TEH"), "GY": ("Jens Kristian Fosse", "JKF")}


def build_meeting(cluster=None, cases=CASES, restricted_case=False):
    """The Alrek partner meeting of 7 October 2022, with `cases` (case numbers 08-22 on)."""
    cluster = cluster or make_cluster("alrek", "Alrek helseklynge")
    with scopes_disabled():
        body = Body.objects.create(
            cluster=cluster, name="Partnermøte", slug="partnermote", kind="partner_meeting"
        )
        organisations, people = {}, {}
        for position, (org, short, function, name, initials, role, _status) in enumerate(SEATS):
            if org and org not in organisations:
                organisations[org] = OrganisationFactory(
                    cluster=cluster, name=org, short_name=short
                )
            people[initials] = PersonFactory(cluster=cluster, name=name, initials=initials)
            Appointment.objects.create(
                cluster=cluster,
                body=body,
                person=people[initials],
                organisation=organisations.get(org),
                function=function,
                role=role,
                voting=role in (Role.CHAIR, Role.MEMBER),
                starts_on=datetime.date(2020, 1, 1),
                position=position,
            )
        substitutes = {
            initials: PersonFactory(cluster=cluster, name=name, initials=code)
            for initials, (name, code) in SUBSTITUTES.items()
        }
        # Seven earlier cases this year, so that the meeting's first case is 08-22.
        earlier = meeting_create(
            body=body,
            starts_at=datetime.datetime(2022, 3, 18, 14, tzinfo=OSLO),
            actor=None,
            standard_cases=False,
        )
        followed = None
        for number in range(1, 8):
            case = case_add(meeting=earlier, title=f"Tidligere sak {number}", actor=None)
            followed = case if number == 4 else followed
    meeting = meeting_create(
        body=body,
        starts_at=datetime.datetime(2022, 10, 7, 14, tzinfo=OSLO),
        ends_at=datetime.datetime(2022, 10, 7, 16, tzinfo=OSLO),
        place="Alrek helseklynge, Årstadveien 17",
        room="møterom Tarlebø 2F15, 2. etasje",
        chair=people["GG"],
        minute_taker=people["KW"],
        actor=None,
        standard_cases=False,
    )
    with scopes_disabled():
        for seat in meeting.attendances.select_related("person"):
            status = next(s[6] for s in SEATS if s[4] == seat.person.initials)
            attendance_record(
                attendance=seat,
                status=status,
                substitute=substitutes.get(seat.person.initials),
                actor=None,
            )
        for index, spec in enumerate(cases):
            fields = {k: v for k, v in spec.items() if k != "items"}
            if index == 2 and len(cases) > 2:
                fields["follows_up"] = followed
            if restricted_case and index == 1:
                fields.update(
                    restricted=True,
                    legal_ground="offl. § 13, jf. fvl. § 13",
                    public_title="Personalsak",
                )
            case = case_add(meeting=meeting, actor=None, **fields)
            for position, (title, presenter) in enumerate(spec.get("items", [])):
                CaseItem.objects.create(
                    cluster=cluster,
                    case=case,
                    position=position,
                    title=title,
                    presenter=presenter,
                    discussion=f"Drøfting av {title.lower()}.",
                    decision=f"Vedtak om {title.lower()}.",
                )
    return meeting


@pytest.fixture
def norwegian():
    with translation.override("nb"):
        yield


@pytest.fixture
def meeting(db, norwegian):
    return build_meeting()


def in_order(text: str, needles: list[str]) -> bool:
    positions = [text.find(needle) for needle in needles]
    return -1 not in positions and positions == sorted(positions)


@pytest.mark.django_db
def test_pdf_is_a_pdf_with_the_cases_people_and_substitutes(meeting):
    import weasyprint

    pdf = documents.minutes_pdf(meeting)

    assert pdf.startswith(b"%PDF")
    html = documents.minutes_html(meeting)
    assert len(weasyprint.HTML(string=html).render().pages) >= 1
    if PDFINFO:
        info = subprocess.run([PDFINFO, "-"], input=pdf, capture_output=True, check=True)
        assert re.search(r"^Tagged:\s+yes$", info.stdout.decode(), re.MULTILINE)
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = pdf_text(pdf)
    assert in_order(text, [f"{n:02}-22" for n in range(8, 14)])
    assert "ALREK HELSEKLYNGE" in text
    assert "Fredag 07.10.2022" in text
    assert "14:00-16:00" in text
    assert "Årstadveien 17" in text
    for _org, _short, _function, name, initials, *_ in SEATS:
        assert name in text
        assert initials in text
    substituted = next(line for line in text.splitlines() if "Margareth Hagen" in line)
    assert "MH" in substituted
    assert documents.absence_mark(Attendance.Status.SUBSTITUTE) in substituted
    assert "Universitetet i Bergen, leder" in substituted
    flat = " ".join(text.split())
    assert "Trond Egil Hansen (UiB)" in flat
    assert "Jens Kristian Fosse (HVL)" in flat
    assert "Gottfried Greve (UiB)" in flat
    assert "Tidligere sak" not in flat


@pytest.mark.django_db
def test_context_rows_and_sentences(meeting):
    context = documents.minutes_context(meeting, kind="minutes", public=False)

    rows = context["attendance"]
    assert [row.code for row in rows[:7]] == ["MH", "GG", "GY", "EH", "JHK", "LM", "PB"]
    assert rows[0].organisation == "Universitetet i Bergen, leder"
    assert rows[0].summoned == "x"
    assert rows[0].absence == documents.absence_mark(Attendance.Status.SUBSTITUTE)
    assert rows[1].absence == ""
    assert rows[4].absence == documents.absence_mark(Attendance.Status.REMOTE)
    assert rows[5].absence == "x"
    assert rows[7].heading and not rows[7].name
    assert [row.code for row in rows[8:]] == ["KS", "BA", "KW"]
    assert rows[8].organisation == "Leder av Styringsgruppen"
    assert rows[10].summoned == ""
    assert "Trond Egil Hansen (UiB)" in context["substitutes"]
    assert "Jens Kristian Fosse (HVL)" in context["substitutes"]
    assert "Gottfried Greve (UiB)" in context["chair"]
    assert "Margareth Hagen" in context["chair"]
    assert "6" in context["quorum"] and "7" in context["quorum"]
    assert context["cases"][2].follows_up.endswith("04-22")
    assert [item.letter for item in context["cases"][1].items] == ["a", "b", "c"]


@pytest.mark.django_db
def test_docx_has_headings_and_attendance_table(meeting):
    document = docx.Document(io.BytesIO(word.minutes_docx(meeting)))

    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].style.name == "Heading 1"
    assert "ALREK HELSEKLYNGE" in headings[0].text
    case_headings = [p.text for p in headings if p.style.name == "Heading 2"]
    assert len(case_headings) == len(CASES)
    for number, (heading, spec) in enumerate(zip(case_headings, CASES, strict=True), start=8):
        assert f"{number:02}-22" in heading
        assert spec["title"] in heading
    table = document.tables[0]
    context = documents.minutes_context(meeting, kind="minutes", public=False)
    expected_columns = [str(label) for label in context["labels"]["columns"]]
    assert [cell.text for cell in table.rows[0].cells] == expected_columns
    assert len(expected_columns) == 5
    first = [cell.text for cell in table.rows[1].cells]
    assert first[:4] == ["Universitetet i Bergen, leder", "Margareth Hagen", "MH", "x"]
    assert first[4] == documents.absence_mark(Attendance.Status.SUBSTITUTE)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Drøfting av presentasjon av alrek-prosjekt." in text
    assert "Kortere sesjoner" in text


@pytest.mark.django_db
def test_public_version_leaves_out_a_restricted_case(db, norwegian):
    meeting = build_meeting(restricted_case=True)
    secret = CASES[1]

    public = word.minutes_docx(meeting, public=True)
    internal = word.minutes_docx(meeting, public=False)

    def text_of(data: bytes) -> str:
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)

    public_text, internal_text = text_of(public), text_of(internal)
    assert secret["title"] in internal_text
    assert "Partnerne roste" in internal_text
    assert secret["title"] not in public_text
    assert "Partnerne roste" not in public_text
    assert "Kristin Tuven" not in public_text
    assert "Presentasjon av Alrek-prosjekt" not in public_text
    assert "Personalsak" in public_text
    assert "offl. § 13, jf. fvl. § 13" in public_text
    assert "09-22" in public_text
    # The other cases are all there.
    for spec in CASES[:1] + CASES[2:]:
        assert spec["title"] in public_text
    if PDFTOTEXT:
        pdf = pdf_text(documents.minutes_pdf(meeting, public=True))
        assert "Partnerne roste" not in pdf
        assert "Personalsak" in pdf


@pytest.mark.django_db
def test_protocol_leaves_out_discussion_but_keeps_decisions(meeting):
    context = documents.minutes_context(meeting, kind="protocol", public=False)
    document = docx.Document(io.BytesIO(word.minutes_docx(meeting, kind="protocol")))
    text = "\n".join(p.text for p in document.paragraphs)

    for spec in CASES:
        if "discussion" in spec:
            assert spec["discussion"].split("\n")[0] not in text
        if "decision" in spec:
            assert spec["decision"] in text
    assert "Drøfting av" not in text
    assert "Vedtak om presentasjon av alrek-prosjekt." in text
    assert "Helse Bergen ønsket personlige vara." in text
    assert all(not case.discussion for case in context["cases"])
    minutes = documents.minutes_context(meeting, kind="minutes", public=False)
    assert context["title"] != minutes["title"]
    if PDFTOTEXT:
        pdf = pdf_text(documents.minutes_pdf(meeting, kind="protocol"))
        assert "Referat godkjent" not in pdf
        assert "Mandatet anses som endelig." in pdf


@pytest.mark.django_db
def test_user_text_is_escaped(db, norwegian):
    meeting = build_meeting(
        cases=[{"title": "<script>alert(1)</script>", "discussion": '<img src="http://x/y">'}]
    )

    html = documents.minutes_html(meeting)

    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert documents.minutes_pdf(meeting).startswith(b"%PDF")


def test_text_blocks():
    blocks = documents.text_blocks("Første avsnitt\nmed to linjer.\n\nTil møtet:\n- A\n- B\n\n\n")

    assert blocks == [
        documents.Block("paragraph", ("Første avsnitt", "med to linjer.")),
        documents.Block("paragraph", ("Til møtet:",)),
        documents.Block("list", ("A", "B")),
    ]


@pytest.mark.django_db
def test_unknown_kind_is_refused(meeting):
    with pytest.raises(ValueError):
        documents.minutes_context(meeting, kind="agenda", public=False)


@pytest.mark.django_db
def test_fixed_number_of_queries(db, norwegian):
    small = build_meeting(cluster=make_cluster("alrek", "Alrek helseklynge"), cases=CASES[:2])
    large = build_meeting(cluster=make_cluster("polyfon", "Polyfon kunnskapsklynge"))

    counts = []
    for meeting in (small, large):
        for kind in documents.KINDS:
            with CaptureQueriesContext(connection) as queries:
                documents.minutes_context(meeting, kind=kind, public=False)
            counts.append(len(queries))
    assert counts[0] == counts[2]
    assert counts[1] == counts[3]
    assert counts[0] <= 5
