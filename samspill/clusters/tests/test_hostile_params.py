"""No query string makes a server error: random and hostile values (huge and negative
numbers, unicode, NUL bytes, very long text, SQL-looking text, repeated parameters) for every
parameter of every page and every API operation, as anonymous visitor, member and secretariat.

The pages come from the URL configuration (`cluster_patterns` in samspill/conftest.py) and
their parameters from the form that reads them (`@parses_query`, filters.py), the API's from
its OpenAPI schema: a new page, operation or parameter is covered without changing this file.
"""

import inspect

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samspill.api import api
from samspill.conftest import client_for, cluster_patterns, page_url

pytestmark = pytest.mark.django_db

# Few examples per page (each sent as all three roles), but many pages: the suite runs twice
# in CI, on SQLite and on PostgreSQL.
HOSTILE = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# A page that reads no parameter of its own (a record, a form, a document) gets a tenth of
# the examples, at least 3: they show that it ignores what it is sent, through the code every
# page shares (the kept page's key, the middleware), which all pages together try many times.
FEW = max(3, HOSTILE.max_examples // 10)

# Every list page takes these (samspill/common/views.py: list_page).
LIST_PARAMETERS = ["page", "format"]

SPECIAL = [
    "",
    " ",
    "0",
    "-1",
    "1",
    "99999999999999999999",
    str(2**63),
    str(-(2**63) - 1),
    "9" * 5000,
    "1e400",
    "NaN",
    "-inf",
    "0x1F",
    "1_000",
    "²",
    "١٢",
    "１２",
    "\x00",
    "Vest\x00",
    "' OR 1=1 --",
    "1; DROP TABLE clusters_organisation; --",
    "%",
    "_",
    "\\",
    "%00",
    "<script>alert(1)</script>",
    "{{ request }}",
    "../../etc/passwd",
    "\u202eevil",
    "\r\nSet-Cookie: x=1",
    "Vest",
    "vest",
    "Øst",
    "csv",
    "xlsx",
]

_text = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be URL-encoded

VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.text(_text, max_size=60),
    st.builds(lambda c, n: c * n, st.text(_text, min_size=1, max_size=3), st.integers(60, 4000)),
)


def _queries(names: list[str], valid: list[str]) -> st.SearchStrategy[dict]:
    """Each known parameter or not, once or repeated, and perhaps some unknown ones."""
    value = st.one_of(VALUES, st.sampled_from(valid)) if valid else VALUES
    one_or_many = st.one_of(value, st.lists(value, min_size=2, max_size=4))
    known = st.fixed_dictionaries({}, optional={name: one_or_many for name in names})
    unknown = st.dictionaries(st.text(_text, min_size=1, max_size=12), value, max_size=2)
    return st.builds(lambda k, u: {**u, **k}, known, unknown)


# Pages -------------------------------------------------------------------------------------


def _pages() -> list[tuple[str, object]]:
    return [("home", None), *((name, p.callback) for name, p in cluster_patterns())]


def _form_parameters(view) -> tuple[list[str], list[str]]:
    """The parameter names of a page, and the valid values its form knows without data."""
    form_class = getattr(view, "query_form", None)
    names = list(LIST_PARAMETERS)
    valid = ["csv", "xlsx", "2", "2025"]
    if form_class is not None:
        for field_name, field in form_class.base_fields.items():
            names.append(field_name)
            valid += [str(value) for value, _label in getattr(field, "choices", [])]
    return names, valid


def _reads_query(view) -> bool:
    """Whether a page reads parameters: a filter form, a list (page, format), or request.GET
    in its own code."""
    if getattr(view, "query_form", None) is not None:
        return True
    source = inspect.getsource(inspect.unwrap(view))
    return any(sign in source for sign in ("request.GET", "list_page("))


def test_every_list_filter_is_covered():
    """The three filtered lists are found with their forms (guards the discovery above)."""
    found = {name: _form_parameters(view)[0] for name, view in _pages()}
    assert {"search", "kind", "region", "status"} <= set(found["clusters:organisation_list"])
    assert {"search", "organisation"} <= set(found["clusters:person_list"])
    assert {"region", "year", "status"} <= set(found["clusters:membership_list"])
    assert {"exclude", "name"} <= set(found["clusters:person_initials"])
    readers = {name for name, view in _pages() if name != "home" and _reads_query(view)}
    assert {"clusters:organisation_list", "governance:minutes_versions"} <= readers
    assert "governance:minutes_pdf" not in readers


@pytest.fixture
def clients(member, secretariat):
    return {
        "anonymous": client_for(None),
        "member": client_for(member),
        "secretariat": client_for(secretariat),
    }


# The pages are tried in a few groups, each with one set of records (`objects`, which takes
# longer to make than a page takes to try), so that the groups still run side by side.
GROUPS = 4


@pytest.mark.parametrize("group", range(GROUPS))
def test_no_query_string_makes_a_page_fail(group, clients, objects):
    pages = [page for n, page in enumerate(_pages()) if n % GROUPS == group]
    failures = []
    for name, view in pages:
        try:
            _try_page(name, view, clients, objects)
        except Exception as error:  # every page is tried; all failures are reported
            failures.append(f"{name}: {error!r}")
    assert not failures, "\n".join(failures)


def _try_page(name: str, view, clients: dict, objects: dict) -> None:
    target = reverse("home") if name == "home" else page_url(name, objects)
    names, valid = _form_parameters(view)
    examples = HOSTILE.max_examples if name == "home" or _reads_query(view) else FEW

    @settings(HOSTILE, max_examples=examples)
    @given(query=_queries(names, valid), htmx=st.booleans())
    def check(query, htmx):
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        for role, client in clients.items():
            response = client.get(target, query, **headers)
            assert response.status_code < 500, (role, target, query)

    check()


# API ---------------------------------------------------------------------------------------

PREFIX = "/api/v1"


def _operations() -> list[tuple[str, dict]]:
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    return [(path, operation["get"]) for path, operation in schema["paths"].items()]


def _schema_values(schema: dict) -> list[str]:
    """Allowed values and the values just inside and outside each bound."""
    found = []
    for option in [schema, *schema.get("anyOf", [])]:
        found += [str(value) for value in option.get("enum", [])]
        for bound in ("minimum", "maximum"):
            if bound in option:
                found += [str(option[bound] + step) for step in (-1, 0, 1)]
        if "maxLength" in option:
            found += ["x" * option["maxLength"], "x" * (option["maxLength"] + 1)]
    return found


def test_every_api_filter_is_covered():
    parameters = {
        path: [p["name"] for p in operation["parameters"] if p["in"] == "query"]
        for path, operation in _operations()
    }
    assert {"limit", "offset", "search", "kind", "region", "status", "year"} <= set(
        parameters[f"{PREFIX}/{{cluster}}/memberships"]
    )


def test_no_query_string_makes_an_api_operation_fail(clients, objects):
    failures = []
    for path, operation in _operations():
        try:
            _try_operation(path, operation, clients, objects)
        except Exception as error:  # every operation is tried; all failures are reported
            failures.append(f"{path}: {error!r}")
    assert not failures, "\n".join(failures)


def _try_operation(path: str, operation: dict, clients: dict, rows: dict) -> None:
    target = path.replace("{cluster}", "polyfon").replace("{pk}", str(rows["organisation"].pk))
    # A plan's version: the draft, which members read too.
    version = rows["draft_version"]
    target = target.replace("{plan}", version.plan.slug).replace("{year}", str(version.year))
    query_parameters = [p for p in operation["parameters"] if p["in"] == "query"]
    names = [p["name"] for p in query_parameters] or ["limit"]
    valid = [value for p in query_parameters for value in _schema_values(p["schema"])]

    @HOSTILE
    @given(query=_queries(names, valid))
    def check(query):
        for role, client in clients.items():
            response = client.get(target, query)
            assert response.status_code < 500, (role, query)
            if response.status_code == 422:
                assert response.json()["detail"][0]["loc"][0] == "query"

    check()
