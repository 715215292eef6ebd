"""Fill the database with clusters the size of Polyfon and Alrek together over ten years.

    python -m bench.generate --scale 50 [--seed 1] [--organisations 1000 --people 1000]

The same scale, seed and sizes always give the same rows, so two benchmark runs compare like
with like. `--organisations` and `--people` make each cluster bigger than the references, to
show what grows with one cluster's own data (a list, a select of every organisation).
"""

import argparse
import datetime
import random
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from auditlog.context import disable_auditlog
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_scopes import scopes_disabled

from samspill.clusters.initials import suggest_initials
from samspill.clusters.models import (
    Affiliation,
    Agreement,
    AgreementAppendix,
    AgreementSignature,
    AgreementVersion,
    Cluster,
    ClusterRole,
    ImportBatch,
    Membership,
    Node,
    Organisation,
    Person,
    Region,
    Subgroup,
)
from samspill.clusters.services import cluster_create
from samspill.clusters.validators import organisation_number_check_digit
from samspill.governance.models import (
    Appointment,
    Attendance,
    Body,
    Case,
    CaseSequence,
    Meeting,
    Role,
)

Kind = Organisation.Kind

# Fixed dates rather than today's, so a run next year generates the same history.
FIRST_DAY = datetime.date(2016, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)

ORGANISATIONS = 80
PEOPLE = 250
UNITS_SHARE = 0.2  # of the organisations, how many are faculties or departments under another
# A name drawn this many times in a row that is already taken gets a number instead
# ("Bergen kommune 2"): at sizes beyond the references, places and kinds run out.
NAME_TRIES = 50

# (place, county, region): regions are the defaults cluster_create makes.
PLACES = [
    ("Oslo", "oslo", "Øst"),
    ("Hamar", "innlandet", "Øst"),
    ("Lillehammer", "innlandet", "Øst"),
    ("Drammen", "buskerud", "Øst"),
    ("Fredrikstad", "ostfold", "Øst"),
    ("Tønsberg", "vestfold", "Øst"),
    ("Lillestrøm", "akershus", "Øst"),
    ("Kristiansand", "agder", "Sør"),
    ("Arendal", "agder", "Sør"),
    ("Grimstad", "agder", "Sør"),
    ("Skien", "telemark", "Sør"),
    ("Porsgrunn", "telemark", "Sør"),
    ("Bergen", "vestland", "Vest"),
    ("Stavanger", "rogaland", "Vest"),
    ("Haugesund", "rogaland", "Vest"),
    ("Førde", "vestland", "Vest"),
    ("Voss", "vestland", "Vest"),
    ("Stord", "vestland", "Vest"),
    ("Trondheim", "trondelag", "Midt"),
    ("Levanger", "trondelag", "Midt"),
    ("Steinkjer", "trondelag", "Midt"),
    ("Ålesund", "more-og-romsdal", "Midt"),
    ("Molde", "more-og-romsdal", "Midt"),
    ("Tromsø", "troms", "Nord"),
    ("Harstad", "troms", "Nord"),
    ("Bodø", "nordland", "Nord"),
    ("Mo i Rana", "nordland", "Nord"),
    ("Alta", "finnmark", "Nord"),
    ("Hammerfest", "finnmark", "Nord"),
]

# Weights follow the two reference clusters: many municipalities, few businesses.
KIND_NAMES = {
    Kind.UNIVERSITY: (8, ["Universitetet i {p}", "Høgskulen i {p}"]),
    Kind.RESEARCH_INSTITUTE: (4, ["{p} forskingssenter", "Forskningsinstituttet {p}"]),
    Kind.SPECIALIST_HEALTH: (10, ["Helse {p} HF", "{p} sjukehus"]),
    Kind.MUNICIPALITY: (22, ["{p} kommune"]),
    Kind.COUNTY: (3, ["Fylkeskommunen i {p}"]),
    Kind.STATE_AGENCY: (3, ["Statsforvalteren i {p}", "Nav {p}"]),
    Kind.USER_ORGANISATION: (7, ["Brukerforeningen i {p}", "Pårørendeforeningen i {p}"]),
    Kind.BUSINESS: (3, ["{p} Helseteknologi AS", "{p} Musikkproduksjon AS"]),
    Kind.OTHER: (4, ["{p} kulturskole", "Stiftelsen {p} musikkhus"]),
}
UNIT_NAMES = ["Institutt for {s}", "Fakultet for {s}", "Avdeling for {s}", "Senter for {s}"]
SUBJECTS = [
    "musikkterapi",
    "helsefag",
    "psykisk helse",
    "rus og avhengighet",
    "barn og unge",
    "eldremedisin",
    "kunstfag",
    "sykepleie",
    "rehabilitering",
    "folkehelse",
]

FIRST_NAMES = (
    "Anne Kari Ingrid Marit Liv Hilde Solveig Randi Silje Ida Nora Thea Maren Sigrid Tone Eli"
    " Ola Per Jan Kjell Lars Knut Arne Bjørn Geir Terje Even Magnus Sindre Håkon Øyvind Tor"
).split()
LAST_NAMES = (
    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen"
    " Pettersen Eriksen Berg Haugen Hagen Bakke Dahl Lie Moen Solberg Strand Bjerke Aas Wolff"
    " Stige Ruud Sæther Kvamme Grønli Vik Myhre Nygård Haaland"
).split()
MIDDLE_INITIALS = "ABEHKMOST"
TITLES = ["professor", "førsteamanuensis", "rådgiver", "leder", "musikkterapeut", "seniorrådgiver"]
POSITIONS = ["ansatt", "leder", "forsker", "stipendiat", "kontaktperson", "brukerrepresentant"]
APPENDICES = [
    "Mandat for partnermøtet",
    "Mandat for styringsgruppen",
    "Retningslinjer for erfaringspanelet",
    "Økonomisk fordelingsnøkkel",
    "Oversikt over partene",
]
SUBGROUPS = [("Partssamarbeid Vestland", "Vest"), ("Partssamarbeid Nord-Norge", "Nord")]
COUNTERPARTS = ["Senter for omsorgsforskning", "Helseklynge Midt", "Kulturrådet"]


@dataclass
class Summary:
    clusters: int
    rows: Counter

    def __str__(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.rows.items())
        return f"Generated {self.clusters} clusters: {counts}."


def day_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def organisation_number(rng: random.Random, taken: set[str]) -> str:
    """A valid, unused nine-digit number; real ones start with 8 or 9."""
    while True:
        first = rng.choice("89") + "".join(rng.choice("0123456789") for _ in range(7))
        check = organisation_number_check_digit(first)
        if check is not None and f"{first}{check}" not in taken:
            taken.add(f"{first}{check}")
            return f"{first}{check}"


def email_for(name: str, domain: str) -> str:
    ascii_name = name.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    return f"{slugify(ascii_name).replace('-', '.')}@{domain}"


def unique_name(name: str, names: set[str], tries: int) -> str | None:
    """`name` if it is free; after NAME_TRIES clashes in a row, `name` with a free number."""
    if name not in names:
        return name
    if tries < NAME_TRIES:
        return None
    number = 2
    while f"{name} {number}" in names:
        number += 1
    return f"{name} {number}"


def make_organisations(rng, cluster, regions, numbers, size=ORGANISATIONS) -> list[Organisation]:
    kinds = list(KIND_NAMES)
    weights = [KIND_NAMES[k][0] for k in kinds]
    names: set[str] = set()
    tops: list[Organisation] = []
    unit_count = round(size * UNITS_SHARE)
    tries = 0
    while len(tops) < size - unit_count:
        kind = rng.choices(kinds, weights)[0]
        place, county, region = rng.choice(PLACES)
        name = unique_name(rng.choice(KIND_NAMES[kind][1]).format(p=place), names, tries)
        if name is None:
            tries += 1
            continue
        tries = 0
        names.add(name)
        tops.append(
            Organisation(
                cluster=cluster,
                name=name,
                short_name=name.split(" ")[0][:50] if kind == Kind.MUNICIPALITY else "",
                organisation_number=organisation_number(rng, numbers),
                kind=kind,
                county=county,
                region=regions[region],
                website=f"https://www.{slugify(place)}.example.no/",
            )
        )
    Organisation.objects.bulk_create(tops)

    # Faculties and departments belong to universities and hospitals, as in the references.
    hosts = [o for o in tops if o.kind in (Kind.UNIVERSITY, Kind.SPECIALIST_HEALTH)] or tops
    units: list[Organisation] = []
    while len(units) < unit_count:
        parent = rng.choice(hosts)
        name = unique_name(
            f"{rng.choice(UNIT_NAMES).format(s=rng.choice(SUBJECTS))}, {parent.name}", names, tries
        )
        if name is None:
            tries += 1
            continue
        tries = 0
        names.add(name)
        units.append(
            Organisation(
                cluster=cluster,
                name=name,
                organisation_number=organisation_number(rng, numbers),
                kind=parent.kind,
                county=parent.county,
                region=parent.region,
                parent=parent,
            )
        )
    Organisation.objects.bulk_create(units)
    return tops + units


def make_people(rng, cluster, organisations, size=PEOPLE) -> tuple[list[Person], list[Affiliation]]:
    initials: set[str] = set()
    names: set[str] = set()
    people: list[Person] = []
    tries = 0
    while len(people) < size:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        middle = f" {rng.choice(MIDDLE_INITIALS)}." if rng.random() < 0.3 else ""
        name = unique_name(f"{first}{middle} {last}", names, tries)
        if name is None:
            tries += 1
            continue
        tries = 0
        names.add(name)
        code = suggest_initials(name, initials)
        initials.add(code)
        people.append(
            Person(
                cluster=cluster,
                name=name,
                email=email_for(name, "example.no"),
                phone=f"{rng.choice('49')}{rng.randrange(10**7):07d}",
                title=rng.choice(TITLES),
                initials=code,
            )
        )
    Person.objects.bulk_create(people)

    affiliations = []
    for person in people:
        count = 1 if rng.random() < 0.6 else 2
        for organisation in rng.sample(organisations, count):
            starts_on = day_between(rng, FIRST_DAY, LAST_DAY - datetime.timedelta(days=90))
            ended = rng.random() < 0.2
            affiliations.append(
                Affiliation(
                    cluster=cluster,
                    person=person,
                    organisation=organisation,
                    position=rng.choice(POSITIONS),
                    starts_on=starts_on,
                    ends_on=day_between(rng, starts_on, LAST_DAY) if ended else None,
                )
            )
    Affiliation.objects.bulk_create(affiliations)
    return people, affiliations


def make_nodes(rng, cluster, regions, organisations, affiliations) -> list[Node]:
    nodes = []
    for status, region_name in zip(Node.Status, rng.sample(sorted(regions), 3), strict=True):
        region = regions[region_name]
        local = [o for o in organisations if o.region_id == region.pk and o.parent_id is None]
        host = rng.choice(local) if local else None
        staff = [a.person for a in affiliations if host and a.organisation_id == host.pk]
        nodes.append(
            Node(
                cluster=cluster,
                name=f"Knutepunkt {region_name}",
                region=region,
                host_organisation=host,
                coordinator=rng.choice(staff) if staff else None,
                status=status,
                starts_on=day_between(rng, FIRST_DAY, LAST_DAY),
            )
        )
    Node.objects.bulk_create(nodes)
    return nodes


def make_memberships(rng, cluster, regions, organisations, nodes) -> list[Membership]:
    """About 120 periods: most organisations join once, some leave, some of those come back."""
    node_by_region = {n.region_id: n for n in nodes}
    kinds = [
        Membership.Kind.PARTICIPANT,
        Membership.Kind.OBSERVER,
        Membership.Kind.STRATEGIC_PARTNER,
    ]

    def period(organisation, kind, joined_on, left_on=None, subgroup=None):
        node = node_by_region.get(organisation.region_id) if rng.random() < 0.6 else None
        return Membership(
            cluster=cluster,
            organisation=organisation,
            kind=kind,
            subgroup=subgroup,
            joined_on=joined_on,
            left_on=left_on,
            region=organisation.region,
            node=node,
        )

    memberships = []
    for organisation in organisations:
        if rng.random() > 0.95:
            continue
        kind = rng.choices(kinds, [85, 10, 5])[0]
        joined_on = day_between(rng, FIRST_DAY, LAST_DAY - datetime.timedelta(days=365))
        if rng.random() > 0.35:
            memberships.append(period(organisation, kind, joined_on))
            continue
        left_on = day_between(rng, joined_on, LAST_DAY - datetime.timedelta(days=60))
        memberships.append(period(organisation, kind, joined_on, left_on))
        if rng.random() < 0.6:
            rejoined_on = day_between(rng, left_on, LAST_DAY)
            memberships.append(period(organisation, kind, rejoined_on))

    subgroups = [
        Subgroup(
            cluster=cluster,
            name=name,
            description=f"Samarbeid mellom partene i region {region}.",
            region=regions[region],
        )
        for name, region in SUBGROUPS
    ]
    Subgroup.objects.bulk_create(subgroups)
    for subgroup in subgroups:
        local = [o for o in organisations if o.region_id == subgroup.region_id]
        others = [o for o in organisations if o.region_id != subgroup.region_id]
        parties = rng.sample(local, min(10, len(local))) + rng.sample(others, 4)
        for organisation in parties:
            joined_on = day_between(rng, FIRST_DAY, LAST_DAY)
            memberships.append(
                period(organisation, Membership.Kind.SUBGROUP_PARTY, joined_on, subgroup=subgroup)
            )
    Membership.objects.bulk_create(memberships)
    return memberships


def make_agreements(rng, cluster, others, memberships) -> Counter:
    made: Counter = Counter()
    agreement = Agreement.objects.create(
        cluster=cluster,
        kind=Agreement.Kind.CLUSTER_AGREEMENT,
        title=f"Klyngeavtale for {cluster.short_name}",
        description="Avtale mellom partene om formål, organisering og finansiering.",
    )
    made["agreements"] += 1
    starts = [datetime.date(2016, 3, 1), datetime.date(2020, 1, 1), datetime.date(2024, 1, 1)]
    versions = [
        AgreementVersion(
            cluster=cluster,
            agreement=agreement,
            label=str(start.year),
            effective_from=start,
            decided_in=f"sak {rng.randrange(1, 40):02d}/{(start.year - 1) % 100:02d}",
        )
        for start in starts
    ]
    AgreementVersion.objects.bulk_create(versions)
    appendices, signatures = [], []
    participants = [m for m in memberships if m.kind == Membership.Kind.PARTICIPANT]
    for version, ends_on in zip(versions, starts[1:] + [LAST_DAY], strict=True):
        for number, title in enumerate(rng.sample(APPENDICES, rng.randint(2, 4)), start=1):
            appendices.append(
                AgreementAppendix(cluster=cluster, version=version, number=number, title=title)
            )
        # Whoever was a participant while a version was in force signed it.
        signers = {}
        for m in participants:
            if m.joined_on < ends_on and (m.left_on is None or m.left_on > version.effective_from):
                signed_on = max(m.joined_on, version.effective_from)
                signers.setdefault(m.organisation_id, signed_on + datetime.timedelta(days=14))
        signatures += [
            AgreementSignature(
                cluster=cluster, version=version, organisation_id=org_id, signed_on=signed_on
            )
            for org_id, signed_on in signers.items()
        ]
    AgreementAppendix.objects.bulk_create(appendices)
    AgreementSignature.objects.bulk_create(signatures)
    made["agreement versions"] += len(versions)
    made["appendices"] += len(appendices)
    made["signatures"] += len(signatures)

    for number in range(3):
        counterpart = others[number % len(others)] if others else None
        collaboration = Agreement.objects.create(
            cluster=cluster,
            kind=Agreement.Kind.COLLABORATION,
            title=f"Samarbeidsavtale {number + 1}",
            counterpart_cluster=counterpart,
            counterpart_name="" if counterpart else COUNTERPARTS[number],
        )
        AgreementVersion.objects.create(
            cluster=cluster,
            agreement=collaboration,
            label="1",
            effective_from=day_between(rng, FIRST_DAY, LAST_DAY),
        )
        made["agreements"] += 1
        made["agreement versions"] += 1
    return made


# Bodies of each cluster: name, address, kind, case number format, seats, meetings a year.
BODIES = [
    ("Styringsgruppen", "styringsgruppen", Body.Kind.STEERING_GROUP, "{number:02}/{yy}", 9, 5),
    ("Partnermøtet", "partnermotet", Body.Kind.PARTNER_MEETING, "{number:02}-{yy}", 20, 2),
]
# Ten cases a meeting, as a full agenda has them.
CASE_KINDS = [
    Case.Kind.NOTICE_APPROVAL,
    Case.Kind.MINUTES_APPROVAL,
    Case.Kind.ORIENTATION,
    Case.Kind.DECISION,
    Case.Kind.DECISION,
    Case.Kind.DISCUSSION,
    Case.Kind.ORIENTATION,
    Case.Kind.DECISION,
    Case.Kind.ELECTION,
    Case.Kind.OTHER_BUSINESS,
]
OSLO = ZoneInfo("Europe/Oslo")


def make_governance(rng, cluster, people, organisations) -> Counter:
    """Two bodies with members, substitutes and ten years of meetings, each with numbered
    cases, decisions and attendance; the last meeting is planned, the rest approved."""
    made: Counter = Counter()
    for name, slug, kind, number_format, seats, per_year in BODIES:
        body = Body.objects.create(
            cluster=cluster, name=name, slug=slug, kind=kind, case_number_format=number_format
        )
        roles = [Role.CHAIR, Role.DEPUTY_CHAIR] + [Role.MEMBER] * (seats - 2)
        members = rng.sample(people, seats + 2)
        appointments = Appointment.objects.bulk_create(
            Appointment(
                cluster=cluster,
                body=body,
                person=person,
                organisation=rng.choice(organisations),
                role=role,
                starts_on=FIRST_DAY,
                position=position,
            )
            for position, (person, role) in enumerate(zip(members, roles, strict=False))
        )
        Appointment.objects.bulk_create(
            Appointment(
                cluster=cluster,
                body=body,
                person=person,
                role=Role.SUBSTITUTE,
                substitute_for=appointments[n],
                starts_on=FIRST_DAY,
            )
            for n, person in enumerate(members[seats:])
        )
        meetings, cases, attendances, sequences = [], [], [], []
        for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
            months = sorted(rng.sample(range(1, 13), per_year))
            for month in months:
                day = datetime.date(year, month, rng.randrange(1, 29))
                meetings.append(
                    Meeting(
                        cluster=cluster,
                        body=body,
                        slug=day.isoformat(),
                        starts_at=datetime.datetime(year, month, day.day, 10, tzinfo=OSLO),
                        place="Bergen",
                        status=Meeting.Status.MINUTES_APPROVED,
                    )
                )
        meetings[-1].status = Meeting.Status.PLANNED
        Meeting.objects.bulk_create(meetings)
        numbers: Counter = Counter()
        for meeting in meetings:
            year = meeting.starts_at.year
            for position, case_kind in enumerate(CASE_KINDS):
                numbers[year] += 1
                cases.append(
                    Case(
                        cluster=cluster,
                        body=body,
                        meeting=meeting,
                        year=year,
                        number=numbers[year],
                        position=position,
                        kind=case_kind,
                        title=f"{case_kind.label} {numbers[year]}",
                        background="Saksframlegg med bakgrunn for saken. " * 8,
                        discussion="Møtet drøftet saken og kom med innspill. " * 6,
                        decision="Vedtak som foreslått." if case_kind == Case.Kind.DECISION else "",
                    )
                )
            for position, appointment in enumerate(appointments):
                attendances.append(
                    Attendance(
                        cluster=cluster,
                        meeting=meeting,
                        appointment=appointment,
                        person_id=appointment.person_id,
                        status=rng.choice(ATTENDANCE),
                        position=position,
                    )
                )
        sequences = [
            CaseSequence(cluster=cluster, body=body, year=year, last=last)
            for year, last in numbers.items()
        ]
        Case.objects.bulk_create(cases)
        Attendance.objects.bulk_create(attendances)
        CaseSequence.objects.bulk_create(sequences)
        made["bodies"] += 1
        made["meetings"] += len(meetings)
        made["cases"] += len(cases)
        made["attendances"] += len(attendances)
    return made


def make_plans(rng, cluster, organisations) -> Counter:
    """Polyfon's action plan (the reference's 2026 version, adopted), with participants on
    some measures, and a draft for 2027 rolled from it."""
    from samspill.plans import services as plan_services
    from samspill.plans.demo_plan import polyfon_2026
    from samspill.plans.models import ActionPlan, PlanVersion

    plan = ActionPlan.objects.create(
        cluster=cluster,
        title="Handlingsplan 2025-2030",
        slug="handlingsplan",
        period_start=2025,
        period_end=2030,
    )
    adopted = plan_services.version_create_from_outline(
        plan=plan, outline=polyfon_2026(), year=2026, actor=None
    )
    PlanVersion.objects.filter(pk=adopted.pk).update(
        status=PlanVersion.Status.ADOPTED, adopted_on=datetime.date(2025, 12, 12)
    )
    for measure in adopted.measures.all():
        measure.organisations.set(rng.sample(organisations, rng.randrange(0, 4)))
    draft = plan_services.rolling_start(plan=plan, year=2027, actor=None)
    return Counter(plan_versions=2, measures=2 * draft.measures.count())


ATTENDANCE = [Attendance.Status.PRESENT] * 6 + [
    Attendance.Status.REMOTE,
    Attendance.Status.ABSENT_WITH_NOTICE,
]


def generate(
    scale: int, seed: int = 1, *, organisations: int = ORGANISATIONS, people: int = PEOPLE
) -> list[Cluster]:
    """Add `scale` clusters with ten years of history; returns them in creation order.

    Each cluster gets `organisations` organisations and `people` people (by default the
    size of the two reference clusters together); memberships and affiliations follow.
    """
    if organisations < 20 or people < 10:
        raise ValueError("a cluster needs at least 20 organisations and 10 people")
    made: Counter = Counter()
    User = get_user_model()
    with scopes_disabled(), disable_auditlog(), transaction.atomic():
        # Numbering after existing bench clusters lets generate run twice on one database.
        start = Cluster.objects.filter(slug__startswith="bench-").count() + 1
        clusters = [
            cluster_create(
                name=f"Benkeklynge {i}",
                short_name=f"BK{i}",
                slug=f"bench-{i}",
                actor=None,
                description="Generert for ytelsesmåling.",
                vision="Bedre helse gjennom musikk.",
                languages=["nb"],
            )
            for i in range(start, start + scale)
        ]
        users = User.objects.bulk_create(
            [
                User(
                    email=f"bench-secretariat-{c.slug.removeprefix('bench-')}@example.org",
                    name=f"Sekretariat {c.short_name}",
                    password="!",
                )
                for c in clusters
            ]
        )
        ClusterRole.objects.bulk_create(
            ClusterRole(cluster=c, user=u, role=ClusterRole.Role.SECRETARIAT)
            for c, u in zip(clusters, users, strict=True)
        )
        for cluster, user in zip(clusters, users, strict=True):
            # One generator per cluster: bench-1 gets the same rows at every scale, so its
            # pages can be compared between scales. Numbers repeat across clusters, as the
            # same university takes part in several.
            rng = random.Random(f"{seed}:{cluster.slug}")
            numbers: set[str] = set()
            regions = {r.name: r for r in Region.objects.filter(cluster=cluster)}
            orgs = make_organisations(rng, cluster, regions, numbers, organisations)
            persons, affiliations = make_people(rng, cluster, orgs, people)
            nodes = make_nodes(rng, cluster, regions, orgs, affiliations)
            memberships = make_memberships(rng, cluster, regions, orgs, nodes)
            others = [c for c in clusters if c != cluster][:3]
            made += make_agreements(rng, cluster, others, memberships)
            made += make_governance(rng, cluster, persons, orgs)
            made += make_plans(rng, cluster, orgs)
            ImportBatch.objects.bulk_create(
                ImportBatch(
                    cluster=cluster,
                    kind=kind,
                    filename=f"{kind}.xlsx",
                    rows=[{"line": 2, "values": {}, "errors": []}],
                    created_by=user,
                    confirmed_at=timezone.now(),
                    imported_count=1,
                )
                for kind in ImportBatch.Kind
            )
            made["organisations"] += len(orgs)
            made["people"] += len(persons)
            made["affiliations"] += len(affiliations)
            made["nodes"] += len(nodes)
            made["memberships"] += len(memberships)
    print(Summary(len(clusters), made))
    return clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="how many clusters to add")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--organisations",
        type=int,
        default=ORGANISATIONS,
        help=f"organisations in each cluster (default {ORGANISATIONS}, as the references)",
    )
    parser.add_argument(
        "--people",
        type=int,
        default=PEOPLE,
        help=f"people in each cluster (default {PEOPLE})",
    )
    args = parser.parse_args()
    generate(args.scale, args.seed, organisations=args.organisations, people=args.people)


if __name__ == "__main__":
    main()
