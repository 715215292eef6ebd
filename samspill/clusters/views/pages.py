"""The form and delete pages every kind of registry record shares."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Model, ProtectedError
from django.forms import ModelForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from samspill.common.views import form_page

from ..access import MANAGE, ClusterView, RegistryRequest, cluster_view
from ..forms import ClusterModelForm
from ..models import Cluster
from ..services import record_delete, record_save


def _cancel(cluster: Cluster, record: Any, list_url: str) -> str:  # a model with a page
    """Where Cancel goes: back to the record, or to its list when it is new."""
    return record.get_absolute_url() if record.pk else reverse(list_url, args=[cluster.slug])


def record_form_page(
    request: RegistryRequest,
    cluster: Cluster,
    record: Model,
    *,
    form_class: type[ClusterModelForm],
    list_url: str,
    new_title: StrOrPromise,
    saved: StrOrPromise,
    save: Callable[[Any], Any] | None = None,
    initial: dict | None = None,
) -> HttpResponse:
    """Add or edit one registry record on the shared form page."""
    form = form_class(
        request.POST or None,
        request.FILES or None,
        instance=record,
        cluster=cluster,
        initial=initial,
    )
    return form_page(
        request,
        form=form,
        save=save or save_as(request),
        template="common/form_page.html",
        context={
            "title": _("Edit %(name)s") % {"name": record} if record.pk else new_title,
            "cancel_url": _cancel(cluster, record, list_url),
        },
        success_message=saved,
    )


def delete_page(
    request: RegistryRequest, record: Model, *, list_url: str, consequence: str = ""
) -> HttpResponse:
    """Confirm, then delete a record entered by mistake, or explain why it cannot go."""
    problem = ""
    if request.method == "POST":
        try:
            record_delete(record=record, actor=request.user)
        except ProtectedError:
            problem = _(
                "It cannot be deleted because other records refer to it. End its memberships "
                "or affiliations instead; they stay in the history."
            )
        else:
            messages.success(request, _("“%(name)s” is deleted.") % {"name": record})
            return redirect(list_url, cluster=request.cluster.slug)
    context = {"record": record, "problem": problem, "consequence": consequence}
    return render(request, "common/confirm_delete.html", context)


def save_as(request: RegistryRequest) -> Callable[[ModelForm], Model]:
    """The save callback for form_page: validate and save the form's instance as this user."""
    return lambda form: record_save(record=form.instance, actor=request.user)


def record_form_views(
    model: type[Model],
    *,
    form_class: type,
    list_url: str,
    new_title: StrOrPromise,
    saved: StrOrPromise,
    save: Callable[[RegistryRequest], Callable[[ModelForm], Model]] | None = None,
    new: Callable[[Cluster], Model] | None = None,
    initial: Callable[[RegistryRequest], dict | None] | None = None,
    permission: str = MANAGE,
) -> tuple[ClusterView[[]], ClusterView[[int]]]:
    """The add and the edit view of one kind of record, on the shared form page.

    `save` gives the service that saves (default: `record_save`), `new` the unsaved record a
    new one starts from, `initial` what the address fills in (a link from a subgroup page),
    `permission` who may (another app's records: its own "manage" permission).
    """
    name = model._meta.model_name

    def page(request: RegistryRequest, cluster: Cluster, record: Model) -> HttpResponse:
        return record_form_page(
            request,
            cluster,
            record,
            form_class=form_class,
            list_url=list_url,
            new_title=str(new_title),
            saved=str(saved),
            save=save(request) if save else None,
            initial=initial(request) if initial else None,
        )

    def create(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
        return page(request, cluster, new(cluster) if new else model(cluster=cluster))

    def edit(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
        return page(request, cluster, get_object_or_404(model, pk=pk))

    create.__name__ = create.__qualname__ = f"{name}_create"
    edit.__name__ = edit.__qualname__ = f"{name}_edit"
    return (
        cluster_view(permission, write=True)(create),
        cluster_view(permission, write=True)(edit),
    )
