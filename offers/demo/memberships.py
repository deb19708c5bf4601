"""Give the demo network members their organisations (run after the demo users exist)."""

from django.conf import settings
from django.contrib.auth import get_user_model

from offers.models import Organisation, OrganisationMembership
from offers.roles import grant_offer_permissions

# username -> preferred organisation keys (slugs); the first existing ones are used.
DEMO_MEMBERSHIPS = {
    "mitglied": ["muetterzentrum", "cafe-courage"],
    "ag-mitglied": ["caritas"],
}


def assign_demo_memberships(stdout=None):
    grant_offer_permissions()
    User = get_user_model()
    german = Organisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for index, (username, slugs) in enumerate(DEMO_MEMBERSHIPS.items()):
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        organisations = list(german.filter(slug__in=slugs))
        if not organisations:  # demo data with other keys: take one organisation per user
            organisations = list(german.order_by("pk")[index : index + 1])
        # One owner for the demo memberships: exactly these (an older loader added another one).
        OrganisationMembership.objects.filter(user=user).exclude(organisation__in=organisations).delete()
        for organisation in organisations:
            OrganisationMembership.objects.get_or_create(user=user, organisation=organisation)
        if stdout:
            stdout.write(f"  {username} edits the offers of: {', '.join(o.name for o in organisations)}")
