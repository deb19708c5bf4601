"""Demo only: the demo administrator and manager get an authenticator app with a public secret.

Two-factor login is required for them, so without this ``make run`` could not
be used without an authenticator app set up by hand. The secret is as public
as the demo passwords (README); it is created only where the demo content may
be loaded (``DEMO_CONTENT_ALLOWED``: development and tests, never production
unless ``load_demo_content --allow-production`` is given explicitly).
``manage.py demo_totp_code`` prints the current code for these users.
"""

import base64

from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import second_factor_required

DEMO_TOTP_SECRET = "BECKUMDEMOTOTPSECRETFORMAKERUNXX"  # noqa: S105 — base32, public: README "Demo users"
DEMO_DEVICE_NAME = "demo authenticator (public secret)"


def demo_key_hex():
    return base64.b32decode(DEMO_TOTP_SECRET).hex()


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def demo_devices():
    return TOTPDevice.objects.filter(key=demo_key_hex(), confirmed=True).select_related("user")


def create_demo_totp_devices(stdout):
    from home.demo.users import DEMO_USERS

    usernames = [username for _role, username, *_rest in DEMO_USERS]
    users = get_user_model().objects.filter(username__in=usernames).order_by("username")
    for user in users:
        if second_factor_required(user) and not TOTPDevice.objects.filter(user=user).exists():
            TOTPDevice.objects.create(user=user, name=DEMO_DEVICE_NAME, key=demo_key_hex(), confirmed=True)
    stdout.write(
        "\nTwo-factor login (required for admin and manager): authenticator-app secret "
        f"{DEMO_TOTP_SECRET} (demo only)."
    )
    for device in demo_devices():
        stdout.write(f"  current code for {device.user.get_username():<10} {current_code(device)}")
    stdout.write("  A fresh code at any time: .venv/bin/python manage.py demo_totp_code")
