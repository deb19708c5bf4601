"""The integration management reads the answers; nobody else does.

Protects: every role against every admin route of the feedback (listing, CSV, deleting a
comment): anonymous → login, members, working-group members and translators → 403, the
integration management and the administrator → allowed; the listing and the CSV show per
page and language the answers and the share of "No", the comments newest first, with
a constant number of queries; CSV cells cannot run as formulas; deleting a comment keeps
the answer; the dashboard panel is the manager's only.
"""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from feedback.models import Feedback
from feedback.report import csv_cell

pytestmark = pytest.mark.django_db

LISTING = reverse("feedback_admin:listing")


@pytest.fixture
def answers(guide, offer, arabic):
    today = datetime.date(2026, 11, 20)
    arabic_guide = guide.get_translation(arabic)
    rows = [
        Feedback(
            kind="page",
            page=guide,
            language="de",
            helpful=False,
            comment="Zu viele Fachwörter",
            created=today,
        ),
        Feedback(
            kind="page",
            page=guide,
            language="de",
            helpful=False,
            comment="Wo melde ich mich neu an?",
            created=today + datetime.timedelta(days=3),
        ),
        Feedback(kind="page", page=guide, language="de", helpful=True, created=today),
        Feedback(kind="page", page=arabic_guide, language="ar", helpful=True, comment="شكرا", created=today),
        Feedback(
            kind="offer", offer=offer, language="de", helpful=True, comment='=HYPERLINK("x")', created=today
        ),
    ]
    return Feedback.objects.bulk_create(rows)


def roles(users, role_users):
    everyone = dict(role_users)
    everyone["uebersetzer"] = users["uebersetzer"]
    everyone["admin"] = users["admin"]
    return everyone


ALLOWED = {"manager", "admin"}
REFUSED = {"mitglied", "ag-mitglied", "ag2-mitglied", "uebersetzer"}


@pytest.mark.parametrize("role", ["anonymous", *sorted(REFUSED), *sorted(ALLOWED)])
def test_role_matrix_for_every_admin_route(client, users, role_users, answers, role):
    user = roles(users, role_users)[role]
    if user is not None:
        client.force_login(user)
    comment = answers[0]
    delete_url = reverse("feedback_admin:delete_comment", args=[comment.pk])
    responses = {
        "listing": client.get(LISTING),
        "csv": client.get(LISTING + "?format=csv"),
        "delete": client.post(delete_url),
    }
    for route, response in responses.items():
        if role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"], route
        elif role in REFUSED:
            assert response.status_code == 403, (role, route)
            assert b"Zu viele Fachw" not in response.content
            assert 'class="button" href="/admin/"' in response.content.decode()  # the refusal page
        else:
            expected = 302 if route == "delete" else 200
            assert response.status_code == expected, (role, route)
    comment.refresh_from_db()
    assert (comment.comment == "") is (role in ALLOWED)


def test_listing_per_page_and_language_newest_comment_first(client, users, answers, guide):
    client.force_login(users["manager"])
    page = client.get(LISTING).content.decode()
    assert "Rückmeldungen der Lesenden" in page  # the manager's admin speaks German
    german_row = page.index(f'data-kind="page" data-target="{guide.pk}" data-language="de"')
    arabic_row = page.index('data-language="ar"')
    offer_row = page.index('data-kind="offer"')
    assert german_row < arabic_row and german_row < offer_row  # largest share of "No" first
    row = page[german_row:arabic_row]
    assert guide.title in row
    assert '<td class="votes">3</td>' in row and "67 %" in row
    assert row.index("Wo melde ich mich neu an?") < row.index("Zu viele Fachwörter")  # newest first
    assert "شكرا" in page[arabic_row:]
    assert f'href="/admin/pages/{guide.pk}/edit/"' in row
    only_arabic = client.get(LISTING + "?language=ar").content.decode()
    assert "شكرا" in only_arabic and "Zu viele Fachwörter" not in only_arabic


def test_listing_queries_do_not_grow_with_the_answers(client, users, answers, guide, event, offer):
    client.force_login(users["manager"])
    client.get(LISTING)  # warm up the admin's one-off queries
    with CaptureQueriesContext(connection) as few:
        client.get(LISTING)
    Feedback.objects.bulk_create(
        [
            Feedback(kind="page", page=event, language=code, helpful=False, comment=code)
            for code in ("de", "en", "fa")
        ]
        + [
            Feedback(kind="offer", offer=offer, language="uk", helpful=False, comment="погано")
            for _ in range(3)
        ]
    )
    with CaptureQueriesContext(connection) as many:
        page = client.get(LISTING).content.decode()
    assert page.count("<tr data-kind=") == 7  # 3 before, the event in 3 languages, the offer in one
    assert len(many) == len(few)


def test_csv_has_the_same_figures_and_no_formulas(client, users, answers, guide, offer):
    client.force_login(users["manager"])
    response = client.get(LISTING + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["language"] for r in rows][:1] == ["de"]
    german = rows[0]
    assert (german["kind"], german["title"], german["votes"], german["yes"], german["no"]) == (
        "page",
        guide.title,
        "3",
        "1",
        "2",
    )
    assert german["share_no_percent"] == "67" and german["last_answer"] == "2026-11-23"
    assert german["comments"] == "2026-11-23: Wo melde ich mich neu an?\n2026-11-20: Zu viele Fachwörter"
    offer_row = next(r for r in rows if r["kind"] == "offer")
    assert offer_row["title"] == offer.title and offer_row["share_no_percent"] == "0"
    assert offer_row["comments"] == '2026-11-20: =HYPERLINK("x")'  # starts with the date: no formula


def test_a_cell_starting_with_a_formula_is_defused(client, users, guide):
    Feedback.objects.create(kind="page", page=guide, language="de", helpful=False)
    assert csv_cell("=SUM(A1)") == "'=SUM(A1)" and csv_cell("@cmd") == "'@cmd"
    assert csv_cell("Gut erklärt") == "Gut erklärt"  # positive control
    guide.title = "=Formel im Titel"
    guide.save_revision().publish()
    client.force_login(users["manager"])
    rows = list(csv.DictReader(io.StringIO(client.get(LISTING + "?format=csv").content.decode())))
    assert rows[0]["title"] == "'=Formel im Titel"


def test_deleting_a_comment_keeps_the_answer(client, users, answers, guide):
    client.force_login(users["manager"])
    comment = answers[0]
    assert client.get(reverse("feedback_admin:delete_comment", args=[comment.pk])).status_code == 405
    response = client.post(reverse("feedback_admin:delete_comment", args=[comment.pk]), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Der Kommentar wurde gelöscht." in page
    assert "Zu viele Fachwörter" not in page and "Wo melde ich mich neu an?" in page  # the other one stays
    comment.refresh_from_db()
    assert comment.comment == "" and comment.helpful is False
    assert Feedback.objects.filter(page=guide, language="de").count() == 3  # the answer still counts


def test_dashboard_panel_for_the_manager_only(client, users, answers, guide):
    client.force_login(users["manager"])
    dashboard = client.get("/admin/").content.decode()
    assert 'id="feedback-panel' in dashboard
    panel = dashboard[dashboard.index('id="feedback-panel') :]
    assert guide.title in panel and "67 %" in panel
    assert LISTING in panel
    client.force_login(users["mitglied"])
    member_dashboard = client.get("/admin/")
    assert member_dashboard.status_code == 200
    assert "feedback-panel" not in member_dashboard.content.decode()
