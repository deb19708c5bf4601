"""HTTP throughput of the public site through gunicorn with production settings (issue 12).

(Named http_load.py: a bench/http.py would shadow the standard library's ``http``.)

For each checkout given (default: this one), in one run: a fresh SQLite database with the
demo content, ``collectstatic``, gunicorn (2 sync workers, ``cms.settings.production``,
Redis as cache if ``BENCH_REDIS_URL`` is set), then ``wrk`` (or a Python load generator
when wrk is missing) against: a static file, a guide page cached and uncached (a new
query string on every request defeats the page cache), home, the offer finder with three
filters, and the search. Prints requests/s, p50/p99 and the ratios the issue asks for.

    .venv/bin/python bench/http_load.py                                  # this checkout
    git worktree add --detach /tmp/perf-base main
    .venv/bin/python bench/http_load.py old=/tmp/perf-base new=.        # both, same run
    git worktree remove /tmp/perf-base

The checkouts' servers run side by side (ports BENCH_PORT, +1, ...) and every URL is
measured on each checkout in turn, BENCH_ROUNDS times; each cell is the median.

Environment: BENCH_PORT (8105), BENCH_SECONDS (8), BENCH_CONNECTIONS (8), BENCH_ROUNDS (3),
BENCH_REDIS_URL (e.g. redis://127.0.0.1:6379/5; the second checkout gets database 6; flushed first).
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
PYTHON = str(HERE / ".venv" / "bin" / "python")
GUNICORN = str(HERE / ".venv" / "bin" / "gunicorn")
PORT = int(os.environ.get("BENCH_PORT", "8105"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECRET = "bench-only-" + "x1y2z3" * 10

TARGETS = [
    ("static file", "/static/css/site.css", False),
    ("guide, cached", "/de/sprache/kursabbruch/", False),
    ("guide, uncached", "/de/sprache/kursabbruch/", True),
    ("home", "/de/", False),
    ("finder, 3 filters", "/de/angebote/?kind=language_course&childcare=on&language=ar", False),
    ("search", "/de/suche/?q=Sprachkurs", False),
]


def run(cmd, cwd, env, **kwargs):
    subprocess.run(cmd, cwd=cwd, env=env, check=True, **kwargs)  # noqa: S603 (our own commands)


def prepare(checkout, data_dir):
    env = {**os.environ, "DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    quiet = {"stdout": subprocess.DEVNULL}
    run([PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "-v0"], checkout, env, **quiet)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], checkout, env, **quiet)
    started = time.monotonic()
    run([PYTHON, "manage.py", "load_demo_content"], checkout, env, **quiet)
    load_seconds = time.monotonic() - started
    prod = server_env(data_dir)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], checkout, prod, **quiet)
    return load_seconds


def server_env(data_dir):
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": SECRET,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if REDIS_URL:
        env["REDIS_URL"] = REDIS_URL
    return env


def start_server(checkout, data_dir, port, redis_db_url):
    env = server_env(data_dir)
    if redis_db_url:
        env["REDIS_URL"] = redis_db_url
        flush = ["redis-cli", "-u", redis_db_url, "flushdb"]
        subprocess.run(flush, stdout=subprocess.DEVNULL, check=False)  # noqa: S603, S607
    cmd = [GUNICORN, "cms.wsgi", "-w", "2", "-k", "sync", "-b", f"127.0.0.1:{port}", "--log-level", "error"]
    server = subprocess.Popen(cmd, cwd=checkout, env=env)  # noqa: S603
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


LUA_UNCACHED = (
    'request = function() return wrk.format("GET", "%s?bench=" .. math.random(1, 1000000000)) end\n'
)


def wrk(port, path, uncached):
    cmd = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-H", "Accept-Encoding: gzip, br"]
    script = None
    if uncached:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(LUA_UNCACHED % path)
        script = lua.name
        cmd += ["-s", script]
    url = f"http://127.0.0.1:{port}{path}"
    out = subprocess.run([*cmd, url], capture_output=True, text=True).stdout  # noqa: S603
    if script:
        os.unlink(script)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        match = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, pct(50), pct(99), int(errors.group(1)) if errors else 0


def python_load(port, path, uncached):
    """A small threaded load generator for machines without wrk."""
    latencies, stop = [], time.monotonic() + SECONDS
    lock = threading.Lock()

    def worker(n):
        i = 0
        while time.monotonic() < stop:
            i += 1
            url = f"http://127.0.0.1:{port}{path}" + (f"?bench={n}-{i}-{time.time_ns()}" if uncached else "")
            request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br"})
            t0 = time.perf_counter()
            urllib.request.urlopen(request).read()  # noqa: S310 (http://127.0.0.1 only)
            with lock:
                latencies.append((time.perf_counter() - t0) * 1000)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONNECTIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    q = statistics.quantiles(latencies, n=100)
    return len(latencies) / SECONDS, q[49], q[98], 0


def redis_url_for(n):
    """Each checkout's server gets its own Redis database (BENCH_REDIS_URL's number + n)."""
    if not REDIS_URL:
        return ""
    base, _, db = REDIS_URL.rpartition("/")
    return f"{base}/{int(db or 0) + n}"


def measure(checkouts, data_dirs):
    """Every URL on every checkout, interleaved: old, new, old, new ... (BENCH_ROUNDS rounds).

    The servers run side by side (an idle one costs nothing), so a change in the machine's
    background load hits both checkouts alike instead of whichever ran second; each cell
    is the median of its rounds.
    """
    load = wrk if shutil.which("wrk") else python_load
    servers, results = {}, {label: {name: [] for name, _p, _u in TARGETS} for label, _ in checkouts}
    try:
        for n, (label, checkout) in enumerate(checkouts):
            servers[label] = (PORT + n, start_server(checkout, data_dirs[label], PORT + n, redis_url_for(n)))
        for _round in range(ROUNDS):
            for name, path, uncached in TARGETS:
                for label, _checkout in checkouts:
                    port = servers[label][0]
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()  # warm
                    results[label][name].append(load(port, path, uncached))
    finally:
        for _port, server in servers.values():
            server.terminate()
            server.wait(timeout=20)

    def median(runs):
        return tuple(statistics.median(run[i] for run in runs) for i in range(4))

    return {label: {name: median(runs) for name, runs in by_url.items()} for label, by_url in results.items()}


def main(argv):
    checkouts = [a.split("=", 1) if "=" in a else (Path(a).name, a) for a in argv] or [("this", str(HERE))]
    checkouts = [(label, str(Path(checkout).resolve())) for label, checkout in checkouts]
    loads, data_dirs = {}, {}
    try:
        for label, checkout in checkouts:
            data_dirs[label] = Path(tempfile.mkdtemp(prefix=f"beckum-http-{label}-"))
            print(f"[{label}] preparing {checkout} ...", file=sys.stderr, flush=True)
            loads[label] = prepare(checkout, data_dirs[label])
            print(f"[{label}] demo load {loads[label]:.1f} s", file=sys.stderr, flush=True)
        print(f"measuring, {ROUNDS} rounds ...", file=sys.stderr, flush=True)
        table = measure(checkouts, data_dirs)
    finally:
        for data_dir in data_dirs.values():
            shutil.rmtree(data_dir, ignore_errors=True)
    tool = "wrk" if shutil.which("wrk") else "python"
    print(
        f"\n{tool}, {CONNECTIONS} connections, {SECONDS} s per URL and round, median of {ROUNDS} interleaved "
        "rounds, gunicorn 2 sync workers, production"
    )
    print(f"cache: {'Redis ' + REDIS_URL if REDIS_URL else 'local memory'}\n")
    heads = " | ".join(f"{label} req/s | p50 ms | p99 ms | non-2xx" for label, _ in checkouts)
    print(f"| {'URL':<20} | {heads} |")
    print("|" + "---|" * (1 + 4 * len(checkouts)))
    for name, _path, _uncached in TARGETS:
        cells = []
        for label, _ in checkouts:
            rps, p50, p99, errors = table[label][name]
            cells.append(f"{rps:.1f} | {p50:.1f} | {p99:.1f} | {errors}")
        print(f"| {name:<20} | " + " | ".join(cells) + " |")
    print()
    for label, _ in checkouts:
        r = table[label]
        static = r["static file"][0]
        share = r["guide, cached"][0] / static
        print(
            f"{label}: demo load {loads[label]:.0f} s; cached guide = {share:.0%} of static; "
            f"uncached guide {r['guide, uncached'][0]:.1f} req/s"
        )
    if len(checkouts) == 2:
        (old, _), (new, _) = checkouts
        for name, _path, _uncached in TARGETS:
            print(f"  {name}: {new}/{old} = {table[new][name][0] / table[old][name][0]:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
