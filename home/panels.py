"""The readability panel of the page editor (issue 15, item 3).

Shows the analysis of the German text of the draft being edited (``home/readability.py``):
the scores, what they mean, the sentences longer than 20 words and the words longer than
15 letters, marked. Without JavaScript it shows the last saved draft (the edit view's
instance is the latest revision); ``home/static/home/js/readability.js`` posts the text of
the form to ``home_easy_read_analyse`` (``home/easy_read.py``) and refreshes it while the
editor writes.
"""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/readability_panel.html"

        class Media:
            js = ["home/js/readability.js"]

        def is_shown(self):
            """German pages only: the formulas are German ones, and translators edit elsewhere."""
            locale = getattr(self.instance, "locale", None)
            return locale is None or locale.language_code == settings.LANGUAGE_CODE

        def get_context_data(self, parent_context=None):
            from home.readability import MAX_SENTENCE_WORDS, MAX_WORD_LETTERS, analyse_page

            context = super().get_context_data(parent_context)
            page = self.instance
            context["analysis"] = analyse_page(page)
            context["limits"] = {"words": MAX_SENTENCE_WORDS, "letters": MAX_WORD_LETTERS}
            context["endpoint"] = reverse("home_easy_read_analyse")
            if page.pk:
                context["page_param"] = ("page", page.pk)
            else:
                parent = _parent_from_path(self.request)
                context["page_param"] = ("parent", parent) if parent else None
            return context


def _parent_from_path(request):
    """The parent page id of the create view (``/admin/pages/add/<app>/<model>/<parent_id>/``)."""
    match = getattr(request, "resolver_match", None)
    return match.kwargs.get("parent_page_id") if match else None
