"""Fixtures of the fault tests: settings as production computes them, fault servers, clean breakers."""

import os
import runpy
from pathlib import Path
from unittest import mock

import pytest

from operations import cache as resilient_cache
from operations.faultlab import FaultProxy, closed_port
from search import elastic

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "cms" / "settings" / "base.py"


def base_settings_with(**env):
    """The settings ``cms/settings/base.py`` computes from this environment (nothing else set)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "ELASTICSEARCH_URL"}}
    clean.update(env)
    with mock.patch.dict(os.environ, clean, clear=True):
        return runpy.run_path(str(BASE_SETTINGS))


@pytest.fixture(autouse=True)
def _fresh_breakers():
    resilient_cache._down_until.clear()
    elastic.reset()
    elastic._client.cache_clear()
    yield
    resilient_cache._down_until.clear()
    elastic.reset()
    elastic._client.cache_clear()


@pytest.fixture
def hanging_server():
    """A local socket that accepts connections and never answers."""
    with FaultProxy(mode="hang") as proxy:
        yield proxy


@pytest.fixture
def refusing_port():
    return closed_port()
