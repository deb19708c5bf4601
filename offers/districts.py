"""The district of Beckum an address lies in, read from its place name.

Beckum and its districts Neubeckum, Roland and Vellern share the postcode 59269, so the
postcode says nothing; the place line does ("59269 Beckum-Neubeckum", "59269 Neubeckum",
"59269 Beckum (Roland)"). Street names are not read: "Vellerner Straße" lies in the town
of Beckum. An address outside Beckum (e.g. the county offices in Warendorf) has no district.
"""

import re

from django.utils.translation import gettext_lazy as _

DISTRICTS = [
    ("beckum", _("Beckum (town centre)")),
    ("neubeckum", _("Neubeckum")),
    ("roland", _("Roland")),
    ("vellern", _("Vellern")),
]

_PLACE_LINE = re.compile(r"\b\d{5}\s+([^\n,;]+)")
_DISTRICT_NAMES = [
    ("neubeckum", re.compile(r"\bneubeckum\b", re.IGNORECASE)),
    ("roland", re.compile(r"\broland\b", re.IGNORECASE)),
    ("vellern", re.compile(r"\bvellern\b", re.IGNORECASE)),
]
_BECKUM = re.compile(r"\bbeckum\b", re.IGNORECASE)


def district_of(address):
    """``"beckum"``, ``"neubeckum"``, ``"roland"``, ``"vellern"`` or ``""`` (outside or unknown)."""
    if not address:
        return ""
    match = _PLACE_LINE.search(address)
    if match:
        place = match.group(1)
    else:  # no postcode: the last line names the place, if anything does
        lines = [line.strip() for line in address.splitlines() if line.strip()]
        place = lines[-1] if lines else ""
    for code, pattern in _DISTRICT_NAMES:
        if pattern.search(place):
            return code
    return "beckum" if _BECKUM.search(place) else ""
