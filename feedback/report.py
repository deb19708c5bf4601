"""The figures for the integration management: per page (or offer) and language, newest comments first.

Four queries (three without the comments) whatever the number of answers: the counts per
target and language, the titles of the pages, of the offers, and the comments.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from wagtail.models import Page

from offers.models import Offer
from portal.admin_urls import admin_edit_url

from .models import Feedback


@dataclass
class Row:
    kind: str
    target_id: int
    language: str
    votes: int
    no: int
    last: object
    title: str = ""
    edit_url: str = ""
    comments: list = field(default_factory=list)

    @property
    def yes(self):
        return self.votes - self.no

    @property
    def share_no(self):
        """Share of "No" answers in per cent, rounded to a whole number."""
        return round(100 * self.no / self.votes) if self.votes else 0


def rows(language=None, with_comments=True):
    """Rows sorted by the share of "No", then by the number of answers (the pages to look at first)."""
    answers = Feedback.objects.all()
    if language:
        answers = answers.filter(language=language)
    counts = answers.values("kind", "page_id", "offer_id", "language").annotate(
        votes=Count("id"), no=Count("id", filter=Q(helpful=False)), last=Max("created")
    )
    result = {}
    for entry in counts:
        target_id = entry["page_id"] or entry["offer_id"]
        key = (entry["kind"], target_id, entry["language"])
        result[key] = Row(
            entry["kind"], target_id, entry["language"], entry["votes"], entry["no"], entry["last"]
        )
    page_ids = {key[1] for key in result if key[0] == Feedback.PAGE}
    offer_ids = {key[1] for key in result if key[0] == Feedback.OFFER}
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).only("id", "title")} if page_ids else {}
    offers = (
        {o.pk: o for o in Offer.objects.filter(pk__in=offer_ids).only("id", "title")} if offer_ids else {}
    )
    for row in result.values():
        if row.kind == Feedback.PAGE:
            obj, model = pages.get(row.target_id), Page
        else:
            obj, model = offers.get(row.target_id), Offer
        row.title = obj.title if obj else ""
        row.edit_url = admin_edit_url(model, row.target_id) if obj else ""
    if result and with_comments:
        for comment in answers.exclude(comment="").order_by("-created", "-id"):
            key = (comment.kind, comment.page_id or comment.offer_id, comment.language)
            if key in result:
                result[key].comments.append(comment)
    return sorted(result.values(), key=lambda r: (-r.share_no, -r.votes, r.title, r.language))


# Spreadsheets run a cell that starts with one of these as a formula ("CSV injection"):
# the comments are anonymous text from anybody.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
