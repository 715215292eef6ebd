from django.urls import path

from .views import documents, imports, measures, plans, versions

app_name = "plans"

VERSION = "plans/<slug:plan>/<int:year>/"

urlpatterns = [
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/import/", imports.plan_import, name="plan_import"),
    path("plans/strategies/new/", plans.strategy_create, name="strategy_create"),
    path("plans/strategies/<int:pk>/", plans.strategy_edit, name="strategy_edit"),
    path("plans/<slug:plan>/", plans.plan_detail, name="plan_detail"),
    path("plans/<slug:plan>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<slug:plan>/roll/", plans.rolling_start, name="rolling_start"),
    path(VERSION, versions.version_detail, name="version_detail"),
    path(f"{VERSION}edit/", versions.version_edit, name="version_edit"),
    path(f"{VERSION}changes/", versions.version_changes, name="version_changes"),
    path(f"{VERSION}coordination/", versions.coordination, name="coordination"),
    path(f"{VERSION}propose/", versions.version_propose, name="version_propose"),
    path(f"{VERSION}adopt/", versions.version_adopt, name="version_adopt"),
    path(f"{VERSION}plan.pdf", documents.plan_pdf, name="plan_pdf"),
    path(f"{VERSION}plan.docx", documents.plan_docx, name="plan_docx"),
    path(f"{VERSION}summary.pdf", documents.summary_pdf, name="summary_pdf"),
    path(f"{VERSION}chapters/<int:pk>/", measures.chapter_edit, name="chapter_edit"),
    path(
        f"{VERSION}chapters/<int:pk>/measures/new/", measures.measure_create, name="measure_create"
    ),
    path(f"{VERSION}measures/<int:pk>/", measures.measure_edit, name="measure_edit"),
    path(
        f"{VERSION}measures/<int:pk>/<slug:action>/",
        measures.measure_action,
        name="measure_action",
    ),
]
