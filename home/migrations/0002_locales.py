"""Create every content locale and synchronise its page tree from German.

German (``LANGUAGE_CODE``) is created by Wagtail's own migrations. The other
locales get a wagtail-localize ``LocaleSynchronization`` so that untranslated
pages appear in them as aliases of the German page (shown with a notice).
"""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == source.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
