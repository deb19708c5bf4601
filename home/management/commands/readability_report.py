"""Readability of the German guide pages and of their summaries in plain language (issue 15).

    manage.py readability_report            # every German guide page (latest revision)
    manage.py readability_report --with-summary

Columns: Wiener Sachtextformel (school year, lower is easier), Flesch-Amstad (higher is
easier), words per sentence, long sentences (> 20 words), long words (> 15 letters); for the
page text, then for its summary in plain language.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from home.models import GuidePage
from home.readability import analyse_page


def _row(result):
    if result is None or result.is_empty:
        return f"{'–':>5} {'–':>6} {'–':>5} {'–':>4} {'–':>4}"
    return (
        f"{result.wiener_sachtextformel:>5} {result.flesch_amstad:>6} {result.words_per_sentence:>5} "
        f"{len(result.long_sentences):>4} {len(result.long_words):>4}"
    )


class Command(BaseCommand):
    help = "Print readability scores of the German guide pages and of their summaries in plain language."

    def add_arguments(self, parser):
        parser.add_argument("--with-summary", action="store_true", help="Only pages that have a summary.")

    def handle(self, *args, **options):
        pages = GuidePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")
        if options["with_summary"]:
            pages = pages.exclude(easy_read="")
        head = f"{'WSTF':>5} {'Flesch':>6} {'W/S':>5} {'LS':>4} {'LW':>4}"
        self.stdout.write(f"{'page':<32} | page text: {head} | summary: {head}")
        for page in pages:
            page = page.get_latest_revision_as_object()
            result = analyse_page(page)
            text, summary = _row(result["page"]), _row(result["summary"])
            self.stdout.write(f"{page.slug[:32]:<32} | {' ' * 11}{text} | {' ' * 9}{summary}")
