"""Issue 9, hole 3: every wagtail-localize route checks the object, not only the model.

Scenario protected: a network member must not rewrite (or switch off) another
organisation's offer through the translation editor's endpoints, a translator
must not write any language but their own, and nobody outside a working group
opens its area's translation. Checked as a matrix

    role × endpoint × object × target language → allowed or refused,

and for every write: a refused write leaves the data as it was, an allowed
write changes it (the positive control, so that "refused" cannot pass by a
broken request). ``EXPECTED`` is the rule; the routes come from the URL
resolver (``test_every_localize_route_has_a_guard``).
"""

import io
import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import get_resolver, reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.operations import TranslationCreator

from home.models import GuidePage
from moderation.translation_access import GUARDED_NAMESPACES, GUARDS
from network.models import WorkingGroupPage
from offers.models import Offer, Organisation, OrganisationMembership
from portal.roles import MEMBERS, WORKING_GROUPS

pytestmark = pytest.mark.django_db

ROLES = ["mitglied", "ag-mitglied", "fremd", "uebersetzer", "manager", "admin"]
EVERY = {"en", "ar"}
NOTHING = set()
DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
INJECTED = "Von einem Fremden geändert"

# Who may work on the translation of which object, in which target language.
# ``mitglied`` belongs to "Café Courage", ``ag-mitglied`` to "Caritasverband
# Warendorf", ``fremd`` to a third organisation; ``uebersetzer`` translates Arabic.
TRANSLATE = {
    "own_offer": {"mitglied": EVERY, "ag-mitglied": NOTHING, "fremd": NOTHING, "uebersetzer": {"ar"}},
    "other_offer": {"mitglied": NOTHING, "ag-mitglied": EVERY, "fremd": NOTHING, "uebersetzer": {"ar"}},
    "organisation": {"mitglied": EVERY, "ag-mitglied": NOTHING, "fremd": NOTHING, "uebersetzer": {"ar"}},
    "guide_page": {"mitglied": NOTHING, "ag-mitglied": NOTHING, "fremd": NOTHING, "uebersetzer": {"ar"}},
    # The working group's area, translated into Arabic (its other locales are aliases).
    "restricted_area": {
        "mitglied": NOTHING,
        "ag-mitglied": NOTHING,
        "fremd": NOTHING,
        "uebersetzer": NOTHING,
    },
}
for _rows in TRANSLATE.values():
    _rows.update(manager=EVERY, admin=EVERY)
LOCALES = {name: ["ar"] if name == "restricted_area" else ["en", "ar"] for name in TRANSLATE}
PAGES = {"guide_page", "restricted_area"}
# Routes on the source that create or update translations: the right to submit translations
# (integration management) *and* the object.
SOURCE_ROLES = {"manager", "admin"}
# Converting a translation back into an alias puts the German text live: publishers only.
PUBLISHERS = {"manager", "admin"}


# Objects ---------------------------------------------------------------------------------
@pytest.fixture
def fremd(db):
    """A network member of a third organisation (neither mitglied's nor ag-mitglied's)."""
    taken = OrganisationMembership.objects.values_list("organisation__translation_key", flat=True)
    third = (
        Organisation.objects.filter(locale__language_code="de", offers__isnull=False)
        .exclude(translation_key__in=taken)
        .order_by("pk")
        .first()
    )
    user = get_user_model().objects.create_user("fremd", email="fremd@beckum.example")
    user.groups.add(Group.objects.get(name=MEMBERS))
    OrganisationMembership.objects.create(user=user, organisation=third)
    return user


@pytest.fixture
def role_user(users, fremd):
    return {**users, "fremd": fremd}


def _org(name_start):
    return Organisation.objects.get(locale__language_code="de", name__startswith=name_start)


def german_object(name, admin):
    if name == "own_offer":
        return Offer.objects.filter(organisation=_org("Café Courage")).order_by("pk").first()
    if name == "other_offer":
        return Offer.objects.filter(organisation=_org("Caritasverband")).order_by("pk").first()
    if name == "organisation":
        return _org("Café Courage")
    if name == "guide_page":
        return GuidePage.objects.filter(locale__language_code="de").order_by("path").first()
    area = WorkingGroupPage.objects.get(locale__language_code="de", group__name=WORKING_GROUPS[0])
    TranslationCreator(admin, [Locale.objects.get(language_code="ar")]).create_translations(area)
    return area


def translation_for(name, code, admin):
    german = german_object(name, admin)
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale__language_code=code
    )
    return german, translation


def target_of(translation):
    instance = translation.get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def refused(response):
    """Wagtail's refusal (redirect to the dashboard with a message) or a plain 403/404."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


def string_value(translation, segment):
    found = StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=translation.target_locale, context_id=segment.context_id
    ).first()
    return found.data if found else None


def first_segment(translation):
    return StringSegment.objects.filter(source=translation.source).order_by("order").first()


# Endpoints on one translation: each returns (response, changed) -------------------------------
def edit_string(client, translation):
    segment = first_segment(translation)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": INJECTED}), content_type="application/x-www-form-urlencoded"
    )
    return response, string_value(translation, segment) == INJECTED


def delete_string(client, translation):
    segment = first_segment(translation)
    StringTranslation.objects.get_or_create(
        translation_of_id=segment.string_id,
        locale=translation.target_locale,
        context_id=segment.context_id,
        defaults={"data": "Vorher übersetzt"},
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.delete(url)
    return response, string_value(translation, segment) is None


def edit_override(client, translation):
    segment = OverridableSegment.objects.filter(source=translation.source).order_by("order").first()
    if segment is None:
        pytest.skip("this source has no overridable segment")
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": "https://evil.example/"}), content_type="application/x-www-form-urlencoded"
    )
    changed = SegmentOverride.objects.filter(
        locale=translation.target_locale, context_id=segment.context_id, data_json__contains="evil.example"
    ).exists()
    return response, changed


def download_pofile(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    return response, None


def upload_pofile(client, translation):
    segment = first_segment(translation)
    po = translation.export_po()
    for entry in po:
        if entry.msgctxt == segment.context.path and entry.msgid == segment.string.data:
            entry.msgstr = INJECTED
    upload = io.BytesIO(str(po).encode())
    upload.name = "translation.po"
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": reverse("wagtailadmin_home") + "?done"},
    )
    return response, string_value(translation, segment) == INJECTED


def machine_translate(client, translation):
    StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    ).delete()
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY):
        response = client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": reverse("wagtailadmin_home") + "?done"},
        )
    changed = StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    ).exists()
    return response, changed


def preview(client, translation):
    return client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk])), None


def stop(client, translation):
    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        {"next": reverse("wagtailadmin_home") + "?done"},
    )
    translation.refresh_from_db()
    return response, not translation.enabled


def restart(client, translation):
    translation.enabled = False
    translation.save(update_fields=["enabled"])
    response = client.post(edit_url(target_of(translation)), {"localize-restart-translation": "1"})
    translation.refresh_from_db()
    return response, translation.enabled


def editor(client, translation):
    response = client.get(edit_url(target_of(translation)))
    assert refused(response) or "js-translation-editor" in response.content.decode()
    return response, None


def submit_for_approval(client, translation):
    target = target_of(translation)
    has_workflow = target.get_workflow() is not None
    response = client.post(reverse("moderation:submit_translation", args=[translation.pk]))
    target = target_of(translation)
    return response, target.workflow_in_progress if has_workflow else None


def convert_to_alias(client, translation):
    page = target_of(translation)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    page.refresh_from_db()
    return response, page.alias_of_id is not None


def submit_translation(client, translation):
    source = translation.source.get_source_instance()
    if isinstance(source, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    else:
        meta = source._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, source.pk]
        )
    return client.get(url), None


def update_translations(client, translation):
    return client.get(reverse("wagtail_localize:update_translations", args=[translation.source.pk])), None


TRANSLATION_ENDPOINTS = {
    "edit_string": edit_string,
    "delete_string": delete_string,
    "edit_override": edit_override,
    "download_pofile": download_pofile,
    "upload_pofile": upload_pofile,
    "machine_translate": machine_translate,
    "stop": stop,
    "restart": restart,
    "editor": editor,
    "submit_for_approval": submit_for_approval,
}
PAGE_ENDPOINTS = {"preview": preview, "convert_to_alias": convert_to_alias}
SOURCE_ENDPOINTS = {"submit_translation": submit_translation, "update_translations": update_translations}


def expected(endpoint, name, role, code):
    may_translate = code in TRANSLATE[name][role]
    if endpoint in SOURCE_ENDPOINTS:
        return role in SOURCE_ROLES
    if endpoint == "convert_to_alias":
        return may_translate and role in PUBLISHERS
    return may_translate


def cells():
    for name, codes in LOCALES.items():
        endpoints = {**TRANSLATION_ENDPOINTS, **SOURCE_ENDPOINTS}
        if name in PAGES:
            endpoints.update(PAGE_ENDPOINTS)
        for endpoint in endpoints:
            if name in PAGES and endpoint == "edit_override":
                continue  # guide and area pages have no overridable segment
            for code in codes:
                yield name, code, endpoint


ALL_ENDPOINTS = {**TRANSLATION_ENDPOINTS, **PAGE_ENDPOINTS, **SOURCE_ENDPOINTS}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "code", "endpoint"), list(cells()))
def test_translation_endpoint_matrix(client, role_user, role, name, code, endpoint):
    _german, translation = translation_for(name, code, role_user["admin"])
    client.force_login(role_user[role])
    response, changed = ALL_ENDPOINTS[endpoint](client, translation)
    if expected(endpoint, name, role, code):
        assert not refused(response), f"{role} should be allowed: {response.status_code}"
        assert changed in (None, True), f"{role}'s allowed write did not change the data"
    else:
        assert refused(response), f"{role} was not refused: {response.status_code}"
        assert changed in (None, False), f"{role}'s refused write changed the data"


def test_injected_text_does_not_reach_the_live_offer(client, role_user):
    """The reported attack: mitglied rewrites another organisation's English title; the manager publishes."""
    german, translation = translation_for("other_offer", "en", role_user["admin"])
    english = target_of(translation)
    title = english.title
    client.force_login(role_user["mitglied"])
    edit_string(client, translation)
    client.force_login(role_user["manager"])
    client.post(edit_url(english), {"action": "publish"})
    english.refresh_from_db()
    assert english.title == title
    assert not Offer.objects.filter(title=INJECTED).exists()


# The snippet chooser API ------------------------------------------------------------------
def listed_ids(client, model):
    meta = model._meta
    url = reverse("wagtail_localize:snippets_api_listing", args=[meta.app_label, meta.model_name])
    response = client.get(url)
    assert response.status_code == 200
    return {row["id"] for row in json.loads(response.content)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", [Offer, Organisation])
def test_snippet_chooser_api_lists_only_the_users_scope(client, role_user, role, model):
    user = role_user[role]
    client.force_login(user)
    ids = listed_ids(client, model)
    scope = set(
        model.snippet_viewset.permission_policy.scope(user, model.objects.all()).values_list("pk", flat=True)
    )
    assert ids == scope
    everything = set(model.objects.values_list("pk", flat=True))
    if role in ("manager", "admin"):
        assert ids == everything
    else:
        assert ids and ids < everything
    if role == "uebersetzer":
        assert set(model.objects.filter(pk__in=ids).values_list("locale__language_code", flat=True)) == {"ar"}


@pytest.mark.parametrize("role", ROLES)
def test_snippet_chooser_api_detail_is_scoped(client, role_user, role):
    caritas = _org("Caritasverband").translation_key
    other = Offer.objects.filter(organisation__translation_key=caritas, locale__language_code="en").first()
    client.force_login(role_user[role])
    url = reverse("wagtail_localize:snippets_api_detail", args=["offers", "offer", other.pk])
    response = client.get(url)
    if role in ("ag-mitglied", "manager", "admin"):
        assert response.status_code == 200 and json.loads(response.content)["title"] == other.title
    else:
        assert response.status_code == 403 and other.title not in response.content.decode()


# The translations report ---------------------------------------------------------------------
@pytest.mark.parametrize("role", ROLES)
def test_translations_report_is_for_the_integration_management(client, role_user, role):
    area = WorkingGroupPage.objects.get(locale__language_code="de", group__name=WORKING_GROUPS[0])
    TranslationCreator(role_user["admin"], [Locale.objects.get(language_code="ar")]).create_translations(area)
    client.force_login(role_user[role])
    for name in ("translations_report", "translations_report_results"):
        response = client.get(reverse(f"wagtail_localize:{name}"))
        if role in ("manager", "admin"):
            assert response.status_code == 200
        else:
            assert refused(response) and area.title not in response.content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse("wagtail_localize:translations_report") in menu) == (role in ("manager", "admin"))


# Every route is guarded -------------------------------------------------------------------------
def localize_routes():
    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                yield prefix + str(pattern.pattern), f"{namespace}{pattern.name or ''}"

    return sorted(set(walk(get_resolver().url_patterns, "", "")))


def test_every_localize_route_has_a_guard():
    """A route of wagtail-localize without an entry in GUARDS would be managers-only (fail closed);
    this lists them so that an upgrade adding routes is noticed and each gets its object check."""
    routes = {
        name
        for route, name in localize_routes()
        if route.startswith("admin/localize/") or name.split(":")[0] in GUARDED_NAMESPACES
    }
    assert routes, "no wagtail-localize route found"
    assert "wagtail_localize:edit_string_translation" in routes
    assert routes <= set(GUARDS), f"unguarded: {sorted(routes - set(GUARDS))}"
    # No second view at a wagtail-localize address (a nameless override would bypass the table).
    assert all(
        name.split(":")[-1] for route, name in localize_routes() if route.startswith("admin/localize/")
    )


def test_unknown_localize_route_is_managers_only():
    from moderation.translation_access import guard_for, managers_only

    assert guard_for("wagtail_localize:some_future_view") is managers_only
    assert guard_for("wagtailadmin_home") is None


# Restricted areas in every locale ------------------------------------------------------------
def restricted_versions():
    """The network area and both working-group areas in every locale other than German (aliases)."""
    from network.models import NetworkAreaPage

    german = [
        *NetworkAreaPage.objects.filter(locale__language_code="de"),
        *WorkingGroupPage.objects.filter(locale__language_code="de"),
    ]
    keys = [page.translation_key for page in german]
    return list(Page.objects.filter(translation_key__in=keys).exclude(locale__language_code="de"))


@pytest.mark.parametrize("role", ROLES)
def test_restricted_areas_in_every_locale(client, role_user, role):
    """wagtail-localize's alias editor ("translate this page") and its submit screen on every locale
    version of the restricted areas: the integration management only. (Converting to an alias is
    checked on the area's translation in the matrix; on an alias it is a 404 for everybody.)"""
    pages = restricted_versions()
    assert len({p.locale_id for p in pages}) == 6 and len(pages) >= 18
    client.force_login(role_user[role])
    for page in pages:
        for url in (
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        ):
            response = client.get(url)
            if role in ("manager", "admin"):
                assert not refused(response), (url, response.status_code)
            else:
                assert refused(response), (role, url)
                assert page.title not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_locale_admin_and_script_catalogue(client, role_user, role):
    """wagtail_localize.locales' admin (locale management) is the administrator's; the JavaScript
    catalogue of interface strings is open to every admin user (it holds no content)."""
    client.force_login(role_user[role])
    german = Locale.objects.get(language_code="de")
    for url in (
        reverse("wagtaillocales:index"),
        reverse("wagtaillocales:edit", args=[german.pk]),
        reverse("wagtaillocales:delete", args=[german.pk]),
    ):
        response = client.get(url)
        assert refused(response) is (role != "admin"), (role, url)
    assert client.get(reverse("wagtail_localize:javascript_catalog")).status_code == 200
