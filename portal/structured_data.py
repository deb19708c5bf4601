"""schema.org JSON-LD shared by the page types: the script element, addresses, places, breadcrumbs.

Every block uses only schema.org types and the properties schema.org defines for
them (``cms/tests/test_structured_data.py`` checks every page type against a pinned
copy of the vocabulary).
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# The same escapes as Django's json_script: JSON inside <script> cannot end the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_POSTCODE_TOWN = re.compile(r"^(\d{5})\s+(.+)$")

CONTEXT = "https://schema.org"


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element that cannot be broken out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)


def postal_address(text):
    """A ``PostalAddress`` from a German address written in lines ("Markt 1\\n59269 Beckum").

    The line with the five-digit postcode gives postcode and town, the lines before it
    the street; an address without a postcode line stays plain text.
    """
    lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
    for index, line in enumerate(lines):
        match = _POSTCODE_TOWN.match(line)
        if match:
            address = {"@type": "PostalAddress"}
            if index:
                address["streetAddress"] = ", ".join(lines[:index])
            address.update({"postalCode": match.group(1), "addressLocality": match.group(2)})
            address["addressCountry"] = "DE"
            return address
    return ", ".join(lines) or None


def place(address=None, name=None, latitude=None, longitude=None):
    """A ``Place`` with its address and coordinates where known (None when nothing is known)."""
    data = {"@type": "Place"}
    if name:
        data["name"] = name
    if address:
        data["address"] = postal_address(address)
    if latitude is not None and longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
    return data if len(data) > 1 else None


def breadcrumb_list(items):
    """A ``BreadcrumbList`` of ``(name, absolute url)`` pairs, top first."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }
