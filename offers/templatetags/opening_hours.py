"""``{% opening_hours_view hours as oh %}``: what ``offers/includes/opening_hours.html`` shows.

The status line ("open now, until 12:00") is computed on the server in Europe/Berlin;
the tag tells the page cache that the page is true only until the status changes
(``operations.page_cache.limit_lifetime``), so a stored page never shows a stale line.
"""

from django import template

from offers.hours import display
from operations.page_cache import limit_lifetime

register = template.Library()


@register.simple_tag(takes_context=True)
def opening_hours_view(context, hours, schedule=False, no_status=False, now=None):
    shown = display(hours, now=now, schedule=bool(schedule))
    if shown is None:
        return None
    if no_status:
        shown["status_text"] = None
    elif shown["status"] is not None:
        request = context.get("request")
        if request is not None:
            limit_lifetime(request, shown["status"]["changes_at"])
    return shown
