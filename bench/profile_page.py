"""CPU time of one page through the whole WSGI stack, in process (issue 12).

Requests/s through gunicorn move with whatever else the machine does; the CPU time a
request costs in one process moves much less, and with 2 sync workers on 2 cores it is
what bounds the rate (rate ≈ workers / CPU seconds per request). This script calls the
production WSGI application directly (middleware, routing, rendering; no socket) and
prints CPU ms per request; ``--profile`` adds a cProfile listing.

    DATA_DIR=<a folder with the demo content loaded> .venv/bin/python bench/profile_page.py \
        [--path /de/sprache/kursabbruch/] [--uncached] [-n 300] [--profile]

``--uncached`` adds a new query string to every request, which defeats the full-page
cache as ``bench/http_load.py`` does. Run it in another checkout (``--app-dir``) to
compare commits on the same data folder layout.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", default="/de/sprache/kursabbruch/")
    parser.add_argument("--uncached", action="store_true")
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--app-dir", default=str(Path(__file__).resolve().parent.parent))
    return parser.parse_args()


def environ_for(path, query):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": "gzip, br",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
    }
    setup_testing_defaults(environ)
    return environ


def main():
    args = parse()
    os.chdir(args.app_dir)
    sys.path.insert(0, args.app_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x1y2z3" * 10)
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def one(i):
        query = f"bench={i}" if args.uncached else ""
        body = application(environ_for(args.path, query), start_response)
        b"".join(body)
        if hasattr(body, "close"):
            body.close()

    for i in range(30):  # warm: imports, template loading, per-version caches
        one(-i - 1)
    profiler = cProfile.Profile() if args.profile else None
    cpu = []
    if profiler:
        profiler.enable()
    for i in range(args.n):
        t0 = time.process_time()
        one(i)
        cpu.append((time.process_time() - t0) * 1000)
    if profiler:
        profiler.disable()
    bad = [s for s in statuses if not s.startswith("200")]
    print(
        f"{args.path} uncached={args.uncached} n={args.n}: CPU ms/request median "
        f"{statistics.median(cpu):.2f}, mean {statistics.mean(cpu):.2f}; non-200: {len(bad)}"
        + (f" ({bad[0]})" if bad else "")
    )
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
        print(out.getvalue())


if __name__ == "__main__":
    main()
