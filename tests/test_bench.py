"""The benchmark keeps working, and every measured page keeps its query count flat."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_reports_flat_query_counts_at_a_small_scale():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--scale", "2", "--repeat", "1"],
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
