"""The language-quality report: per language, glossary violations and untranslated frame pages."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from portal.roles import is_manager

from .checks import all_violations
from .frame import untranslated_frame_pages


def _edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    viewset = getattr(instance, "snippet_viewset", None)
    return reverse(viewset.get_url_name("edit"), args=[instance.pk]) if viewset else ""


def language_rows():
    untranslated = untranslated_frame_pages()
    violations = all_violations()
    names = dict(settings.LANGUAGES)
    rows = {
        code: {"code": code, "name": names.get(code, code), "items": [], "count": 0} for code in untranslated
    }
    for translation, found in violations.items():
        code = translation.target_locale.language_code
        row = rows.setdefault(code, {"code": code, "name": names.get(code, code), "items": [], "count": 0})
        try:
            target = translation.get_target_instance()
        except Exception:  # noqa: BLE001, S112 - a deleted target: nothing to check
            continue
        row["items"].append({"title": str(target), "edit_url": _edit_url(target), "violations": found})
        row["count"] += len(found)
    for code, pages in untranslated.items():
        rows[code]["untranslated"] = [
            {"title": p.title, "edit_url": reverse("wagtailadmin_pages:edit", args=[p.pk])} for p in pages
        ]
    return [rows[code] for code in sorted(rows)]


def language_quality_report(request):
    if not is_manager(request.user):
        raise PermissionDenied
    return TemplateResponse(request, "glossary/report.html", {"rows": language_rows()})
