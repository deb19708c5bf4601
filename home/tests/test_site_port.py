"""Links carry the port the site is served on (issue 14, fault 8).

Protects: ``make run PORT=8100`` passes SITE_HOSTNAME/SITE_PORT to the demo
loader, which moves the existing default Site there, so canonical links,
hreflang alternates, the sitemap and the feeds say 8100, not 8000.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Site

from home.demo.loader import DemoLoader

pytestmark = pytest.mark.django_db


def test_loader_moves_the_site_to_host_and_port(client, monkeypatch):
    site = Site.objects.get(is_default_site=True)
    assert site.port != 8100
    monkeypatch.setenv("SITE_HOSTNAME", "127.0.0.1")
    monkeypatch.setenv("SITE_PORT", "8100")
    DemoLoader(stdout=io.StringIO()).follow_host_and_port()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8100)

    base = "http://127.0.0.1:8100/"
    home = client.get("/de/", HTTP_HOST="127.0.0.1:8100").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home).group(1)
    assert canonical == base + "de/"
    alternates = re.findall(r'hreflang="[a-z-]+" href="([^"]+)"', home)
    assert alternates and all(url.startswith(base) for url in alternates)
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8100").content.decode()
    assert base + "de/" in sitemap and ":8000/" not in sitemap
    feed = client.get("/de/neuigkeiten/feed/", HTTP_HOST="127.0.0.1:8100").content.decode()
    assert base + "de/neuigkeiten/" in feed and ":8000/" not in feed


def test_loader_leaves_the_site_alone_without_the_variables(monkeypatch):
    monkeypatch.delenv("SITE_HOSTNAME", raising=False)
    monkeypatch.delenv("SITE_PORT", raising=False)
    before = Site.objects.values_list("hostname", "port").get(is_default_site=True)
    DemoLoader(stdout=io.StringIO()).follow_host_and_port()
    assert Site.objects.values_list("hostname", "port").get(is_default_site=True) == before


def test_make_run_passes_host_and_port():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    assert "SITE_HOSTNAME=$(HOST) SITE_PORT=$(PORT) $(MANAGE) prepare_demo" in makefile
    assert "SITE_HOSTNAME=$(HOST) SITE_PORT=$(PORT) $(MANAGE) load_demo_content" in makefile
