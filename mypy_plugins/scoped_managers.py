"""mypy plugin: `get_object_or_404` on a django-scopes manager returns the model.

django-scopes builds each model's manager class at run time (`ScopedManager(cluster=…)`), so
django-stubs cannot name it and gives `Model.objects` a stand-in type that falls back to Any
(`UnknownManager[Model]`, its querysets `UnknownQuerySet[Model, Model]`). Such a type matches
every member of `get_object_or_404(klass: type[T] | Manager[T] | QuerySet[T])`, so mypy cannot
solve T and asks for an annotation at every call. The stand-in still carries the model as
its first type argument: this plugin returns that model, so

    organisation = get_object_or_404(Organisation.objects.select_related("region"), pk=pk)

is an `Organisation`, as it is for an ordinary manager. Listed in pyproject.toml [tool.mypy].
"""

from collections.abc import Callable

from mypy.plugin import FunctionContext, Plugin
from mypy.types import Instance, Type, get_proper_type

SHORTCUTS = {
    "django.shortcuts.get_object_or_404": False,
    "django.shortcuts.get_list_or_404": True,
}
MANAGER_OR_QUERYSET = ("django.db.models.manager.BaseManager", "django.db.models.query.QuerySet")


def _model_of_stand_in(ctx: FunctionContext) -> Type | None:
    """The model of a stand-in manager or queryset passed as the first argument, else None."""
    if not ctx.arg_types or not ctx.arg_types[0]:
        return None
    klass = get_proper_type(ctx.arg_types[0][0])
    if not (
        isinstance(klass, Instance)
        and klass.type.fallback_to_any
        and klass.args
        and any(klass.type.has_base(base) for base in MANAGER_OR_QUERYSET)
    ):
        return None
    return klass.args[0]


def _returns_list(ctx: FunctionContext) -> Type:
    model = _model_of_stand_in(ctx)
    if model is None:
        return ctx.default_return_type
    return ctx.api.named_generic_type("builtins.list", [model])


def _returns_model(ctx: FunctionContext) -> Type:
    model = _model_of_stand_in(ctx)
    return ctx.default_return_type if model is None else model


class ScopedManagersPlugin(Plugin):
    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        if fullname not in SHORTCUTS:
            return None
        return _returns_list if SHORTCUTS[fullname] else _returns_model


def plugin(version: str) -> type[Plugin]:
    return ScopedManagersPlugin
