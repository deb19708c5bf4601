"""Settings of the network app with their defaults (override in the settings module)."""

from django.conf import settings


def retention_days():
    """Days after which request submissions are deleted (env PERSONAL_DATA_RETENTION_DAYS)."""
    return int(getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", 180))


def rate_limit():
    """(submissions, seconds) allowed per client IP: NETWORK_REQUEST_RATE_LIMIT, default 5 per hour."""
    return tuple(getattr(settings, "NETWORK_REQUEST_RATE_LIMIT", (5, 3600)))
