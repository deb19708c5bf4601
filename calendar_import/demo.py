"""The demo's calendar feed: registered but switched off (the demo has no network access).

It shows the integration management what a registered feed looks like; switch it on
only with a real feed address.
"""

from django.conf import settings

from network.models import EventIndexPage
from offers.models import Organisation

from .models import CalendarFeed

DEMO_FEED_URL = "https://kalender.vhs-beckum-wadersloh.example/kurse.ics"


def load_demo_feed(stdout=None):
    if CalendarFeed.objects.filter(url=DEMO_FEED_URL).exists():
        return
    german = settings.LANGUAGE_CODE
    organisation = Organisation.objects.get(locale__language_code=german, slug="vhs")
    index = EventIndexPage.objects.get(locale__language_code=german, slug="termine")
    CalendarFeed.objects.create(
        name="VHS Beckum-Wadersloh: Kurse und Sprachcafé (Beispiel)",
        url=DEMO_FEED_URL,
        organisation=organisation,
        field_of_action="sprache",
        event_index=index,
        active=False,
    )
    if stdout:
        stdout.write("Calendar import: demo feed registered (inactive).")
