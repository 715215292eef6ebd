"""Measure pages with one cluster in the database and with N: queries must not grow with N.

    python -m bench.run [--scale 50] [--repeat 15] [--organisations 1000 --people 1000]

Both scales are measured in one throwaway database (a SQLite file in a temporary directory, or
the database samspill_bench on the PostgreSQL server DATABASE_URL points to) by a child
process, `python -m bench.run --measure-only --scale N`: it migrates once, builds the first
cluster and measures it alone, then adds N − 1 clusters and measures the same cluster again,
and prints both results as JSON.
"""

import argparse
import contextlib
import cProfile
import json
import logging
import os
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.db.models import Model
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django_scopes import scopes_disabled

from bench.generate import ORGANISATIONS, PEOPLE, generate, organisation_number
from samspill.clusters.imports import import_prepare
from samspill.clusters.models import (
    Agreement,
    ClusterRole,
    Node,
    Organisation,
    Person,
    Subgroup,
)
from samspill.governance.models import Body, Meeting
from samspill.plans.models import PlanVersion


@dataclass(frozen=True)
class Page:
    name: str
    model: type[Model] | None = None  # a detail page shows the first such object in the cluster
    in_cluster: bool = True  # takes the cluster's slug
    where: tuple[tuple[str, str], ...] = ()  # which of the model's objects: (field, value)

    @property
    def key(self) -> str:
        """The page's name in the results: its URL name, and which object where that matters."""
        return f"{self.name} ({', '.join(v for _, v in self.where)})" if self.where else self.name


# Every page a capability adds belongs here, so that its cost is watched as the data grows.
PAGES = [
    Page("home", in_cluster=False),
    Page("website:cluster_home"),
    Page("website:participants"),
    Page("website:bodies"),
    Page("clusters:dashboard"),
    Page("clusters:organisation_list"),
    Page("clusters:organisation_detail", Organisation),
    Page("clusters:person_list"),
    Page("clusters:person_detail", Person),
    Page("clusters:membership_list"),
    Page("clusters:node_list"),
    Page("clusters:node_detail", Node),
    Page("clusters:subgroup_list"),
    Page("clusters:subgroup_detail", Subgroup),
    Page("clusters:agreement_list"),
    Page("clusters:agreement_detail", Agreement),
    Page("clusters:balance"),
    Page("clusters:import_list"),
    Page("clusters:cluster_edit"),
    Page("clusters:regions_edit"),
    Page("clusters:role_list"),
    Page("clusters:organisation_create"),
    Page("governance:body_list"),
    Page("governance:body_detail", Body),
    Page("governance:meeting_detail", Meeting),
    Page("governance:decision_list"),
    Page("website:plan"),
    Page("plans:plan_list"),
    Page("plans:version_detail", PlanVersion, where=(("status", "adopted"),)),
    Page("plans:version_detail", PlanVersion, where=(("status", "draft"),)),
    Page("plans:version_changes", PlanVersion, where=(("status", "draft"),)),
    Page("plans:coordination", PlanVersion, where=(("status", "adopted"),)),
    Page("api:participant_list"),
    Page("api:organisation_list"),
    Page("api:person_list"),
    Page("api:membership_list"),
]
MINIMAL = Page("bench_minimal", in_cluster=False)
IMPORT = "import_preview"
DOCUMENT = "documents"
WARM_UPS = 2
REPEATED = 10  # a query shape seen this often in one request is noted as a probable N+1


def most_repeated(statements: list[str]) -> tuple[int, str]:
    """The query that runs most often once its values are blanked out: a loop's fingerprint."""
    shapes = Counter(re.sub(r"'[^']*'|\b\d+\b", "?", sql) for sql in statements)
    shape, count = shapes.most_common(1)[0] if shapes else ("", 0)
    return count, shape


def measure_page(client, page: Page, cluster, repeat: int) -> dict:
    kwargs = {"cluster": cluster.slug} if page.in_cluster else {}
    if page.model is not None:
        with scopes_disabled():
            found = page.model.objects.filter(cluster=cluster, **dict(page.where))
            obj = found.order_by("pk").first()
        if obj is None:
            return {"skipped": f"no {page.model.__name__} in the cluster"}
        # Records addressed by more than their id (a meeting by its body and date) say how.
        kwargs = obj.url_kwargs() if hasattr(obj, "url_kwargs") else {**kwargs, "pk": obj.pk}
    try:
        url = reverse(page.name, kwargs=kwargs)
    except NoReverseMatch:
        return {"skipped": "URL name does not reverse (view not written yet?)"}
    try:
        # Counting queries needs the page kept once; timing it needs a steady state.
        for _ in range(WARM_UPS if repeat else 1):
            client.get(url)
        # Queries are counted on a request of their own: capturing them slows the timed ones.
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        # Read now: the next request resets the connection's query log that `captured` slices.
        queries = len(captured.captured_queries)
        repeated = most_repeated([q["sql"] for q in captured.captured_queries])
        if repeat == 0:  # queries only (the test suite's smoke test): no timing, no profile
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            return {
                "url": url,
                "status": response.status_code,
                "queries": queries,
                "cold_queries": len(captured.captured_queries),
                "repeated": max(
                    repeated, most_repeated([q["sql"] for q in captured.captured_queries])
                ),
            }
        # Python function calls of one request: a cost that other work on the machine does
        # not change, unlike the time.
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(url)
        profiler.disable()
        calls = pstats.Stats(profiler).total_calls
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        # The same page as its first visitor after a change gets it: nothing kept.
        cold_times = []
        for _ in range(repeat):
            cache.clear()
            start = time.perf_counter()
            client.get(url)
            cold_times.append((time.perf_counter() - start) * 1000)
        cache.clear()
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(url)
        profiler.disable()
        cold_calls = pstats.Stats(profiler).total_calls
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        cold_queries = len(captured.captured_queries)
        # A loop that queries per row shows on the page made anew, not on the kept one.
        repeated = max(repeated, most_repeated([q["sql"] for q in captured.captured_queries]))
    except Exception as error:  # a broken view is reported, not fatal
        return {"skipped": f"{type(error).__name__}: {error}".splitlines()[0][:200]}
    return {
        "url": url,
        "status": response.status_code,
        "queries": queries,
        "cold_queries": cold_queries,
        "repeated": repeated,
        "calls": calls,
        "median_ms": statistics.median(times),
        "cold_calls": cold_calls,
        "cold_median_ms": statistics.median(cold_times),
    }


IMPORT_SIZES = "200,2000"  # rows in the files whose import preview is measured


def import_file(rows: int) -> bytes:
    """An organisations file as a secretariat brings it: names, kinds, numbers, regions."""
    rng = random.Random(rows)
    taken: set[str] = set()
    kinds = ["Kommune", "Universitet eller høgskole", "Spesialisthelsetjeneste", "Næringsliv"]
    regions = ["Øst", "Sør", "Vest", "Midt", "Nord"]
    lines = ["Navn;Type;Organisasjonsnummer;Region;Nettside"]
    for n in range(rows):
        number = organisation_number(rng, taken)
        lines.append(
            f"Importert organisasjon {n} {rng.choice(regions)};{rng.choice(kinds)};{number};"
            f"{rng.choice(regions)};https://org{n}.example.no"
        )
    return "\n".join(lines).encode("utf-8")


def measure_import(cluster, user, sizes: list[int]) -> dict:
    """The import preview of a file of each size: its time and its number of queries."""
    results = {}
    # One preview first, so that one-off lookups (content types for the audit log) are cached.
    import_prepare(
        cluster=cluster,
        kind="organisations",
        upload=SimpleUploadedFile("warm-up.csv", import_file(5)),
        actor=user,
    )
    for rows in sizes:
        upload = SimpleUploadedFile(f"bench-{rows}.csv", import_file(rows))
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            batch = import_prepare(cluster=cluster, kind="organisations", upload=upload, actor=user)
            elapsed = time.perf_counter() - start
        results[str(rows)] = {
            "ms": elapsed * 1000,
            "queries": len(captured.captured_queries),
            "importable": len(batch.good_rows),
        }
    return results


DOCUMENTS = ["governance:minutes_pdf", "governance:minutes_docx", "plans:plan_pdf"]


def measure_documents(client, cluster, repeat: int) -> dict:
    """The minutes of a meeting as PDF and Word, made anew each time: their time (made once,
    without a warm-up, with `repeat` 0)."""
    with scopes_disabled():
        meeting = Meeting.objects.filter(cluster=cluster).order_by("pk").first()
        plan = PlanVersion.objects.select_related("plan").filter(cluster=cluster, status="adopted")
        about = {"governance": meeting, "plans": plan.first()}
    results = {}
    for name in DOCUMENTS:
        url = reverse(name, kwargs=about[name.partition(":")[0]].url_kwargs())
        if repeat:
            client.get(url)
        times = []
        for _ in range(3 if repeat else 1):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        results[name] = {"ms": statistics.median(times), "status": response.status_code}
    return results


def measure(
    scale: int,
    repeat: int,
    organisations: int = ORGANISATIONS,
    people: int = PEOPLE,
    import_sizes: list[int] | None = None,
) -> dict[str, dict]:
    """In the current (throwaway) database, measure the first cluster alone and then with
    `scale` − 1 others; the import is measured once, where the cluster has the most company."""
    name = str(settings.DATABASES["default"]["NAME"])
    if "bench" not in name:
        sys.exit(f"refusing to fill {name}: --measure-only is for the bench's own databases")
    # No HTTPS redirect and no manifest of collected static files under the test client.
    override_settings(
        ROOT_URLCONF="bench.urls",
        SECURE_SSL_REDIRECT=False,
        # The bench's secretariat logs in without a second factor.
        SAMSPILL_SECRETARIAT_2FA=False,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    # Not Found lines and the missing collectstatic directory are the bench's doing, not news.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message="No directory at")
    results: dict[str, dict] = {}
    built = 0
    for size in sorted({1, scale}):
        print(f"Building and measuring scale {size} …", file=sys.stderr, flush=True)
        # stdout carries the JSON result; progress goes to stderr.
        with contextlib.redirect_stdout(sys.stderr):
            if not built:
                # Tables straight from the models, as `pytest --nomigrations` makes them: the
                # same schema (makemigrations --check holds them equal) in a fraction of the
                # time the migrations take one by one.
                no_migrations = {app.label: None for app in apps.get_app_configs()}
                with override_settings(MIGRATION_MODULES=no_migrations):
                    call_command("migrate", verbosity=0, run_syncdb=True)
            # `generate` numbers after the clusters already there: bench-1 stays the same.
            generate(size - built, organisations=organisations, people=people)
        built = size
        with scopes_disabled():
            role = ClusterRole.objects.select_related("cluster", "user").get(
                cluster__slug="bench-1", role=ClusterRole.Role.SECRETARIAT
            )
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(role.user)
        pages = [MINIMAL, *PAGES]
        result = {page.key: measure_page(client, page, role.cluster, repeat) for page in pages}
        if size == scale and import_sizes:
            result[IMPORT] = measure_import(role.cluster, role.user, import_sizes)
        if size == scale:
            result[DOCUMENT] = measure_documents(client, role.cluster, repeat)
        results[str(size)] = result
    return results


def database_url(tmp: str) -> str:
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp}/bench.sqlite3"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/samspill_bench"))


@contextlib.contextmanager
def server_database():
    """On PostgreSQL, a database of its own, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield
        return
    name = connection.ops.quote_name("samspill_bench")
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name}")
    try:
        yield
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")


def run_scales(scale: int, repeat: int, tmp: str, sizes: list[str]) -> dict[str, dict] | None:
    """Measure scale 1 and `scale` in a child process; `sizes` are the child's size options."""
    with server_database():
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.run",
                "--measure-only",
                f"--scale={scale}",
                f"--repeat={repeat}",
                *sizes,
            ],
            env={**os.environ, "DATABASE_URL": database_url(tmp)},
            stdout=subprocess.PIPE,
            text=True,
        )
    if child.returncode != 0:
        print(f"Measuring failed (exit code {child.returncode}).", file=sys.stderr)
        return None
    return json.loads(child.stdout.strip().splitlines()[-1])


def report(small: dict | None, large: dict | None, scale: int) -> None:
    if small is None or large is None:
        print("No results: a scale failed to build or measure; see the errors above.")
        print("flat: no; worst ratio: n/a")
        return
    floor = large[MINIMAL.name].get("median_ms")
    floor_calls = large[MINIMAL.name].get("calls")
    print(
        f"| page | queries at scale 1 | queries at scale {scale} | median ms at scale {scale} "
        "| ratio | calls | calls ratio | cold ms | cold ratio | cold calls ratio |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    notes, flat, ratios, call_ratios = [], True, [], []
    for page in [MINIMAL, *PAGES]:
        one, many = small.get(page.key, {}), large.get(page.key, {})
        if "queries" not in one or "queries" not in many:
            why = one.get("skipped") or many.get("skipped") or "not measured"
            notes.append(f"- {page.key}: skipped: {why}")
            continue
        same = one["queries"] == many["queries"] and one["cold_queries"] == many["cold_queries"]
        mark = "" if same else " ⚠"
        flat = flat and not mark
        counts = (
            f"| {page.key} | {one['queries']} / {one['cold_queries']} "
            f"| {many['queries']} / {many['cold_queries']}{mark} "
        )
        if "median_ms" not in many:  # --repeat=0: queries only
            print(counts + "| – | – | – | – | – | – | – |")
            continue
        ratio = many["median_ms"] / floor if floor else float("nan")
        ratios.append(ratio)
        call_ratio = many["calls"] / floor_calls if floor_calls else float("nan")
        call_ratios.append(call_ratio)
        cold = many["cold_median_ms"] / floor if floor else float("nan")
        cold_calls = many["cold_calls"] / floor_calls if floor_calls else float("nan")
        print(
            counts + f"| {many['median_ms']:.1f} | {ratio:.1f} | {many['calls']} "
            f"| {call_ratio:.1f} | {many['cold_median_ms']:.1f} | {cold:.1f} | {cold_calls:.1f} |"
        )
        if mark:
            notes.append(
                f"- {page.key}: NOT FLAT: {one['queries']} / {one['cold_queries']} queries at "
                f"scale 1, {many['queries']} / {many['cold_queries']} at scale {scale}"
            )
        count, shape = many["repeated"]
        if count >= REPEATED:
            # The column list says little; the FROM and WHERE say which relation is looped over.
            where = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", shape)[:200]
            notes.append(f"- {page.key}: one query runs {count} times: {where}")
        for status in {one["status"], many["status"]} - {200}:
            notes.append(f"- {page.key}: answered HTTP {status} ({many['url']})")
    if notes:
        print()
        print("\n".join(notes))
    flat = report_import(large.get(IMPORT, {}), scale) and flat
    report_documents(large.get(DOCUMENT, {}), scale)
    print()
    worst = f"{max(ratios):.1f}" if ratios else "n/a"
    worst_calls = f"{max(call_ratios):.1f}" if call_ratios else "n/a"
    measured = bool(ratios) or "median_ms" not in large[MINIMAL.name]
    print(
        f"flat: {'yes' if flat and measured else 'no'}; worst ratio: {worst}; "
        f"worst calls ratio: {worst_calls}"
    )


def report_import(results: dict, scale: int) -> bool:
    """Print the import preview's cost; True if its queries do not grow with the rows."""
    print()
    print(f"| import preview at scale {scale} | rows importable | ms | queries |")
    print("| --- | ---: | ---: | ---: |")
    for rows, result in results.items():
        print(
            f"| {rows} rows | {result['importable']} | {result['ms']:.0f} | {result['queries']} |"
        )
    counts = {result["queries"] for result in results.values()}
    flat = len(results) >= 2 and len(counts) == 1
    print(f"import queries flat per row: {'yes' if flat else 'no'}")
    return flat


def report_documents(results: dict, scale: int) -> None:
    print()
    print(f"| document at scale {scale} | ms | status |")
    print("| --- | ---: | ---: |")
    for name, result in results.items():
        print(f"| {name} | {result['ms']:.0f} | {result['status']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=50, help="clusters in the large database")
    parser.add_argument(
        "--repeat",
        type=int,
        default=15,
        help="timed requests per page; 0 counts queries only (no timing)",
    )
    parser.add_argument(
        "--organisations", type=int, default=ORGANISATIONS, help="organisations in each cluster"
    )
    parser.add_argument("--people", type=int, default=PEOPLE, help="people in each cluster")
    parser.add_argument(
        "--import-sizes",
        default=IMPORT_SIZES,
        help="rows of the import files measured at the large scale, comma-separated",
    )
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        import_sizes = [int(n) for n in args.import_sizes.split(",") if n]
        print(
            json.dumps(
                measure(args.scale, args.repeat, args.organisations, args.people, import_sizes)
            )
        )
        return
    sizes = [
        f"--organisations={args.organisations}",
        f"--people={args.people}",
        f"--import-sizes={args.import_sizes}",
    ]
    with tempfile.TemporaryDirectory(prefix="samspill-bench-") as tmp:
        results = run_scales(args.scale, args.repeat, tmp, sizes) or {}
    report(results.get("1"), results.get(str(args.scale)), args.scale)


if __name__ == "__main__":
    main()
