"""How an offer is shown: its key facts as labelled items, and its schema.org JSON-LD."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .choices import FIELDS_OF_ACTION, LANGUAGES, OFFER_KINDS, TARGET_GROUPS
from .hours import course_schedule, opening_hours_specification

# The same escapes as Django's json_script: JSON inside <script> cannot end the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def labels(choices, codes):
    names = dict(choices)
    return [str(names.get(code, code)) for code in codes]


def offer_facts(offer):
    """Display labels of an offer's codes, for templates."""
    return {
        "kind": str(dict(OFFER_KINDS).get(offer.kind, offer.kind)),
        "fields": labels(FIELDS_OF_ACTION, offer.fields_of_action),
        "target_groups": labels(TARGET_GROUPS, offer.target_groups),
        "languages": [
            {"code": code, "name": name}
            for code, name in zip(offer.languages, labels(LANGUAGES, offer.languages), strict=True)
        ],
    }


def offer_json_ld(offer, url):
    """schema.org description of the offer: a Course for courses, else a Service."""
    organisation = offer.organisation
    provider = {"@type": "Organization", "name": organisation.name}
    for key, value in (
        ("telephone", organisation.phone),
        ("email", organisation.email),
        ("url", organisation.website),
    ):
        if value:
            provider[key] = value
    is_course = offer.kind in ("language_course", "integration_course")
    data = {
        "@context": "https://schema.org",
        "@type": "Course" if is_course else "Service",
        "name": offer.title,
        "description": offer.summary,
        "url": url,
        "inLanguage": offer.locale.language_code,
        "provider": provider,
        "isAccessibleForFree": offer.is_free,
        "audience": {
            "@type": "Audience",
            "audienceType": ", ".join(labels(TARGET_GROUPS, offer.target_groups)),
        },
    }
    if offer.languages:
        data["availableLanguage"] = offer.languages
    terms = {"@type": "Offer"}
    if offer.is_free:
        terms.update({"price": "0", "priceCurrency": "EUR"})
    elif offer.fee_note:
        terms["description"] = offer.fee_note
    if offer.valid_from:
        terms["availabilityStarts"] = offer.valid_from
    if offer.valid_until:
        terms["availabilityEnds"] = offer.valid_until
    data["offers"] = terms
    if offer.address:
        place = {"@type": "Place", "address": offer.address}
        if offer.latitude is not None and offer.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": offer.latitude,
                "longitude": offer.longitude,
            }
        data["location" if is_course else "areaServed"] = place
    contact = {"@type": "ContactPoint", "contactType": offer.contact_person or _("Contact")}
    if offer.contact_phone:
        contact["telephone"] = offer.contact_phone
    if offer.contact_email:
        contact["email"] = offer.contact_email
    data["provider"]["contactPoint"] = contact
    # When it takes place: a Service's hoursAvailable (OpeningHoursSpecification), a course's
    # weekly Schedule on its CourseInstance (schema.org gives Course neither property itself).
    if is_course:
        schedule = course_schedule(offer.opening_hours)
        if schedule:
            data["hasCourseInstance"] = {
                "@type": "CourseInstance",
                "courseMode": "onsite",
                "courseSchedule": schedule,
            }
    else:
        hours = opening_hours_specification(offer.opening_hours)
        if hours:
            data["hoursAvailable"] = hours
    return data


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element that cannot be broken out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)
