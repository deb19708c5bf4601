"""Time to answer in each fault, against gunicorn with the production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/beckum_faults \
        .venv/bin/python bench/faults.py [--port 8104] [--only redis] [--app-dir DIR]

The database must hold the demo content (``manage.py migrate && manage.py load_demo_content``).
``collectstatic`` runs once into ``$BENCH_STATIC_ROOT`` (default /tmp/beckum-bench-static). Each
scenario starts gunicorn (3 workers, ``cms.settings.production``) on the port with one dependency
broken by ``operations.faultlab`` (a closed port, or a socket that accepts and never answers) and
prints: scenario, request, status, seconds, the page's <h1>. ``--app-dir`` runs another checkout
(e.g. an export of the code before issue 11) with the same faults, for comparison.
"""

import argparse
import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from operations.faultlab import FaultProxy, Gunicorn, closed_port  # noqa: E402

STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "/tmp/beckum-bench-static")  # noqa: S108


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


# The Arabic mediator form and offer finder, under their translated slugs (issue 18).
ARABIC_FORM = urllib.parse.quote("/ar/طلب-وسيط-لغوي/")
ARABIC_FINDER = urllib.parse.quote("/ar/العروض/")


def fetch(port, path, data=None, headers=None, timeout=60):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, headers=headers or {})
    started = time.monotonic()
    try:
        with OPENER.open(request, timeout=timeout) as response:
            status, head, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, body = error.code, error.headers, error.read()
    except (TimeoutError, OSError) as error:
        return None, {}, f"({type(error).__name__})", time.monotonic() - started
    return status, head, body.decode("utf-8", "replace"), time.monotonic() - started


def h1(body):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()[:60] if match else body[:60]


def cookies_of(headers):
    jar = {}
    for value in headers.get_all("Set-Cookie") or []:
        name, _, rest = value.partition("=")
        jar[name] = rest.split(";")[0]
    return jar


def cookie_header(jar):
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def forget_rate_limit():
    """Earlier bench runs count against the form's rate limit (5 an hour from 127.0.0.1)."""
    import redis

    client = redis.Redis.from_url(os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"))
    keys = list(client.scan_iter("*network:ratelimit*"))
    if keys:
        client.delete(*keys)


def post_request_form(port):
    """GET the Arabic mediator form, POST it; returns the POST's (status, seconds) and the next page."""
    forget_rate_limit()
    status, head, body, _ = fetch(port, ARABIC_FORM)
    if status != 200:
        return [("GET form", status, 0.0, h1(body))]
    jar = cookies_of(head)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    fields = {
        "csrfmiddlewaretoken": token,
        "language": "ar",
        "date": time.strftime("%Y-%m-%d", time.localtime(time.time() + 7 * 86400)),
        "time": "10:30",
        "place": "Rathaus",
        "appointment_kind": "doctor",
        "no_legal_consequences": "on",
        "name": "Bench Person",
        "phone": "",
        "email": "bench@example.org",
        "message": "",
        "website": "",
    }
    status, head, body, seconds = fetch(
        port,
        ARABIC_FORM,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Cookie": cookie_header(jar), "Content-Type": "application/x-www-form-urlencoded"},
    )
    rows = [("POST request form", status, seconds, head.get("Location", "") if head else "")]
    if status == 302:
        s2, _h, b2, t2 = fetch(port, urllib.parse.urlparse(head["Location"]).path)
        rows.append(("GET confirmation", s2, t2, h1(b2)))
    return rows


def login(port, username, password):
    status, head, body, _ = fetch(port, "/admin/login/")
    jar = cookies_of(head)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    status, head, body, _ = fetch(
        port,
        "/admin/login/",
        data=urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": password}
        ).encode(),
        headers={"Cookie": cookie_header(jar), "Content-Type": "application/x-www-form-urlencoded"},
    )
    jar.update(cookies_of(head))
    return jar


def publish_home(port, title):
    """Log in as the manager and publish the German home page with a new title (Wagtail's edit form)."""
    jar = login(port, "manager", "beckum-manager")
    status, head, body, _ = fetch(port, "/admin/pages/", headers={"Cookie": cookie_header(jar)})
    home_id = os.environ.get("BENCH_HOME_PAGE_ID")
    status, head, body, _ = fetch(
        port, f"/admin/pages/{home_id}/edit/", headers={"Cookie": cookie_header(jar)}
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    intro = re.search(r'name="intro"[^>]*value="([^"]*)"', body) or re.search(
        r'id="id_intro"[^>]*>([^<]*)<', body
    )
    slug = re.search(r'name="slug"[^>]*value="([^"]*)"', body).group(1)
    fields = {
        "csrfmiddlewaretoken": token,
        "title": title,
        "slug": slug,
        "intro": html.unescape(intro.group(1)) if intro else "",
        "action-publish": "action-publish",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    status, head, body, seconds = fetch(
        port,
        f"/admin/pages/{home_id}/edit/",
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Cookie": cookie_header(jar), "Content-Type": "application/x-www-form-urlencoded"},
    )
    rows = [("POST publish home (manager)", status, seconds, head.get("Location", "") if head else h1(body))]
    status, head, body, seconds = fetch(
        port, "/admin/pages/search/?q=Sprachkurse", headers={"Cookie": cookie_header(jar)}
    )
    found = "Sprachkurse mit Kinderbetreuung" in body
    rows.append(("GET admin search", status, seconds, "finds the page" if found else "no result"))
    return rows


PUBLIC = ["/de/", ARABIC_FINDER, "/fa/suche/?q=%D8%B2%D8%A8%D8%A7%D9%86", "/healthz", "/readyz"]


def scenarios(database_url):
    redis = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
    return [
        ("all up", {}, None, PUBLIC),
        ("Redis refusing", {"REDIS_URL": "redis://127.0.0.1:{closed}/4"}, None, PUBLIC),
        ("Redis hanging", {"REDIS_URL": "redis://127.0.0.1:{hang}/4"}, None, PUBLIC),
        ("PostgreSQL refusing", {"DATABASE_URL": "postgres://postgres@127.0.0.1:{closed}/x"}, None, PUBLIC),
        ("PostgreSQL hanging", {"DATABASE_URL": "postgres://postgres@127.0.0.1:{hang}/x"}, None, PUBLIC),
        (
            "SMTP refusing",
            {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": "{closed}"},
            post_request_form,
            ["/readyz"],
        ),
        ("SMTP hanging", {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": "{hang}"}, post_request_form, ["/readyz"]),
        (
            "Elasticsearch refusing",
            {"ELASTICSEARCH_URL": "http://127.0.0.1:{closed}"},
            publish_home,
            PUBLIC[2:],
        ),
        ("Elasticsearch hanging", {"ELASTICSEARCH_URL": "http://127.0.0.1:{hang}"}, publish_home, PUBLIC[2:]),
    ], {"DATABASE_URL": database_url, "REDIS_URL": redis, "STATIC_ROOT": STATIC_ROOT}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8104")))
    parser.add_argument("--app-dir", default=str(HERE))
    parser.add_argument("--only", default="")
    parser.add_argument("--repeats", type=int, default=3, help="requests after the first, per path")
    args = parser.parse_args()
    database_url = os.environ["DATABASE_URL"]
    app_dir = Path(args.app_dir)
    python = str(HERE / ".venv" / "bin" / "python")
    secret = {"SECRET_KEY": "bench-" + "s3cr3t-" * 10, "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
    subprocess.run(  # noqa: S603 (fixed arguments)
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=app_dir,
        env={**os.environ, **secret, "STATIC_ROOT": STATIC_ROOT, "DATABASE_URL": database_url},
        check=True,
    )
    home_id = (
        subprocess.run(  # noqa: S603 (fixed arguments)
            [
                python,
                "manage.py",
                "shell",
                "-c",
                "from home.models import HomePage; "
                "print(HomePage.objects.get(locale__language_code='de').pk)",
            ],
            cwd=app_dir,
            env={**os.environ, **secret, "DATABASE_URL": database_url},
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    os.environ["BENCH_HOME_PAGE_ID"] = home_id
    rows = []
    all_scenarios, base_env = scenarios(database_url)
    for name, env, action, paths in all_scenarios:
        if args.only and args.only.lower() not in name.lower():
            continue
        with FaultProxy(mode="hang") as hang:
            closed = closed_port()
            env = {**base_env, **{k: v.format(closed=closed, hang=hang.port) for k, v in env.items()}}
            server = Gunicorn(env, port=args.port, workers=3, cwd=app_dir, ready_path="/static/css/site.css")
            try:
                # Warm the three workers up (templates, URLconf): the numbers are for a running site.
                # Not where the old code hangs for 30 s per request.
                if not (name == "PostgreSQL hanging" and app_dir != HERE):
                    for _ in range(6):
                        fetch(args.port, "/de/", timeout=40)
                        fetch(args.port, ARABIC_FORM, timeout=40)
                if action:
                    title = f"Willkommen in Beckum ({name})"
                    for request, status, seconds, detail in (
                        action(args.port) if action is post_request_form else action(args.port, title)
                    ):
                        rows.append((name, request, status, seconds, None, detail))
                for path in paths:
                    # First request (a fresh worker, and the one that meets the fault first), then the
                    # median of three more.
                    status, _head, body, first = fetch(args.port, path)
                    repeats = sorted(fetch(args.port, path)[3] for _ in range(args.repeats)) or [None, None]
                    detail = h1(body)
                    if path == "/readyz" and status and body.startswith("{"):
                        checks = json.loads(body).get("checks", {})
                        detail = ", ".join(f"{k} {'ok' if v['ok'] else 'FAIL'}" for k, v in checks.items())
                    rows.append(
                        (name, f"GET {urllib.parse.unquote(path)}", status, first, repeats[1], detail)
                    )
                log = server.log()
                rows.append((name, "tracebacks in the gunicorn log", log.count("Traceback"), None, None, ""))
            finally:
                server.stop()
    width = max(len(r[1]) for r in rows)
    print(f"{'scenario':24} {'request':{width}} status  first  median of the repeats")
    for name, request, status, first, median, detail in rows:
        first = f"{first:6.2f}" if first is not None else "     –"
        median = f"{median:6.2f}" if median is not None else "     –"
        print(f"{name:24} {request:{width}} {status!s:>6} {first} {median}  {detail}")


if __name__ == "__main__":
    main()
