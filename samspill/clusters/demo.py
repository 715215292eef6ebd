"""Demo registry: Polyfon and Alrek helseklynge as the reference documents describe them.

Organisations are real; people have invented names.
"""

import datetime
from typing import Any

from samspill.accounts.models import User

from .initials import suggest_initials
from .models import (
    Affiliation,
    Agreement,
    AgreementAppendix,
    AgreementSignature,
    AgreementVersion,
    Cluster,
    Membership,
    Node,
    Organisation,
    Person,
    Region,
    Subgroup,
)
from .services import cluster_create

K = Organisation.Kind
D = datetime.date

# name, short name, organisation number, kind, county, region, joined, left
POLYFON_ORGANISATIONS: list[tuple[Any, ...]] = [
    ("Universitetet i Bergen", "UiB", "874789542", K.UNIVERSITY, "vestland", "Vest", D(2017, 1, 1)),
    (
        "Høgskulen på Vestlandet",
        "HVL",
        "917641404",
        K.UNIVERSITY,
        "vestland",
        "Vest",
        D(2017, 1, 1),
    ),
    ("Norges musikkhøgskole", "NMH", "971545887", K.UNIVERSITY, "oslo", "Øst", D(2017, 1, 1)),
    ("Universitetet i Agder", "UiA", "970546200", K.UNIVERSITY, "agder", "Sør", D(2019, 3, 1)),
    (
        "NORCE Norwegian Research Centre",
        "NORCE",
        "919408049",
        K.RESEARCH_INSTITUTE,
        "vestland",
        "Vest",
        D(2018, 1, 1),
    ),
    (
        "Helse Bergen HF",
        "Helse Bergen",
        "983974724",
        K.SPECIALIST_HEALTH,
        "vestland",
        "Vest",
        D(2017, 1, 1),
    ),
    (
        "Oslo universitetssykehus HF",
        "OUS",
        "993467049",
        K.SPECIALIST_HEALTH,
        "oslo",
        "Øst",
        D(2018, 6, 1),
    ),
    (
        "Sørlandet sykehus HF",
        "SSHF",
        "983975267",
        K.SPECIALIST_HEALTH,
        "agder",
        "Sør",
        D(2020, 1, 1),
    ),
    (
        "St. Olavs hospital HF",
        "St. Olavs",
        "883974832",
        K.SPECIALIST_HEALTH,
        "trondelag",
        "Midt",
        D(2022, 1, 1),
    ),
    ("Bergen kommune", "", "964338531", K.MUNICIPALITY, "vestland", "Vest", D(2017, 1, 1)),
    ("Oslo kommune", "", "958935420", K.MUNICIPALITY, "oslo", "Øst", D(2019, 1, 1)),
    ("Kristiansand kommune", "", "963296746", K.MUNICIPALITY, "agder", "Sør", D(2021, 1, 1)),
    ("Vestland fylkeskommune", "VLFK", "821311632", K.COUNTY, "vestland", "Vest", D(2019, 1, 1)),
    (
        "Barne-, ungdoms- og familieetaten region vest",
        "Bufetat vest",
        "986128433",
        K.STATE_AGENCY,
        "vestland",
        "Vest",
        D(2025, 3, 1),
    ),
    ("Mental Helse", "", "970988807", K.USER_ORGANISATION, "oslo", "Øst", D(2018, 1, 1)),
    (
        "Norsk musikkterapeutforening",
        "NMF",
        "971347333",
        K.USER_ORGANISATION,
        "oslo",
        "Øst",
        D(2017, 1, 1),
    ),
    (
        "Universitetet i Tromsø – Norges arktiske universitet",
        "UiT",
        "970422528",
        K.UNIVERSITY,
        "troms",
        "Nord",
        D(2025, 6, 1),
    ),
    (
        "Stavanger universitetssjukehus",
        "SUS",
        "983974929",
        K.SPECIALIST_HEALTH,
        "rogaland",
        "Vest",
        D(2025, 9, 1),
    ),
    ("Drammen kommune", "", "939214895", K.MUNICIPALITY, "buskerud", "Øst", D(2025, 10, 1)),
    # New participants in 2026, the first year of the OPPTAKT node trial.
    (
        "Sykehuset Innlandet HF",
        "SI",
        "983971709",
        K.SPECIALIST_HEALTH,
        "innlandet",
        "Øst",
        D(2026, 3, 1),
    ),
    ("Trondheim kommune", "", "942110464", K.MUNICIPALITY, "trondelag", "Midt", D(2026, 9, 1)),
    (
        "Musikkbasert miljøbehandling AS",
        "",
        "",
        K.BUSINESS,
        "trondelag",
        "Midt",
        D(2020, 1, 1),
        D(2023, 12, 31),
    ),
]

# The three new parties of Partssamarbeid Vestland (2025) and the county that hosts it.
VESTLAND_PARTIES = [
    ("Askøy kommune", "964338442"),
    ("Voss herad", "964967636"),
    ("Sogndal kommune", "964968519"),
]

PEOPLE = [
    ("Ingrid Solheim", "Klyngeleder", "UiB"),
    ("Jonas Haugland", "Professor i musikkterapi", "UiB"),
    ("Marte Lie Aasen", "Førsteamanuensis", "HVL"),
    ("Torbjørn Vik", "Dekan", "NMH"),
    ("Silje Bakken", "Musikkterapeut", "Helse Bergen"),
    ("Kari Nordby", "Koordinator for brukermedvirkning", "UiB"),
    ("Anders Myklebust", "Seksjonsleder", "OUS"),
    ("Hanne Rasmussen", "Enhetsleder", "Bergen kommune"),
    ("Erik Tveit", "Forsker", "NORCE"),
    ("Liv Kristiansen", "Rådgiver", "VLFK"),
    ("Per Olav Strand", "Fagsjef", "SSHF"),
    ("Nora Aune", "Erfaringsrepresentant", "Mental Helse"),
]

ALREK_ORGANISATIONS = [
    ("Universitetet i Bergen", "UiB", "874789542", K.UNIVERSITY),
    ("Universitetet i Bergen, rektoratet", "UiB-rektorat", "", K.UNIVERSITY),
    ("Universitetet i Bergen, Det medisinske fakultet", "UiB-MED", "", K.UNIVERSITY),
    ("Høgskulen på Vestlandet", "HVL", "917641404", K.UNIVERSITY),
    ("Helse Bergen HF", "Helse Bergen", "983974724", K.SPECIALIST_HEALTH),
    ("Bergen kommune", "", "964338531", K.MUNICIPALITY),
    ("Haraldsplass Diakonale Sykehus", "HDS", "", K.SPECIALIST_HEALTH),
    ("NORCE Norwegian Research Centre", "NORCE", "919408049", K.RESEARCH_INSTITUTE),
    ("Folkehelseinstituttet", "FHI", "983744516", K.STATE_AGENCY),
    ("VID vitenskapelige høgskole", "VID", "997942213", K.UNIVERSITY),
    ("Vestland fylkeskommune / Tannhelsetjenesten", "VLFK", "821311632", K.COUNTY),
]

ALREK_COLLABORATIONS = [
    "Kunnskapskommunen Helse Omsorg Vest",
    "Senter for kvalitet i legetjenester (SKIL)",
]


def load(*, actor: User | None) -> tuple[Cluster, Cluster]:
    polyfon = _polyfon(actor)
    alrek = _alrek(actor, polyfon)
    return polyfon, alrek


_ASCII: dict[str, str | int | None] = {"ø": "o", "å": "a", "æ": "ae", " ": "."}


def _email(name: str) -> str:
    ascii_name = name.lower().translate(str.maketrans(_ASCII))
    return ascii_name.replace("..", ".") + "@example.no"


def _people(cluster, organisations_by_short, people):
    taken: set[str] = set()
    created = []
    for name, title, org_key in people:
        initials = suggest_initials(name, taken)
        taken.add(initials)
        person = Person.objects.create(
            cluster=cluster,
            name=name,
            title=title,
            initials=initials,
            email=name.lower().replace(" ", ".").replace("ø", "o").replace("å", "a")
            + "@example.no",
        )
        Affiliation.objects.create(
            cluster=cluster,
            person=person,
            organisation=organisations_by_short[org_key],
            position=title,
        )
        created.append(person)
    return created


def _polyfon(actor: User | None) -> Cluster:
    cluster = cluster_create(
        name="Polyfon kunnskapsklynge for musikkterapi",
        short_name="Polyfon",
        slug="polyfon",
        actor=actor,
        description=(
            "Polyfon skal styrke musikkterapi som helse- og sosialfaglig arbeid, utdanningsveg og "
            "forskingsområde i Noreg, og samtidig støtte og stimulere annan bruk av musikk som "
            "ressurs for livskvalitet, meistring, læring og samfunnsdeltaking."
        ),
        vision="Musikk som helseressurs for alle.",
        languages=["nn", "nb"],
    )
    regions = {r.name: r for r in Region.objects.filter(cluster=cluster)}
    by_short = {}
    for row in POLYFON_ORGANISATIONS:
        name, short, number, kind, county, region, joined = row[:7]
        left = row[7] if len(row) > 7 else None
        org = Organisation.objects.create(
            cluster=cluster,
            name=name,
            short_name=short,
            organisation_number=number,
            kind=kind,
            county=county,
            region=regions[region],
        )
        by_short[short or name] = org
        Membership.objects.create(
            cluster=cluster,
            organisation=org,
            joined_on=joined,
            left_on=left,
        )
    Organisation.objects.create(
        cluster=cluster,
        name="Griegakademiet – Institutt for musikk",
        short_name="Griegakademiet",
        kind=K.UNIVERSITY,
        county="vestland",
        region=regions["Vest"],
        parent=by_short["UiB"],
    )
    people = _people(cluster, by_short, PEOPLE)

    # OPPTAKT (2026–2028) tries out the node model in the regions Øst, Sør and Vest.
    nodes = {}
    for region, host, coordinator in (
        ("Øst", "NMH", people[3]),
        ("Sør", "UiA", people[10]),
        ("Vest", "HVL", people[2]),
    ):
        nodes[region] = Node.objects.create(
            cluster=cluster,
            name=f"Knutepunkt {region}",
            region=regions[region],
            host_organisation=by_short[host],
            coordinator=coordinator,
            status=Node.Status.TRIAL,
            starts_on=D(2026, 1, 1),
            ends_on=D(2028, 12, 31),
        )
    for membership in Membership.objects.filter(
        cluster=cluster, left_on__isnull=True
    ).select_related("organisation__region", "region"):
        region = membership.effective_region
        if region and region.name in nodes:
            membership.node = nodes[region.name]
            membership.save(update_fields=["node"])

    vestland = Subgroup.objects.create(
        cluster=cluster,
        name="Partssamarbeid Vestland",
        region=regions["Vest"],
        description=(
            "Undergruppe for partssamarbeid i Vestland, omorganisert i 2025 etter et nytt "
            "undergruppekonsept. Tre nye kommunar kom til som partar i 2025."
        ),
    )
    Membership.objects.create(
        cluster=cluster,
        organisation=by_short["VLFK"],
        kind=Membership.Kind.SUBGROUP_PARTY,
        subgroup=vestland,
        joined_on=D(2021, 1, 1),
        notes="Fylkeskommunen koordinerer partssamarbeidet; ny kontaktperson fra 2025.",
    )
    for name, number in VESTLAND_PARTIES:
        org = Organisation.objects.create(
            cluster=cluster,
            name=name,
            organisation_number=number,
            kind=K.MUNICIPALITY,
            county="vestland",
            region=regions["Vest"],
        )
        Membership.objects.create(
            cluster=cluster,
            organisation=org,
            kind=Membership.Kind.SUBGROUP_PARTY,
            subgroup=vestland,
            joined_on=D(2025, 5, 1),
        )

    agreement = Agreement.objects.create(
        cluster=cluster, kind=Agreement.Kind.CLUSTER_AGREEMENT, title="Klyngeavtale for Polyfon"
    )
    old = AgreementVersion.objects.create(
        cluster=cluster, agreement=agreement, label="2020", effective_from=D(2020, 1, 1)
    )
    new = AgreementVersion.objects.create(
        cluster=cluster,
        agreement=agreement,
        label="2026",
        effective_from=D(2026, 1, 1),
        decided_in="Styringsgruppa, sak 14/25",
    )
    for appendix_number, title in enumerate(
        [
            "Mandat for styringsgruppa",
            "Erfaringspanelet",
            "Knutepunktmodellen",
            "Økonomi og samarbeidsmidlar",
            "Undergrupper i klyngesamarbeidet",
        ],
        start=1,
    ):
        AgreementAppendix.objects.create(
            cluster=cluster, version=new, number=appendix_number, title=title
        )
    active = Membership.objects.filter(cluster=cluster).active().select_related("organisation")
    members = list({m.organisation_id: m.organisation for m in active}.values())
    for org in members:
        if org.memberships.filter(joined_on__lt=D(2020, 1, 1)).exists():
            AgreementSignature.objects.create(
                cluster=cluster, version=old, organisation=org, signed_on=D(2020, 2, 1)
            )
    not_yet = {"NMF", "Drammen kommune", "SUS", "Mental Helse"}
    for org in members:
        if (org.short_name or org.name) not in not_yet:
            joined = min(m.joined_on for m in active if m.organisation_id == org.pk)
            AgreementSignature.objects.create(
                cluster=cluster,
                version=new,
                organisation=org,
                signed_on=max(D(2025, 12, 15), joined),
            )
    Agreement.objects.create(
        cluster=cluster,
        kind=Agreement.Kind.COLLABORATION,
        title="Samarbeidsavtale med Agenda Vestlandet om OPPTAKT",
        counterpart_name="Agenda Vestlandet – stiftelsen fra Sparebanken Norge",
        description="Bevilgning på 7,53 mill. kr til utprøving av knutepunktmodellen 2026–2028.",
    )
    return cluster


def _alrek(actor: User | None, polyfon: Cluster) -> Cluster:
    cluster = cluster_create(
        name="Alrek helseklynge",
        short_name="Alrek",
        slug="alrek",
        actor=actor,
        description=(
            "Alrek helseklynge er en arena for samarbeid om forskning, utdanning og innovasjon "
            "innen helse i Bergen og Vestland."
        ),
        languages=["nb"],
        # Alrek's partners are all in Bergen and Vestland; the national regions would show
        # every other region as a gap in the balance picture.
        regions=["Vest"],
    )
    vest = Region.objects.get(cluster=cluster, name="Vest")
    by_short = {}
    for name, short, number, kind in ALREK_ORGANISATIONS:
        org = Organisation.objects.create(
            cluster=cluster,
            name=name,
            short_name=short,
            organisation_number=number,
            kind=kind,
            county="vestland",
            region=vest,
        )
        by_short[short or name] = org
        Membership.objects.create(cluster=cluster, organisation=org, joined_on=D(2018, 1, 1))
    for unit in ("UiB-MED", "UiB-rektorat"):
        by_short[unit].parent = by_short["UiB"]
        by_short[unit].save(update_fields=["parent"])
    _people(
        cluster,
        by_short,
        [
            ("Marit Hovland", "Rektor", "UiB"),
            ("Geir Grøttum", "Prorektor", "UiB-rektorat"),
            ("Gunnar Yttre", "Prorektor", "HVL"),
            ("Eirik Hammer", "Fagdirektør", "Helse Bergen"),
            ("Kjetil A. Wold", "Direktør", "Bergen kommune"),
            ("Kristin Fjeld", "Direktør", "HDS"),
            ("Jon Håkon Kasin", "Direktør", "NORCE"),
            ("Gunn Pernille Knutsen", "Områdedirektør", "FHI"),
            ("Bjørn Mæhle", "Rektor", "VID"),
            ("Lakshmi Murugan", "Tannhelsesjef", "VLFK"),
            ("Petter Bakke", "Dekan", "UiB-MED"),
            ("Karl Specht-Berg", "Leder av styringsgruppen", "UiB"),
            ("Berit Angell", "Klyngefasilitator", "UiB-MED"),
            ("Kristin Walde", "Sekretariat", "UiB-MED"),
        ],
    )
    collaborations = [
        Agreement.objects.create(
            cluster=cluster,
            kind=Agreement.Kind.COLLABORATION,
            title="Samarbeidsavtale Alrek – Polyfon",
            counterpart_cluster=polyfon,
            description="Behandlet av Styringsgruppen 03.06.22 (sak 21/22).",
        )
    ]
    for name in ALREK_COLLABORATIONS:
        collaborations.append(
            Agreement.objects.create(
                cluster=cluster,
                kind=Agreement.Kind.COLLABORATION,
                title=f"Samarbeidsavtale Alrek – {name}",
                counterpart_name=name,
                description="Behandlet av Styringsgruppen 03.06.22 (sak 21/22).",
            )
        )
    for agreement in collaborations:
        AgreementVersion.objects.create(
            cluster=cluster,
            agreement=agreement,
            label="2022",
            effective_from=D(2022, 7, 1),
            decided_in="Styringsgruppen, sak 21/22",
        )
    return cluster
