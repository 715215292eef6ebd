"""Demo governance: the bodies, meetings and cases of Polyfon and Alrek helseklynge.

Alrek's partner meeting of 07.10.2022 follows the reference minutes case by case; the people
have the invented names of the registry demo (`samspill.clusters.demo`), and the substitutes,
steering group members and experience representatives added here are invented too.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django_scopes import scopes_disabled

from samspill.accounts.models import User
from samspill.clusters.models import Affiliation, Cluster, Organisation, Person
from samspill.clusters.services import person_save, record_save

from .models import (
    Appointment,
    Attendance,
    Body,
    Case,
    CaseItem,
    CaseSequence,
    Circulation,
    CirculationAnswer,
    CirculationReply,
    DatePoll,
    DatePollSlot,
    DatePollVote,
    Disqualification,
    MandateVersion,
    Meeting,
    Role,
)
from .services import attendance_record, case_add, meeting_create, minutes_approve

OSLO = ZoneInfo("Europe/Oslo")
# The case the plans demo finds to adopt the 2026 version of Polyfon's action plan.
PLAN_2026_CASE = "Handlingsplan 2025-2030: rullering for 2026"
D = datetime.date
S = Attendance.Status
K = Case.Kind


def load(*, polyfon: Cluster, alrek: Cluster, actor: User | None) -> None:
    with scopes_disabled():
        _alrek(_Demo(alrek, actor))
        _polyfon(_Demo(polyfon, actor))


class _Demo:
    """One cluster's organisations and people by name, and the writes the demo needs."""

    def __init__(self, cluster: Cluster, actor: User | None) -> None:
        self.cluster = cluster
        self.actor = actor
        self.orgs = {
            org.short_name or org.name: org for org in Organisation.objects.filter(cluster=cluster)
        }
        self.people = {p.name: p for p in Person.objects.filter(cluster=cluster)}

    def person(self, name: str, title: str, org: str | None = None) -> Person:
        """An invented person, with initials suggested from the name."""
        person = person_save(
            person=Person(cluster=self.cluster, name=name, title=title, email=_email(name)),
            actor=self.actor,
        )
        if org is not None:
            record_save(
                record=Affiliation(
                    cluster=self.cluster,
                    person=person,
                    organisation=self.orgs[org],
                    position=title,
                ),
                actor=self.actor,
            )
        self.people[name] = person
        return person

    def body(self, **fields) -> Body:
        return record_save(record=Body(cluster=self.cluster, **fields), actor=self.actor)

    def appoint(self, body: Body, name: str, *, org: str | None = None, **fields) -> Appointment:
        fields.setdefault("position", body.appointments.count())
        if fields.get("role") in (Role.OBSERVER, Role.SECRETARY, Role.FACILITATOR):
            fields.setdefault("voting", False)
        return record_save(
            record=Appointment(
                cluster=self.cluster,
                body=body,
                person=self.people[name],
                organisation=self.orgs[org] if org else None,
                **fields,
            ),
            actor=self.actor,
        )

    def meeting(self, body: Body, day: datetime.date, start: int, end: int, **fields) -> Meeting:
        return meeting_create(
            body=body,
            starts_at=datetime.datetime(day.year, day.month, day.day, start, tzinfo=OSLO),
            ends_at=datetime.datetime(day.year, day.month, day.day, end, tzinfo=OSLO),
            actor=self.actor,
            standard_cases=False,
            **fields,
        )

    def case(
        self,
        meeting: Meeting,
        title: str,
        kind: str = K.DECISION,
        items: tuple[tuple[str, str, str], ...] = (),
        **fields,
    ) -> Case:
        """A case with its sub-items (title, presenter, discussion)."""
        case = case_add(meeting=meeting, title=title, kind=kind, actor=self.actor, **fields)
        for position, (item_title, presenter, discussion) in enumerate(items, start=1):
            record_save(
                record=CaseItem(
                    cluster=self.cluster,
                    case=case,
                    position=position,
                    title=item_title,
                    presenter=presenter,
                    discussion=discussion,
                ),
                actor=self.actor,
            )
        return case

    def attendance(self, meeting: Meeting, **exceptions: tuple[str, str | None]) -> None:
        """Everyone seated present, except those named (by initials) with their status and
        the name of the substitute who came."""
        for seat in meeting.attendances.select_related("person"):
            status, substitute = exceptions.pop(seat.person.initials, (S.PRESENT, None))
            attendance_record(
                attendance=seat,
                status=status,
                substitute=self.people[substitute] if substitute else None,
                actor=self.actor,
            )
        if exceptions:
            raise ValueError(f"Not seated at {meeting}: {', '.join(exceptions)}")

    def status(self, meeting: Meeting, status: str) -> Meeting:
        meeting.status = status
        return record_save(record=meeting, actor=self.actor)

    def sequence(self, body: Body, year: int, last: int) -> None:
        """Start `body`'s numbering in `year` after `last`: the demo shows a few meetings of
        a year whose earlier cases were given at meetings it leaves out. Only the demo sets
        the sequence by hand; `services.case_add` is what numbers cases."""
        CaseSequence.objects.update_or_create(
            body=body, year=year, defaults={"cluster": self.cluster, "last": last}
        )


# Alrek helseklynge ------------------------------------------------------------------------

ALREK_PLACE = "Alrek helseklynge, Årstadveien 17"

PARTNER_MEETING_MANDATE = """\
Partnermøtet er det øverste organet i Alrek helseklynge. Her møter ledelsen hos partnerne for \
å gi retning til samarbeidet om forskning, utdanning og innovasjon innen helse i Bergen og \
Vestland.

## Oppgaver

- vedta strategien for klyngen og følge opp at den forankres hos hver partner
- oppnevne leder av Styringsgruppen
- ta stilling til nye partnere og til samarbeidsavtaler med andre klynger og miljøer
- drøfte klyngens faglige aktivitet, økonomi og utvikling, på grunnlag av orienteringer fra \
Styringsgruppen og klyngefasilitator

## Sammensetning

Hver partner har én representant fra sin ledelse, med fullmakt til å stille på vegne av \
institusjonen. Universitetet i Bergen leder Partnermøtet. Leder av Styringsgruppen og \
klyngefasilitator møter som faste observatører uten stemmerett. Sekretariatsfunksjonen ligger \
hos Det medisinske fakultet, UiB.

Den som ikke kan møte, sender vara. Faste vararepresentanter fastsettes på embets- eller \
funksjonsnivå, ikke som personlig vara.

## Møter

Partnermøtet møtes minst én gang hvert semester. Innkalling og sakliste sendes senest to uker \
før møtet, og referatet godkjennes i neste møte.
"""

ALREK_STEERING_GROUP_MANDATE = """\
Styringsgruppen leder det løpende arbeidet i Alrek helseklynge på oppdrag fra Partnermøtet, \
og rapporterer til Partnermøtet.

## Oppgaver

- vedta budsjett og lyse ut samarbeidsmidler
- følge opp strategien for Alrek helseklynge mot 2026 i faggruppene og panelene
- behandle samarbeidsavtaler og nye tiltak før de legges frem for Partnermøtet

Lederen oppnevnes av Partnermøtet. Klyngefasilitator møter uten stemmerett, og sekretariatet \
ved Det medisinske fakultet, UiB, fører referat.
"""

# Case 09-22, sub-items a–c: title, presenter, discussion, from the reference minutes.
ORIENTATIONS_09_22 = (
    (
        "Presentasjon av Alrek-prosjekt: Brukerstyrt dag på helsepedagogikk – kurs for "
        "helsepersonell",
        "brukerrepresentant Kari Tvedt",
        "Presentasjon om brukermedvirkning i helsetjenesten, om hvordan vi kan fremme "
        "likeverdighet mellom brukererfaring og fagkunnskap og få til reell brukermedvirkning. "
        "Det er mangel på kunnskap om brukermedvirkning, behov for mer kompetanse.\n\n"
        "Brukerstyrt dag ble tilknyttet etablert kurs i helsepedagogikk ved Lærings- og "
        "mestringssenteret (LMS). Gjennom samarbeidsmidler fra klyngen fikk en testet ut "
        "opplegget. LM-senteret har nå ansvar for videre drift av kursdagen.\n\n"
        "Partnermøtet ga prosjektet gode tilbakemeldinger, både som nyvinning og for å bygge "
        "kultur. Å være tett på tjenestene er viktig, få til ringvirkninger og dra veksler på "
        "hverandres kompetanse. Alrek som en delingsarena.\n\n"
        "Ideen om et Ressurs- og kompetansesenter for brukermedvirkning kom ut fra dette "
        "initiativet, og ble støttet med samarbeidsmidler for 2022. Gjennom ytterligere "
        "bistand fra VIS innovasjon er det nylig fremmet en sak om videreføring av dette "
        "prosjektet i klyngen – jfr. sak 27/22 i Styringsgruppen for Alrek 12.09.\n\n"
        "Rammene videre ble kommentert: vil et ev. senter bidra til å spare noen ressurser, gi "
        "økonomiske effekter? Det ble påpekt at det er viktig å vise at det har effekt, f.eks. "
        "også i bedre behandling, bedre oppfølging i helsetjenestene.",
    ),
    (
        "Orienteringer fra Styringsgruppen",
        "fungerende leder Karl Specht-Berg",
        "- **Utlysning av samarbeidsmidler for 2023, inkl. midler fra Rebekka Ege Hegermanns "
        "legat (REHL).** Søknadsfrist for midlene er 14. november 2022. Partnermøtet ser "
        "positivt på at legatet stiller midler til disposisjon for klyngens formål, og håper "
        "at videreføring også utover 2023–24 blir aktuelt.\n"
        "- **Budsjett for Alrek helseklynge 2023.** Det ble vist til informasjon om budsjettet "
        "formidlet i brev til partnerne 15. juni 2022, og vedtak i sak 19/22.\n"
        "- **Oppfølging av strategien for Alrek helseklynge mot 2026.** Det er jobbet med "
        "synliggjøring og formidling av strategien, bl.a. i forbindelse med Alrekdagene. Hver "
        "partner må jobbe med forankring av strategien internt, og det er initiert oppfølging "
        "i faggruppene og panelene.",
    ),
    (
        "Oppdateringer fra klyngefasilitator: Alrekdagene 2022, 21.–23. september",
        "Berit Angell",
        "BA orienterte om opplegg, deltakelse og tilbakemeldinger på de ulike arrangementene "
        "under Alrekdagene. Alrekdagene er klyngens bidrag til Forskningsdagene, og fungerer "
        "som en arena for læring og dialog. Det kreves mye arbeid i programkomiteen.\n\n"
        "Partnerne roste opplegget, og ser at det må gjøres enda mer både i Partnermøtet og "
        "Styringsgruppen for å delta og promotere. Merverdien i Alrek er å få folk på tvers av "
        "klyngen til å møtes.\n\n"
        "Målgruppen for arrangementene ble drøftet; det kunne vært tydeligere hvem de ulike "
        "arrangementene skal treffe, både studenter, ansatte og de som står i driften. Er det "
        "aktuelt å få mer av opplegget integrert med studentenes aktiviteter (ev. "
        "undervisningsfri)? Studentforeningene er viktige for forankring. For å nå studentene "
        "kan en neste år se på bruk også av nye sosiale medier.\n\n"
        "Konkrete innspill for neste års Alrekdager: ha kortere sesjoner, fortsette med flere "
        "lokaliteter, være tettere på faglig interessante tema, og ha noen tema som er enda "
        "tettere på driften.",
    ),
)


def _alrek(demo: _Demo) -> None:
    # Invented substitutes (fixed for their organisation) and steering group members.
    for name, title, org in (
        ("Jan Kåre Fossum", "Prodekan", "HVL"),
        ("Tor Einar Haugen", "Etatsdirektør", "Bergen kommune"),
        ("Ragnhild Lysne", "Forskningssjef", "HDS"),
        ("Ida Elise Grov", "Avdelingsdirektør", "FHI"),
        ("Solveig Helland", "Instituttleder", "HVL"),
        ("Arne Vågen", "Forskningssjef", "Helse Bergen"),
        ("Ingunn Brekke", "Fagdirektør", "Bergen kommune"),
    ):
        demo.person(name, title, org)

    steering, agreements, centre = _alrek_steering_group(demo)
    partners = demo.body(
        name="Partnermøtet",
        slug="partnermotet",
        kind=Body.Kind.PARTNER_MEETING,
        case_number_format="{number:02}-{yy}",
        mandate=PARTNER_MEETING_MANDATE,
        min_meetings=1,
        meetings_per=Body.Period.SEMESTER,
    )
    # The seats in the order of the attendance table of the minutes.
    start = D(2022, 1, 1)
    chair = demo.appoint(
        partners, "Marit Hovland", org="UiB", function="leder", role=Role.CHAIR, starts_on=start
    )
    for name, org, function in (
        ("Geir Grøttum", "UiB-rektorat", "rektorat"),
        ("Gunnar Yttre", "HVL", ""),
        ("Eirik Hammer", "Helse Bergen", ""),
        ("Kjetil A. Wold", "Bergen kommune", ""),
        ("Kristin Fjeld", "HDS", ""),
        ("Jon Håkon Kasin", "NORCE", ""),
        ("Gunn Pernille Knutsen", "FHI", ""),
        ("Bjørn Mæhle", "VID", ""),
        ("Lakshmi Murugan", "VLFK", ""),
        ("Petter Bakke", "UiB-MED", ""),
    ):
        demo.appoint(partners, name, org=org, function=function, starts_on=start)
    demo.appoint(
        partners,
        "Karl Specht-Berg",
        function="Leder av Styringsgruppen",
        role=Role.OBSERVER,
        starts_on=start,
    )
    demo.appoint(
        partners, "Berit Angell", function="Klyngefasilitator", role=Role.OBSERVER, starts_on=start
    )
    demo.appoint(
        partners,
        "Kristin Walde",
        org="UiB-MED",
        function="Sekretariatsfunksjon",
        role=Role.SECRETARY,
        starts_on=start,
    )
    # The rectorate's member chairs when the leader cannot come.
    demo.appoint(
        partners,
        "Geir Grøttum",
        org="UiB",
        function="møteleder ved leders forfall",
        role=Role.SUBSTITUTE,
        substitute_for=chair,
        starts_on=start,
    )
    for name, org in (
        ("Jan Kåre Fossum", "HVL"),
        ("Tor Einar Haugen", "Bergen kommune"),
        ("Ragnhild Lysne", "HDS"),
        ("Ida Elise Grov", "FHI"),
    ):
        demo.appoint(partners, name, org=org, role=Role.SUBSTITUTE, starts_on=start)

    spring = _alrek_spring_meeting(demo, partners)
    autumn, election = _alrek_autumn_meeting(
        demo, partners, spring, related={9: centre, 11: agreements}
    )
    minutes_approve(meeting=spring, in_case=autumn.cases.get(number=8), actor=demo.actor)
    _alrek_mandate_circulation(demo, partners, reported_in=autumn.cases.get(number=10))
    _alrek_date_poll(demo, partners)

    # Case 12-22 reappointed the steering group's leader from the partner meeting of 07.10.
    # The reference appoints him until autumn 2023; the demo goes no further than 2022, so
    # the term is left open and the steering group keeps a chair on today's pages.
    demo.appoint(
        steering,
        "Karl Specht-Berg",
        org="UiB",
        function="leder",
        role=Role.CHAIR,
        starts_on=D(2022, 10, 7),
        decided_by=election,
        position=0,
    )


def _alrek_steering_group(demo: _Demo) -> tuple[Body, Case, Case]:
    """The steering group with its meetings of 03.06 and 12.09.2022. Returns the body and
    the cases the partner meeting refers to: 21/22 (agreements) and 27/22 (the centre)."""
    steering = demo.body(
        name="Styringsgruppen",
        slug="styringsgruppen",
        kind=Body.Kind.STEERING_GROUP,
        case_number_format="{number:02}/{yy}",
        mandate=ALREK_STEERING_GROUP_MANDATE,
    )
    demo.appoint(
        steering,
        "Karl Specht-Berg",
        org="UiB",
        function="fungerende leder",
        role=Role.CHAIR,
        starts_on=D(2020, 1, 1),
        ends_on=D(2022, 10, 6),
    )
    for name, org in (
        ("Solveig Helland", "HVL"),
        ("Arne Vågen", "Helse Bergen"),
        ("Ingunn Brekke", "Bergen kommune"),
        ("Petter Bakke", "UiB-MED"),
    ):
        demo.appoint(steering, name, org=org, starts_on=D(2020, 1, 1))
    demo.appoint(
        steering,
        "Berit Angell",
        function="klyngefasilitator",
        role=Role.FACILITATOR,
        starts_on=D(2020, 1, 1),
    )
    demo.appoint(
        steering,
        "Kristin Walde",
        org="UiB-MED",
        function="sekretariat",
        role=Role.SECRETARY,
        starts_on=D(2020, 1, 1),
    )
    secretary = demo.people["Kristin Walde"]

    # Cases 01–17/22 were given at meetings the demo leaves out.
    demo.sequence(steering, 2022, 17)
    june = demo.meeting(steering, D(2022, 6, 3), 9, 11, place=ALREK_PLACE, minute_taker=secretary)
    demo.case(
        june,
        "Godkjenning av innkalling og sakliste",
        K.NOTICE_APPROVAL,
        decision="Innkalling og sakliste godkjent.",
    )
    demo.case(
        june,
        "Budsjett for Alrek helseklynge 2023",
        presenter="Kristin Walde",
        background="Forslag til budsjett for 2023, med partnernes bidrag og samarbeidsmidler.",
        decision="Styringsgruppen vedtok budsjettet for 2023. Budsjettet formidles i brev til "
        "partnerne.",
    )
    demo.case(
        june,
        "Utlysning av samarbeidsmidler for 2023",
        presenter="Berit Angell",
        decision="Samarbeidsmidlene for 2023 lyses ut i høst, med søknadsfrist 14. november "
        "2022. Midler fra Rebekka Ege Hegermanns legat (REHL) inngår i utlysningen.",
    )
    agreements = demo.case(
        june,
        "Samarbeidsavtaler",
        presenter="Karl Specht-Berg",
        background="Utkast til samarbeidsavtaler mellom Alrek helseklynge og hhv. "
        "Kunnskapskommunen Helse Omsorg Vest, Polyfon kunnskapsklynge for musikkterapi og "
        "Senter for kvalitet i legetjenester (SKIL).",
        decision="Styringsgruppen godkjente de tre samarbeidsavtalene. Avtalene legges frem "
        "for Partnermøtet til orientering.",
    )
    demo.attendance(june)
    demo.status(june, Meeting.Status.MINUTES_DRAFT)

    # Cases 22–24/22 were given at a meeting the demo leaves out.
    demo.sequence(steering, 2022, 24)
    september = demo.meeting(
        steering, D(2022, 9, 12), 9, 11, place=ALREK_PLACE, minute_taker=secretary
    )
    demo.case(
        september,
        "Godkjenning av innkalling og sakliste",
        K.NOTICE_APPROVAL,
        decision="Innkalling og sakliste godkjent.",
    )
    minutes = demo.case(
        september,
        "Godkjenning av referat fra møtet 03.06.2022",
        K.MINUTES_APPROVAL,
        decision="Referatet godkjent.",
    )
    centre = demo.case(
        september,
        "Ressurs- og kompetansesenter for brukermedvirkning – videreføring",
        presenter="Berit Angell",
        background="Ideen om et ressurs- og kompetansesenter for brukermedvirkning kom fra "
        "prosjektet Brukerstyrt dag på helsepedagogikk, og ble støttet med samarbeidsmidler "
        "for 2022. Med bistand fra VIS innovasjon er det laget et forslag om å videreføre "
        "senteret i klyngen.",
        proposed_decision="Styringsgruppen støtter at senteret videreføres i klyngen, og ber "
        "om en plan for finansiering og forankring hos partnerne.",
        discussion="Styringsgruppen ba om at planen viser hvilke effekter senteret kan gi, "
        "både økonomisk og i bedre behandling og oppfølging i tjenestene.",
        decision="Styringsgruppen støtter at senteret videreføres i klyngen, og ber om en plan "
        "for finansiering og forankring hos partnerne. Prosjektet presenteres for "
        "Partnermøtet 07.10.2022.",
    )
    demo.case(
        september,
        "Alrekdagene 2022",
        K.ORIENTATION,
        presenter="Berit Angell",
        discussion="Programmet for Alrekdagene 21.–23. september er klart.",
        decision="Orienteringen tatt til etterretning.",
    )
    demo.attendance(september)
    demo.status(september, Meeting.Status.MINUTES_DRAFT)
    minutes_approve(meeting=june, in_case=minutes, actor=demo.actor)
    return steering, agreements, centre


def _alrek_mandate_circulation(demo: _Demo, partners: Body, reported_in: Case) -> None:
    """ "Mandat som var på sirkulasjon i gruppen i perioden 23. mai – 3. juni. Det kom ikke
    ytterligere kommentarer til mandatet, så det anses som endelig." (case 10-22)"""
    circulation = Circulation.objects.create(
        cluster=demo.cluster,
        body=partners,
        purpose=Circulation.Purpose.COMMENTS,
        title="Mandat for Partnermøtet",
        text=partners.mandate,
        opens_on=D(2022, 5, 23),
        deadline=D(2022, 6, 3),
        status=Circulation.Status.CONCLUDED,
        outcome="Det kom ikke ytterligere kommentarer til mandatet, så det anses som endelig.",
        concluded_on=D(2022, 6, 3),
        reported_in=reported_in,
    )
    # Case 10-22 recorded the mandate as final: its adopted version.
    MandateVersion.objects.create(
        cluster=demo.cluster,
        body=partners,
        text=partners.mandate,
        adopted_on=D(2022, 10, 7),
        adopted_in=reported_in,
    )
    members = [a.person for a in partners.appointments.filter(role=Role.MEMBER)]
    for n, person in enumerate(members):
        answered = n % 3 != 2  # some did not answer, as is usual
        CirculationReply.objects.create(
            cluster=demo.cluster,
            circulation=circulation,
            person=person,
            answer=CirculationAnswer.AGREE if answered else "",
            answered_at=datetime.datetime(2022, 5, 24 + n % 8, 9, tzinfo=OSLO)
            if answered
            else None,
        )


def _alrek_date_poll(demo: _Demo, partners: Body) -> None:
    """Finding the date of the partner meeting in spring 2023: three times, some answers,
    none chosen yet."""
    poll = DatePoll.objects.create(
        cluster=demo.cluster, body=partners, title="Partnermøtet våren 2023"
    )
    slots = [
        DatePollSlot.objects.create(
            cluster=demo.cluster,
            poll=poll,
            starts_at=datetime.datetime(2023, 3, day, 10, tzinfo=OSLO),
        )
        for day in (16, 23, 30)
    ]
    members = [a.person for a in partners.appointments.filter(role=Role.MEMBER)[:4]]
    for person, answers in zip(
        members,
        (
            ("yes", "no", "yes"),
            ("if_needed", "yes", "yes"),
            ("no", "yes", "yes"),
            ("yes", "yes", "no"),
        ),
        strict=False,
    ):
        for slot, answer in zip(slots, answers, strict=True):
            DatePollVote.objects.create(
                cluster=demo.cluster, slot=slot, person=person, answer=answer
            )


def _alrek_spring_meeting(demo: _Demo, partners: Body) -> Meeting:
    meeting = demo.meeting(
        partners,
        D(2022, 3, 18),
        14,
        16,
        place=ALREK_PLACE,
        room="møterom Tarlebø 2F15, 2. etasje",
        minute_taker=demo.people["Kristin Walde"],
    )
    demo.case(
        meeting,
        "Godkjenning av innkalling og sakliste",
        K.NOTICE_APPROVAL,
        decision="Innkalling og sakliste godkjent.",
    )
    demo.case(
        meeting,
        "Godkjenning av referat fra møtet 15.10.2021",
        K.MINUTES_APPROVAL,
        decision="Referatet godkjent.",
    )
    demo.case(
        meeting,
        "Orienteringer fra Styringsgruppen og klyngefasilitator",
        K.ORIENTATION,
        presenter="Karl Specht-Berg og Berit Angell",
        discussion="Samarbeidsmidlene for 2022 er fordelt, blant annet til prosjektet "
        "Brukerstyrt dag på helsepedagogikk og til et forprosjekt om et ressurs- og "
        "kompetansesenter for brukermedvirkning.",
        decision="Orienteringene tatt til etterretning.",
    )
    demo.case(
        meeting,
        "Mandat og representasjon Partnermøtet",
        K.DISCUSSION,
        presenter="sekretariatet",
        background="Partnermøtet har ikke hatt et skriftlig mandat. Sekretariatet har laget "
        "et utkast på grunnlag av klyngeavtalen.",
        discussion="Det ble drøftet hvem som skal representere partnerne, og om det bør være "
        "faste vararepresentanter.",
        decision="Utkastet til mandat sendes på sirkulasjon i gruppen 23. mai – 3. juni. "
        "Mandat og representasjon følges opp på høstens møte.",
    )
    demo.case(
        meeting,
        "Strategi for Alrek helseklynge mot 2026",
        presenter="Marit Hovland",
        proposed_decision="Partnermøtet vedtar strategien for Alrek helseklynge mot 2026.",
        decision="Strategien vedtatt. Hver partner forankrer strategien internt, og "
        "Styringsgruppen følger den opp i faggruppene og panelene.",
    )
    demo.case(
        meeting,
        "Alrekdagene 2022",
        K.ORIENTATION,
        presenter="Berit Angell",
        discussion="Alrekdagene arrangeres 21.–23. september som klyngens bidrag til "
        "Forskningsdagene. Partnerne oppfordres til å melde inn arrangementer til "
        "programkomiteen.",
        decision="Orienteringen tatt til etterretning.",
    )
    demo.case(meeting, "Eventuelt", K.OTHER_BUSINESS, decision="Ingen saker.")
    demo.attendance(meeting)
    return demo.status(meeting, Meeting.Status.MINUTES_DRAFT)


def _alrek_autumn_meeting(
    demo: _Demo, partners: Body, spring: Meeting, related: dict[int, Case]
) -> tuple[Meeting, Case]:
    """The partner meeting of the reference minutes; `related` gives steering group cases
    by the number of the case that refers to them. Returns the meeting and case 12-22."""
    meeting = demo.meeting(
        partners,
        D(2022, 10, 7),
        14,
        16,
        place=ALREK_PLACE,
        room="møterom Tarlebø 2F15, 2. etasje",
        # The rectorate's member chaired as substitute for the leader.
        chair=demo.people["Geir Grøttum"],
        minute_taker=demo.people["Kristin Walde"],
    )
    demo.case(
        meeting,
        "Godkjenning av innkalling og sakliste",
        K.NOTICE_APPROVAL,
        discussion="Godkjenning av referat fra forrige møte 18.03.22.",
        decision="Innkalling og sakliste godkjent. Referat godkjent. Ingen saker meldt under "
        "Eventuelt.",
    )
    orientations = demo.case(
        meeting,
        "Orienteringer om faglig aktivitet og utvikling av klyngen",
        K.ORIENTATION,
        items=ORIENTATIONS_09_22,
    )
    orientations.related.add(related[9])
    demo.case(
        meeting,
        "Mandat og representasjon Partnermøtet",
        follows_up=spring.cases.get(number=4),
        background="Oppfølging av sak 04-22 fra sist møte. Til møtet var det vedlagt mandat "
        "som var på sirkulasjon i gruppen i perioden 23. mai – 3. juni.",
        discussion="Om mandat: Det kom ikke ytterligere kommentarer til mandatet, så det anses "
        "som endelig.\n\n"
        "Om representasjon: Det ble påpekt at det på dagens møte møtte mange vara. Enighet om "
        "at det viktige er at de som møter må ha fullmakt/mandat til å stille.\n\n"
        "Drøfting av hvorvidt det skal være krav om faste vararepresentanter for møtet. En "
        "fast vara vil bidra til å sikre kontinuitet, samtidig må en forutsette at deltakelse "
        "prioriteres høyt av hovedrepresentanten.",
        decision="Mandatet for Partnermøtet anses som endelig. De som møter, må ha "
        "fullmakt/mandat til å stille. Ved etablering av en fast liste med vara, må vara "
        "fastsettes på embets-/funksjonsnivå, ikke som personlig vara.",
    )
    agreements = demo.case(
        meeting,
        "Formalisering av samarbeid – nye samarbeidsavtaler",
        K.ORIENTATION,
        background="Til møtet var det vedlagt tre samarbeidsavtaler behandlet av "
        "Styringsgruppen 03.06.22 (sak 21/22), mellom Alrek helseklynge og hhv.:\n\n"
        "- Kunnskapskommunen Helse Omsorg Vest\n"
        "- Polyfon kunnskapsklynge for musikkterapi\n"
        "- Senter for kvalitet i legetjenester (SKIL)",
        decision="Samarbeidsavtalene tatt til etterretning.",
    )
    agreements.related.add(related[11])
    election = demo.case(
        meeting,
        "Oppnevning av leder for Styringsgruppen i kommende periode 2022 – 2026",
        K.ELECTION,
        proposed_decision="Forslag fremlagt i møtet: Sittende styreleder, Karl Specht-Berg fra "
        "Det psykologiske fakultet UiB, er innstilt på å beholde funksjonen i ett år til "
        "(2022 – 2023).",
        discussion="Det ble i tillegg spilt inn at det må ses på hvilken prosess en skal ha "
        "inn mot høsten 2023 og rekruttering av en eventuell ny leder. Kan det være aktuelt "
        "med en valgkomité?",
        decision="Partnermøtet stilte seg bak forslaget. Specht-Berg oppnevnes for perioden "
        "2022 – 2023, frem til Partnermøtet høsten 2023. Saken om videre prosess tas opp på "
        "vårens møte i Partnermøtet.",
    )
    demo.case(
        meeting,
        "Dato for neste møte – våren 2023",
        proposed_decision="Forslag fremlagt i møtet: fredag 17. mars 2023 kl. 14.00 – 16.00.",
        discussion="Partnere ser det som en fordel om møtet kan legges til en annen ukedag, "
        "f.eks. mandager.",
        decision="Sekretariatet sender ut en doodle der bl.a. mandag 27. mars foreslås, og "
        "foreslår samtidig datoer for høstens møte, f.eks. mandag 2. oktober 2023.",
    )
    demo.attendance(
        meeting,
        MH=(S.ABSENT_WITH_NOTICE, None),
        GY=(S.SUBSTITUTE, "Jan Kåre Fossum"),
        KAW=(S.SUBSTITUTE, "Tor Einar Haugen"),
        KF=(S.SUBSTITUTE, "Ragnhild Lysne"),
        JHK=(S.REMOTE, None),
        GPK=(S.SUBSTITUTE, "Ida Elise Grov"),
        LM=(S.ABSENT_WITH_NOTICE, None),
    )
    demo.status(meeting, Meeting.Status.MINUTES_DRAFT)
    return meeting, election


# Polyfon (nynorsk, as the cluster writes) -------------------------------------------------

POLYFON_PLACE = "Griegakademiet, Lars Hilles gate 3, Bergen"

POLYFON_STEERING_GROUP_MANDATE = """\
Styringsgruppa leier arbeidet i Polyfon kunnskapsklynge for musikkterapi mellom partsmøta, \
og følgjer opp klyngeavtalen og handlingsplanen.

## Oppgåver

- vedta årsplan og budsjett, og fordele samarbeidsmidlar
- følgje opp knutepunkta og undergruppene i klyngesamarbeidet
- sjå til at brukarerfaringar blir tekne med i alt klynga gjer

## Samansetjing

Partane peikar ut kvar sin representant. Minst to av medlemene er erfaringsrepresentantar, \
oppnemnde etter forslag frå Erfaringspanelet. Klyngeleiaren er sekretær for styringsgruppa.
"""

EXPERIENCE_PANEL_MANDATE = """\
Erfaringspanelet sikrar at erfaringane til brukarar og pårørande blir høyrde i Polyfon, i \
forsking, utdanning og praksis.

Panelet har fire representantar med eigne erfaringar som brukarar eller pårørande, og to \
vararepresentantar. Panelet føreslår erfaringsrepresentantane i styringsgruppa, og gir råd \
til prosjekt i klynga som ønskjer brukarmedverknad.

Koordinatoren for brukarmedverknad ved UiB legg til rette for arbeidet i panelet.
"""


def _polyfon(demo: _Demo) -> None:
    # Invented experience representatives.
    for name, title, org in (
        ("Gro Vassbotn", "Erfaringsrepresentant", None),
        ("Sindre Helle", "Erfaringsrepresentant", "Mental Helse"),
        ("Åse Marie Lunde", "Erfaringsrepresentant", None),
        ("Randi Myking", "Erfaringsrepresentant", "Mental Helse"),
        ("Henrik Søreide", "Erfaringsrepresentant", None),
    ):
        demo.person(name, title, org)

    start = D(2025, 1, 1)
    steering = demo.body(
        name="Styringsgruppa",
        slug="styringsgruppen",
        kind=Body.Kind.STEERING_GROUP,
        case_number_format="{number:02}/{yy}",
        mandate=POLYFON_STEERING_GROUP_MANDATE,
        min_experience_representatives=2,
    )
    demo.appoint(
        steering, "Torbjørn Vik", org="NMH", function="leiar", role=Role.CHAIR, starts_on=start
    )
    for name, org in (
        ("Jonas Haugland", "UiB"),
        ("Marte Lie Aasen", "HVL"),
        ("Silje Bakken", "Helse Bergen"),
        ("Anders Myklebust", "OUS"),
        ("Hanne Rasmussen", "Bergen kommune"),
        ("Erik Tveit", "NORCE"),
        ("Per Olav Strand", "SSHF"),
    ):
        demo.appoint(steering, name, org=org, starts_on=start)
    for name, org in (("Nora Aune", "Mental Helse"), ("Gro Vassbotn", None)):
        demo.appoint(
            steering,
            name,
            org=org,
            function="erfaringsrepresentant",
            is_experience_representative=True,
            starts_on=start,
        )
    demo.appoint(
        steering,
        "Ingrid Solheim",
        org="UiB",
        function="klyngeleiar",
        role=Role.SECRETARY,
        starts_on=start,
    )

    panel = demo.body(
        name="Erfaringspanelet",
        slug="erfaringspanelet",
        kind=Body.Kind.EXPERIENCE_PANEL,
        mandate=EXPERIENCE_PANEL_MANDATE,
        max_members=4,
        term_years=2,
    )
    _polyfon_past_meeting(demo, steering)
    appointed_in = Case.objects.get(body=steering, year=2025, number=15)
    panel_start = D(2026, 1, 1)
    representatives = {}
    for name, org, role in (
        ("Nora Aune", "Mental Helse", Role.CHAIR),
        ("Gro Vassbotn", None, Role.MEMBER),
        ("Sindre Helle", "Mental Helse", Role.MEMBER),
        ("Åse Marie Lunde", None, Role.MEMBER),
    ):
        representatives[name] = demo.appoint(
            panel,
            name,
            org=org,
            function="leiar" if role == Role.CHAIR else "",
            role=role,
            is_experience_representative=True,
            starts_on=panel_start,
            decided_by=appointed_in,
        )
    # One substitute fixed for Mental Helse's seats, one personal.
    demo.appoint(
        panel,
        "Randi Myking",
        org="Mental Helse",
        role=Role.SUBSTITUTE,
        is_experience_representative=True,
        starts_on=panel_start,
        decided_by=appointed_in,
    )
    demo.appoint(
        panel,
        "Henrik Søreide",
        role=Role.SUBSTITUTE,
        substitute_for=representatives["Åse Marie Lunde"],
        is_experience_representative=True,
        starts_on=panel_start,
        decided_by=appointed_in,
    )
    demo.appoint(
        panel,
        "Kari Nordby",
        org="UiB",
        function="koordinator for brukarmedverknad",
        role=Role.FACILITATOR,
        starts_on=panel_start,
    )

    _polyfon_next_meeting(demo, steering)
    _polyfon_open_circulation(demo, steering)
    _polyfon_panel_meeting(demo, panel)


def _email(name: str) -> str:
    """An invented address at example.no for an invented person."""
    ascii_name = name.lower()
    for letter, replacement in (("æ", "ae"), ("ø", "o"), ("å", "a"), (" ", ".")):
        ascii_name = ascii_name.replace(letter, replacement)
    return f"{ascii_name}@example.no"


def _polyfon_panel_meeting(demo: _Demo, panel: Body) -> None:
    """The experience panel's next meeting, six weeks ahead: its notice is not sent yet, and
    two of its seats have substitutes to invite."""
    day = timezone.localdate() + datetime.timedelta(days=42)
    meeting = demo.meeting(panel, day, 17, 19, place=POLYFON_PLACE)
    demo.case(meeting, "Godkjenning av innkalling og saksliste", K.NOTICE_APPROVAL)
    demo.case(
        meeting,
        "Innspel til rulleringa av handlingsplanen",
        K.DISCUSSION,
        presenter="Kari Nordby",
        background="Styringsgruppa rullerer handlingsplanen i desember og ber om innspel.",
    )
    demo.case(meeting, "Eventuelt", K.OTHER_BUSINESS)


def _polyfon_past_meeting(demo: _Demo, steering: Body) -> None:
    # Cases 01–11/25 were given at meetings the demo leaves out.
    demo.sequence(steering, 2025, 11)
    meeting = demo.meeting(
        steering,
        D(2025, 11, 20),
        10,
        14,
        place=POLYFON_PLACE,
        remote_link="https://teams.example.no/polyfon-styringsgruppa",
        minute_taker=demo.people["Ingrid Solheim"],
    )
    demo.case(
        meeting,
        "Godkjenning av innkalling og saksliste",
        K.NOTICE_APPROVAL,
        decision="Innkalling og saksliste godkjende.",
    )
    demo.case(
        meeting,
        "Godkjenning av referat frå møtet 11.09.2025",
        K.MINUTES_APPROVAL,
        decision="Referatet godkjent.",
    )
    demo.case(
        meeting,
        "Ny klyngeavtale frå 2026",
        presenter="Ingrid Solheim",
        background="Klyngeavtalen frå 2020 er revidert. Den nye avtalen tek inn "
        "knutepunktmodellen som skal prøvast ut i OPPTAKT, undergruppene i "
        "klyngesamarbeidet og Erfaringspanelet, og har fem vedlegg.",
        proposed_decision="Styringsgruppa godkjenner klyngeavtalen for Polyfon med verknad "
        "frå 1. januar 2026, og sender han til signering hos partane.",
        discussion="Styringsgruppa var nøgd med at Erfaringspanelet har fått eit eige vedlegg.",
        decision="Styringsgruppa godkjende klyngeavtalen for Polyfon med verknad frå "
        "1. januar 2026. Avtalen blir send til signering hos partane.",
    )
    demo.case(
        meeting,
        "Erfaringspanelet: oppnemning av representantar for 2026–2027",
        K.ELECTION,
        presenter="Kari Nordby",
        proposed_decision="Nora Aune (leiar), Gro Vassbotn, Sindre Helle og Åse Marie Lunde "
        "blir oppnemnde som representantar, med Randi Myking og Henrik Søreide som vara.",
        decision="Oppnemnt som føreslått, for perioden 2026–2027.",
    )
    demo.case(
        meeting,
        "OPPTAKT – utprøving av knutepunktmodellen",
        K.ORIENTATION,
        presenter="Ingrid Solheim",
        discussion="Agenda Vestlandet har løyvd 7,53 mill. kr til utprøving av "
        "knutepunktmodellen i 2026–2028. Knutepunkta i Øst, Sør og Vest startar opp i januar.",
        decision="Orienteringa teken til etterretning.",
    )
    demo.case(
        meeting,
        PLAN_2026_CASE,
        presenter="Ingrid Solheim",
        background="Sekretariatet har rullert handlingsplanen på bakgrunn av tilbakemeldingane "
        "frå klyngedeltakarane. Nye prioriterte tiltak er mellom anna prosjektplan og oppstart "
        "for OPPTAKT.",
        proposed_decision="Styringsgruppa vedtek Handlingsplan 2025-2030, rullert for 2026.",
        decision="Styringsgruppa vedtok Handlingsplan 2025-2030, rullert for 2026, med dei "
        "prioriterte tiltaka som føreslått.",
    )
    grant = demo.case(
        meeting,
        "Såkornmidlar 2026: Musikkterapi i kommunal rus- og psykisk helseteneste",
        presenter="Ingrid Solheim",
        background="Søknad frå Bergen kommune og HVL om 300 000 kr i såkornmidlar.",
        proposed_decision="Styringsgruppa løyver 300 000 kr til prosjektet.",
        decision="Styringsgruppa løyvde 300 000 kr til prosjektet.",
    )
    Disqualification.objects.create(
        cluster=demo.cluster,
        case=grant,
        person=demo.people["Hanne Rasmussen"],
        grounds="tilsett hos søkjaren Bergen kommune (fvl. § 6 andre ledd)",
    )
    demo.case(meeting, "Eventuelt", K.OTHER_BUSINESS, decision="Ingen saker.")
    demo.attendance(meeting, AM=(S.REMOTE, None), POS=(S.ABSENT_WITH_NOTICE, None))
    demo.status(meeting, Meeting.Status.MINUTES_DRAFT)
    # Approved by e-mail after the meeting, not in a case of a later meeting.
    minutes_approve(meeting=meeting, actor=demo.actor)


def _polyfon_open_circulation(demo: _Demo, steering: Body) -> None:
    """A written procedure out now, whenever the demo is loaded: two answers in, one comment."""
    today = timezone.localdate()
    circulation = Circulation.objects.create(
        cluster=demo.cluster,
        body=steering,
        purpose=Circulation.Purpose.COMMENTS,
        title="Innspel til rulleringa av handlingsplanen",
        text="Sekretariatet ber om innspel til kva tiltak som bør prioriterast neste år, "
        "og om endringar i klynga og omgivnadene som planen bør omtale.",
        opens_on=today - datetime.timedelta(days=4),
        deadline=today + datetime.timedelta(days=10),
    )
    members = [a.person for a in steering.appointments.filter(role=Role.MEMBER)]
    answers = {
        "Jonas Haugland": (CirculationAnswer.AGREE, ""),
        "Nora Aune": (
            CirculationAnswer.COMMENT,
            "Erfaringspanelet bør involverast før tiltaka blir prioriterte.",
        ),
    }
    for person in members:
        answer, comment = answers.get(person.name, ("", ""))
        CirculationReply.objects.create(
            cluster=demo.cluster,
            circulation=circulation,
            person=person,
            answer=answer,
            comment=comment,
            answered_at=timezone.now() - datetime.timedelta(days=2) if answer else None,
        )


def _polyfon_next_meeting(demo: _Demo, steering: Body) -> None:
    """A meeting about a month ahead of whenever the demo is loaded."""
    day = timezone.localdate() + datetime.timedelta(days=30)
    meeting = demo.meeting(
        steering,
        day,
        10,
        14,
        place=POLYFON_PLACE,
        remote_link="https://teams.example.no/polyfon-styringsgruppa",
    )
    demo.case(meeting, "Godkjenning av innkalling og saksliste", K.NOTICE_APPROVAL)
    demo.case(
        meeting,
        f"Årsplan og budsjett for {day.year + 1}",
        presenter="Ingrid Solheim",
        proposed_decision=f"Styringsgruppa vedtek årsplan og budsjett for {day.year + 1}.",
    )
    demo.case(meeting, "Orientering frå Erfaringspanelet", K.ORIENTATION, presenter="Nora Aune")
    demo.case(meeting, "Status for knutepunkta i OPPTAKT", K.ORIENTATION)
    demo.case(meeting, "Eventuelt", K.OTHER_BUSINESS)
