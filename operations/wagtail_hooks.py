"""Admin: the unsent-mail panel on the dashboard of the integration management."""

from wagtail import hooks

from portal.roles import is_manager

from .models import OutboxMessage
from .page_cache import mark_page
from .panels import UnsentMailPanel


@hooks.register("construct_homepage_panels")
def add_unsent_mail_panel(request, panels):
    if is_manager(request.user) and OutboxMessage.objects.exists():
        panels.append(UnsentMailPanel())


@hooks.register("search_write_failed")
def queue_failed_search_write(target, action, model_label, object_id):
    """search/elastic.py could not write: remember it for ``manage.py retry_search_index``."""
    from operations.search_queue import enqueue

    enqueue(target, action, model_label, object_id)


# The full-page cache checks the served page's view restrictions before storing it.
hooks.register("before_serve_page", mark_page, order=-100)
