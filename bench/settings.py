"""Production settings (samspill/settings.py, read from the environment) plus the minimal page.

`bench.load` runs gunicorn with these, so that the floor every page is compared with,
`bench_minimal` from `bench/urls.py`, is measured by the same server in the same run.
"""

from samspill.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
