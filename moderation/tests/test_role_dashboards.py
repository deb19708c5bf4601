"""Issue 13: every role finds its work on the admin home, and nothing of other organisations,
languages or groups."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from network.models import InternalPage, NewsIndexPage, NewsPage
from offers.factories import OfferFactory, OrganisationFactory
from offers.models import OrganisationMembership
from portal.roles import WORKING_GROUPS, working_group_areas

from .helpers import edit_page, login, section, user, workflow_action
from .test_workflow_faults import start_page_translation, submit, translate_strings

pytestmark = pytest.mark.django_db


def dashboard(client, username):
    login(client, username)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def section_html(body, panel_id):
    start = body.index(f'id="{panel_id}-section"')
    end = body.find('id="', body.find("</section>", start))
    return body[start:end]


def test_member_sees_own_offers_stale_first_submissions_and_news(client):
    member = user("mitglied")
    own = OrganisationMembership.objects.filter(user=member).order_by("pk")[0].organisation
    today = datetime.date.today()
    OfferFactory(organisation=own, title="Frisch geprüftes Angebot", last_reviewed=today)
    OfferFactory(
        organisation=own, title="Lange nicht geprüft", last_reviewed=today - datetime.timedelta(days=400)
    )
    OfferFactory(organisation=OrganisationFactory(), title="Angebot einer fremden Organisation")

    page = section("sprache")
    login(client, "mitglied")
    edit_page(client, page, action="action-submit", intro=page.intro + " Neu vom Mitglied.")
    login(client, "manager")
    workflow_action(client, page, "reject", comment="Bitte Quelle angeben.")

    index = NewsIndexPage.objects.filter(locale__language_code="de").first()
    for title, slug, owner in (
        ("Neuigkeit vom Mitglied", "neu-mitglied", member),
        ("Neuigkeit der Verwaltung", "neu-admin", user("admin")),
    ):
        news = index.add_child(instance=NewsPage(title=title, slug=slug, owner=owner, teaser="Kurz."))
        news.save_revision(user=owner)

    body = dashboard(client, "mitglied")
    offers = section_html(body, "member-offers")
    assert offers.index("Lange nicht geprüft") < offers.index("Frisch geprüftes Angebot"), "stale first"
    assert "review due" in offers
    assert "Angebot einer fremden Organisation" not in body
    work = section_html(body, "member-work")
    assert page.title in work and "changes requested" in work and "Bitte Quelle angeben." in work
    assert "Neuigkeit vom Mitglied" in work
    assert "Neuigkeit der Verwaltung" not in body
    # the manager's own dashboard keeps its panels and gets none of these
    manager = dashboard(client, "manager")
    assert 'id="moderation-awaiting-section"' in manager and 'id="member-offers-section"' not in manager


def test_translator_sees_work_in_their_language_with_links_into_the_editor(client):
    german, arabic_translation = start_page_translation(client)
    translate_strings(arabic_translation)
    submit(client, arabic_translation)
    target = arabic_translation.get_target_instance()
    login(client, "manager")
    workflow_action(client, target, "reject", comment="Bitte Überschrift prüfen.")
    # an English translation of another page, started: not the Arabic translator's work
    english = Locale.objects.get(language_code="en")
    login(client, "manager")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[german.pk]), {"locales": [english.pk]}
    )

    body = dashboard(client, "uebersetzer")
    panel = section_html(body, "translator-work")
    sent_back = panel[panel.index('data-section="sent_back"') :].split("</ul>")[0]
    assert reverse("wagtailadmin_pages:edit", args=[target.pk]) in sent_back
    assert german.title in sent_back
    assert "(ar," in panel and "(en," not in panel
    assert 'data-section="missing"' in panel or "Missing" in panel
    # positive control for "nothing of other languages": the manager's report has the English row
    assert "moderation-awaiting" not in body


def test_working_group_member_sees_their_group_only(client):
    german = Locale.objects.get(language_code="de")
    own, other = (Group.objects.get(name=name) for name in WORKING_GROUPS[:2])
    titles = {}
    for group in (own, other):
        area = working_group_areas(group, german)[0]
        child = InternalPage(title=f"Protokoll {group.name}", slug=f"protokoll-{group.pk}")
        area.add_child(instance=child)
        child.save_revision(user=user("admin"))
        restriction = CollectionViewRestriction.objects.filter(groups=group).first()
        collection = restriction.collection if restriction else Collection.get_first_root_node()
        get_document_model().objects.create(title=f"Papier {group.name}", collection=collection)
        titles[group.name] = child.title

    body = dashboard(client, "ag-mitglied")
    panel = section_html(body, "working-group")
    assert titles[own.name] in panel and f"Papier {own.name}" in panel
    assert titles[other.name] not in body and f"Papier {other.name}" not in body
    assert 'id="working-group-section"' not in dashboard(client, "mitglied")
