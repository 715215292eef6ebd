"""The participant registry: who takes part in a cluster, where, and under which agreement.

Every row except Cluster is `ClusterScoped`: it carries a `cluster` foreign key and a scoped
manager, so a query outside `django_scopes.scope(cluster=...)` fails instead of reading
another cluster's rows. The later apps' per-cluster models inherit it too.
"""

from .agreements import Agreement, AgreementAppendix, AgreementSignature, AgreementVersion
from .clusters import (
    DEFAULT_REGIONS,
    DOCUMENT_TYPES,
    RESERVED_SLUGS,
    Cluster,
    ClusterRole,
    ClusterScoped,
    Region,
    cluster_slug,
    validate_cluster_slug,
)
from .imports import ImportBatch
from .participants import (
    ENDS_BEFORE_START,
    Affiliation,
    County,
    Membership,
    MembershipQuerySet,
    Node,
    Organisation,
    Person,
    Subgroup,
)

__all__ = [
    "DEFAULT_REGIONS",
    "DOCUMENT_TYPES",
    "ENDS_BEFORE_START",
    "RESERVED_SLUGS",
    "Affiliation",
    "Agreement",
    "AgreementAppendix",
    "AgreementSignature",
    "AgreementVersion",
    "Cluster",
    "ClusterRole",
    "ClusterScoped",
    "County",
    "ImportBatch",
    "Membership",
    "MembershipQuerySet",
    "Node",
    "Organisation",
    "Person",
    "Region",
    "Subgroup",
    "cluster_slug",
    "validate_cluster_slug",
]
