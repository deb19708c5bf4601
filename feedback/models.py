"""One anonymous answer to "Did this page help you?".

Nothing personal is stored: no address, no user agent, no user, no time of day (the day
only, so that rows cannot be matched with a server log). The target is a page (guide,
standard or event page, in the reader's locale) or an offer (possibly the German one shown
as fallback), the language is the one the reader read the site in.

Saving a row does not make the page cache stale: ``operations.page_cache.IGNORED_MODELS``
lists this app, because no public page shows the answers.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class Feedback(models.Model):
    PAGE = "page"
    OFFER = "offer"
    KINDS = [(PAGE, "page"), (OFFER, "offer")]

    kind = models.CharField(max_length=5, choices=KINDS)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    offer = models.ForeignKey(
        "offers.Offer", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    created = models.DateField(default=timezone.localdate, db_index=True)

    class Meta:
        verbose_name = _("Reader feedback")
        verbose_name_plural = _("Reader feedback")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="page", page__isnull=False, offer__isnull=True))
                | Q(kind="offer", offer__isnull=False, page__isnull=True),
                name="feedback_one_target",
            )
        ]

    def __str__(self):
        answer = "yes" if self.helpful else "no"
        return f"{self.kind} {self.page_id or self.offer_id} ({self.language}): {answer}"
