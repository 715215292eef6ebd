"""The benchmark keeps working, and every measured page keeps its query count flat."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_bench_reports_flat_query_counts_at_a_small_scale():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    result = subprocess.run(
        # A smoke test: small clusters and files; `make bench` measures at full size.
        [
            sys.executable,
            "-m",
            "bench.run",
            "--scale=2",
            "--repeat=0",
            "--organisations=30",
            "--people=60",
            "--import-sizes=20,200",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("flat: yes"), result.stdout[-3000:]
    assert "skipped" not in result.stdout, result.stdout[-3000:]


@pytest.mark.django_db
def test_generate_makes_clusters_of_the_size_asked_for():
    from django_scopes import scopes_disabled

    from bench.generate import generate
    from samspill.clusters.models import Organisation, Person

    (cluster,) = generate(1, organisations=150, people=300)
    with scopes_disabled():
        organisations = Organisation.objects.filter(cluster=cluster)
        assert organisations.count() == 150
        assert organisations.filter(parent__isnull=False).count() == 30
        assert organisations.values("name").distinct().count() == 150
        assert Person.objects.filter(cluster=cluster).count() == 300


def test_load_script_asks_for_every_page_in_turn():
    from bench.load import PAGES, lua_script, percentile

    paths = {page.name: f"/{n}/" for n, page in enumerate(PAGES)}
    script = lua_script(paths, "abc", "/tmp/results.txt")
    assert '"/0/", "/1/"' in script
    assert 'local cookie = "sessionid=abc"' in script
    assert "%(" not in script and "%%" not in script  # every placeholder filled in
    assert percentile([5, 1, 4, 2, 3], 0.5) == 3
    assert percentile(list(range(1, 101)), 0.99) == 99
