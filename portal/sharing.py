"""Share and route links without trackers (issue 15, item 8).

Plain ``<a>`` links to the services' own share addresses: nothing is loaded from
another host until the reader clicks one (no button script, no counter, no icon
from elsewhere). Every address is absolute and percent-encoded.
"""

from decimal import Decimal
from urllib.parse import quote, urlencode

OSM_DIRECTIONS = "https://www.openstreetmap.org/directions"


def _query(params):
    """``urlencode`` with ``%20`` for spaces (``+`` means a plus sign in ``mailto:``, RFC 6068)."""
    return urlencode(params, quote_via=quote)


def share_urls(url, title):
    """{"email", "whatsapp", "telegram"}: share addresses for the absolute ``url`` titled ``title``."""
    title = " ".join(str(title or "").split())
    text = f"{title} {url}" if title else url
    return {
        "email": "mailto:?" + _query({"subject": title, "body": text}),
        "whatsapp": "https://wa.me/?" + _query({"text": text}),
        "telegram": "https://t.me/share/url?" + _query({"url": url, "text": title}),
    }


def coordinate(value):
    """A coordinate without trailing zeros ("51.755700" → "51.7557")."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
    else:
        text = format(Decimal(str(value)).normalize(), "f")
    return text


def route_url(latitude, longitude):
    """The OpenStreetMap route planner with the place as destination, or None without coordinates."""
    if latitude is None or longitude is None or latitude == "" or longitude == "":
        return None
    return f"{OSM_DIRECTIONS}?" + _query({"to": f"{coordinate(latitude)},{coordinate(longitude)}"})
