"""Test helpers for the two-factor login (used by the root conftest.py)."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import second_factor_required
from accounts.two_factor.devices import has_second_factor


def mark_session_verified(client, user):
    """Store the user's confirmed authenticator in the client's session, as the code form does."""
    if not (has_second_factor(user) or second_factor_required(user)):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
