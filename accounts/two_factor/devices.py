"""The second factors of a user: one TOTP app (django-otp) and a set of recovery codes."""

import base64

from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery codes"


def has_second_factor(user):
    return user.is_authenticated and user_has_device(user, confirmed=True)


def confirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_unconfirmed_totp(user):
    """A fresh secret for the set-up page; earlier unfinished set-ups are discarded."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)


def unconfirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def base32_secret(device):
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes; the plain codes are returned once, for showing."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = []
    for _i in range(RECOVERY_CODE_COUNT):
        token = StaticToken.random_token()
        device.token_set.create(token=token)
        codes.append(token)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove_second_factor(user):
    """Delete every OTP device of the user (a manager's reset, or the user turning it off)."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
