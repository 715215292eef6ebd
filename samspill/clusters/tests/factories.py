import datetime
import random

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled

from samspill.accounts.tests.factories import UserFactory
from samspill.clusters import models
from samspill.clusters.imports import import_prepare
from samspill.clusters.services import cluster_create
from samspill.clusters.validators import organisation_number_check_digit


def valid_organisation_number(seed: int) -> str:
    rng = random.Random(seed)
    while True:
        first = str(rng.randint(8, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        check = organisation_number_check_digit(first)
        if check is not None:
            return f"{first}{check}"


def make_cluster(slug: str = "polyfon", name: str = "Polyfon kunnskapsklynge", **fields):
    return cluster_create(name=name, short_name=name.split()[0], slug=slug, actor=None, **fields)


class ScopedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


def _region(obj):
    with scopes_disabled():
        return models.Region.objects.filter(cluster=obj.cluster).first()


class OrganisationFactory(ScopedFactory):
    class Meta:
        model = models.Organisation

    name = factory.Sequence(lambda n: f"Organisasjon {n} {['Nord', 'Sør', 'Vest'][n % 3]}ly")
    organisation_number = factory.Sequence(valid_organisation_number)
    kind = models.Organisation.Kind.MUNICIPALITY
    region = factory.LazyAttribute(_region)


class PersonFactory(ScopedFactory):
    class Meta:
        model = models.Person

    name = factory.Faker("name", locale="no_NO")
    initials = factory.Sequence(lambda n: f"P{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.no")


class AffiliationFactory(ScopedFactory):
    class Meta:
        model = models.Affiliation

    cluster = factory.SelfAttribute("person.cluster")
    organisation = factory.SubFactory(
        OrganisationFactory, cluster=factory.SelfAttribute("..cluster")
    )


class MembershipFactory(ScopedFactory):
    class Meta:
        model = models.Membership

    organisation = factory.SubFactory(
        OrganisationFactory, cluster=factory.SelfAttribute("..cluster")
    )
    joined_on = datetime.date(2020, 1, 1)
    region = factory.SelfAttribute("organisation.region")


class NodeFactory(ScopedFactory):
    class Meta:
        model = models.Node

    name = factory.Sequence(lambda n: f"Knutepunkt {n}")
    region = factory.LazyAttribute(_region)


class SubgroupFactory(ScopedFactory):
    class Meta:
        model = models.Subgroup

    name = factory.Sequence(lambda n: f"Undergruppe {n}")


class AgreementFactory(ScopedFactory):
    class Meta:
        model = models.Agreement

    kind = models.Agreement.Kind.CLUSTER_AGREEMENT
    title = factory.Sequence(lambda n: f"Klyngeavtale {n}")


class AgreementVersionFactory(ScopedFactory):
    class Meta:
        model = models.AgreementVersion

    cluster = factory.SelfAttribute("agreement.cluster")
    label = factory.Sequence(lambda n: f"{2020 + n}")
    effective_from = datetime.date(2024, 1, 1)


# Rows of every kind ---------------------------------------------------------------------------


def registry_rows(cluster, n, year=2020) -> dict[str, int]:
    """n of every kind of row, linked the way real data is, for the query-count tests of the
    pages and the API: the primary keys of the objects their detail pages show, by URL name."""
    subgroup = SubgroupFactory(cluster=cluster)
    node = NodeFactory(cluster=cluster)
    agreement = AgreementFactory(cluster=cluster)
    version = AgreementVersionFactory(agreement=agreement, effective_from=f"{year}-01-01")
    person = PersonFactory(cluster=cluster)
    importer = UserFactory()
    for i in range(n):
        membership = MembershipFactory(cluster=cluster, node=node)
        MembershipFactory(
            cluster=cluster,
            kind="subgroup_party",
            subgroup=subgroup,
            organisation=membership.organisation,
        )
        AffiliationFactory(person=person, organisation=membership.organisation)
        PersonFactory(cluster=cluster)
        with scopes_disabled():
            version.signatures.create(
                cluster=cluster, organisation=membership.organisation, signed_on="2024-01-02"
            )
            version.appendices.create(cluster=cluster, number=i + 1, title="Vedlegg")
        OrganisationFactory(cluster=cluster, parent=membership.organisation)
        lines = [f"Kommune {year} {i} {row};municipality;;Vest" for row in range(n)]
        batch = import_prepare(
            cluster=cluster,
            kind="organisations",
            upload=SimpleUploadedFile(
                "fil.csv", "\n".join(["navn;type;orgnr;region", *lines]).encode()
            ),
            actor=importer,
        )
    with scopes_disabled():
        organisation = membership.organisation
    return {
        "clusters:organisation_detail": organisation.pk,
        "clusters:person_detail": person.pk,
        "clusters:node_detail": node.pk,
        "clusters:subgroup_detail": subgroup.pk,
        "clusters:agreement_detail": agreement.pk,
        "clusters:import_preview": batch.pk,
    }


def pdf_upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


def registry_objects(cluster, *, secretariat, role) -> dict:
    """One object of each kind, in `cluster`, for the tests that request every page
    (`objects` in samspill/conftest.py); `role` is a grant that may go."""
    with scopes_disabled():
        membership = MembershipFactory(cluster=cluster)
        person = PersonFactory(cluster=cluster)
        agreement = AgreementFactory(cluster=cluster)
        version = AgreementVersionFactory(
            agreement=agreement, document=pdf_upload("klyngeavtale.pdf")
        )
        return {
            "organisation": membership.organisation,
            "membership": membership,
            "person": person,
            "affiliation": AffiliationFactory(person=person, organisation=membership.organisation),
            "node": NodeFactory(cluster=cluster),
            "subgroup": SubgroupFactory(cluster=cluster),
            "agreement": agreement,
            "version": version,
            "appendix": version.appendices.create(
                cluster=cluster, number=1, title="Vedlegg", document=pdf_upload("vedlegg.pdf")
            ),
            "role": role,
            "import_batch": models.ImportBatch.objects.create(
                cluster=cluster, kind="organisations", filename="x.csv", created_by=secretariat
            ),
            "regions": list(models.Region.objects.filter(cluster=cluster).order_by("position")),
        }
