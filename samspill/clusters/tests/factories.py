import datetime
import random

import factory
from django_scopes import scopes_disabled

from samspill.clusters import models
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
