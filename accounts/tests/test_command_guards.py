"""Commands that would harm a production installation refuse without an explicit flag.

Protects: ``load_demo_content`` creates accounts with public passwords and a
public two-factor secret, so it refuses to run where ``DEMO_CONTENT_ALLOWED``
is off (production and base settings) unless ``--allow-production`` is given;
``demo_totp_code`` refuses there too; ``purge_personal_data --days -1`` would
delete requests sent today and is refused.
"""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from personal_requests.factories import MediatorRequestFactory
from personal_requests.models import MediatorRequest

pytestmark = pytest.mark.django_db


@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_demo_loader_refuses_without_the_flag():
    get_user_model().objects.filter(username="admin").delete()
    with pytest.raises(CommandError, match="--allow-production"):
        call_command("load_demo_content", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()


@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_demo_loader_runs_with_the_flag():
    out = io.StringIO()
    call_command("load_demo_content", "--allow-production", stdout=out)
    assert "Demo users" in out.getvalue()
    # make run prints the public demo secret and the current codes with the users
    from accounts.demo import DEMO_TOTP_SECRET

    assert DEMO_TOTP_SECRET in out.getvalue()
    assert "current code for manager" in out.getvalue()


def test_production_settings_do_not_allow_demo_content():
    """The switch is off in the settings a server uses, on only in dev and test."""
    base = Path(settings.BASE_DIR)
    script = "from django.conf import settings; print(settings.DEMO_CONTENT_ALLOWED)"
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x7#Kp2!vQ9zL@m4RtY8wB1nC5dF0gH3jS6uE-aW_oI+eT=rU*yZ",
        "DATA_DIR": "/tmp/beckum-prodcheck",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=base,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "False", result.stderr
    refused = subprocess.run(
        [sys.executable, "manage.py", "load_demo_content"],
        cwd=base,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode != 0
    assert "--allow-production" in refused.stderr


@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_demo_codes_refused_in_production():
    with pytest.raises(CommandError):
        call_command("demo_totp_code", stdout=io.StringIO())


def test_demo_codes_in_development(users):
    out = io.StringIO()
    call_command("demo_totp_code", stdout=out)
    lines = dict(line.split() for line in out.getvalue().splitlines())
    assert set(lines) == {"admin", "manager"}
    assert all(len(code) == 6 and code.isdigit() for code in lines.values())


@pytest.mark.parametrize("days", ["-1", "-30"])
def test_purge_refuses_negative_days(days):
    MediatorRequestFactory(name="Heute gesendet")
    with pytest.raises(CommandError, match="0 or more"):
        call_command("purge_personal_data", "--days", days, stdout=io.StringIO())
    assert MediatorRequest.objects.filter(name="Heute gesendet").exists()


def test_the_documented_demo_secret_is_the_one_the_loader_uses():
    from accounts.demo import DEMO_TOTP_SECRET

    base = Path(settings.BASE_DIR)
    assert DEMO_TOTP_SECRET in (base / "README.md").read_text()
    assert DEMO_TOTP_SECRET in (base / "accounts" / "README.md").read_text()
