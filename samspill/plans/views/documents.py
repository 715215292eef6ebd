"""A version of the plan as PDF and Word, and its summary alone as PDF."""

from django.http import HttpResponse

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.models import Cluster

from .. import documents, queries, word
from ..models import PlanVersion
from ..permissions import VIEW_PLANS

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _version(cluster: Cluster, plan: str, year: int) -> PlanVersion:
    version = queries.version_or_404(plan, year)
    version.cluster = cluster
    return version


@cluster_view(VIEW_PLANS)
def plan_pdf(request: RegistryRequest, cluster: Cluster, plan: str, year: int) -> HttpResponse:
    version = _version(cluster, plan, year)
    return file_response(
        documents.plan_pdf(version), PDF, documents.filename(version, kind="plan", extension="pdf")
    )


@cluster_view(VIEW_PLANS)
def summary_pdf(request: RegistryRequest, cluster: Cluster, plan: str, year: int) -> HttpResponse:
    version = _version(cluster, plan, year)
    return file_response(
        documents.plan_pdf(version, summary_only=True),
        PDF,
        documents.filename(version, kind="summary", extension="pdf"),
    )


@cluster_view(VIEW_PLANS)
def plan_docx(request: RegistryRequest, cluster: Cluster, plan: str, year: int) -> HttpResponse:
    version = _version(cluster, plan, year)
    return file_response(
        word.plan_docx(version), DOCX, documents.filename(version, kind="plan", extension="docx")
    )
