"""How offers and organisations are shown: key facts as labelled items, schema.org JSON-LD.

``json_ld_script`` lives in ``portal.structured_data`` (shared with events and guide pages).
"""

from django.utils.translation import gettext as _

from portal.structured_data import CONTEXT, json_ld_script, place, postal_address

from .choices import FIELDS_OF_ACTION, LANGUAGES, OFFER_KINDS, TARGET_GROUPS
from .hours import course_schedule, opening_hours_specification

COURSE_KINDS = ("language_course", "integration_course")


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


def organisation_reference(organisation, page_url=None):
    """The provider of an offer: name and contact of the organisation, its page on the portal."""
    data = {"@type": "Organization", "name": organisation.name}
    if page_url:
        data["mainEntityOfPage"] = page_url
    for key, value in (
        ("telephone", organisation.phone),
        ("email", organisation.email),
        ("url", organisation.website),
    ):
        if value:
            data[key] = value
    return data


def offer_json_ld(offer, url, organisation_url=None):
    """schema.org description of the offer: a ``Course`` for courses, else a ``Service``.

    Only properties schema.org defines for the type (``cms/tests/test_structured_data.py``):
    a course's place and languages belong to its ``CourseInstance`` (an event), a service's
    to its ``ServiceChannel``; neither ``Course`` nor ``Service`` has ``location`` or
    ``availableLanguage`` of its own.
    """
    is_course = offer.kind in COURSE_KINDS
    provider = organisation_reference(offer.organisation, organisation_url)
    contact = {"@type": "ContactPoint", "contactType": offer.contact_person or _("Contact")}
    if offer.contact_phone:
        contact["telephone"] = offer.contact_phone
    if offer.contact_email:
        contact["email"] = offer.contact_email
    provider["contactPoint"] = contact
    data = {
        "@context": CONTEXT,
        "@type": "Course" if is_course else "Service",
        "name": offer.title,
        "description": offer.summary,
        "url": url,
        "provider": provider,
        "audience": {
            "@type": "Audience",
            "audienceType": ", ".join(labels(TARGET_GROUPS, offer.target_groups)),
        },
    }
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
    where = place(offer.address, latitude=offer.latitude, longitude=offer.longitude)
    # When it takes place: a Service's hoursAvailable (OpeningHoursSpecification), a course's
    # weekly Schedule on its CourseInstance (schema.org gives Course neither property itself).
    if is_course:
        data["inLanguage"] = offer.locale.language_code  # the language of this description
        data["isAccessibleForFree"] = offer.is_free
        instance = {"@type": "CourseInstance", "courseMode": "onsite"}
        if offer.languages:
            instance["inLanguage"] = offer.languages  # the languages the course is held in
        if where:
            instance["location"] = where
        schedule = course_schedule(offer.opening_hours)
        if schedule:
            # eventSchedule (CourseInstance is an Event): in the pinned vocabulary (schema.org 12,
            # cms/tests/data); the newer courseSchedule is not, and means the same.
            instance["eventSchedule"] = schedule
        data["hasCourseInstance"] = instance
    else:
        channel = {"@type": "ServiceChannel"}
        if offer.languages:
            channel["availableLanguage"] = offer.languages
        if where:
            channel["serviceLocation"] = where
        if len(channel) > 1:
            data["availableChannel"] = channel
        hours = opening_hours_specification(offer.opening_hours)
        if hours:
            data["hoursAvailable"] = hours
    return data


def organisation_json_ld(organisation, page_url, offers=(), opening_hours=None):
    """schema.org ``Organization`` of an organisation page, with its current offers.

    ``offers``: the organisation's current offers, each with ``absolute_url`` (absolute, or None).
    ``opening_hours``: a list of ``OpeningHoursSpecification`` objects
    (``offers.hours.opening_hours_specification``); schema.org defines
    ``openingHoursSpecification`` for a ``Place``, so they go on the organisation's
    ``location``, never on the ``Organization`` itself.
    """
    data = {"@context": CONTEXT, **organisation_reference(organisation, page_url)}
    if organisation.description:
        data["description"] = organisation.description
    if organisation.address:
        data["address"] = postal_address(organisation.address)
    where = place(organisation.address)
    if opening_hours:
        where = where or {"@type": "Place"}
        where["openingHoursSpecification"] = list(opening_hours)
    if where:
        data["location"] = where
    made = [
        {
            "@type": "Offer",
            "itemOffered": {
                "@type": "Course" if offer.kind in COURSE_KINDS else "Service",
                "name": offer.title,
                "url": offer.absolute_url,
            },
        }
        for offer in offers
        if offer.absolute_url
    ]
    if made:
        data["makesOffer"] = made
    return data


__all__ = ["json_ld_script", "offer_facts", "offer_json_ld", "organisation_json_ld"]
