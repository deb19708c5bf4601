"""Handling of the public request forms (served by ``RequestFormPage``)."""

from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from accounts import ratelimit
from personal_requests import conf
from personal_requests.forms import MediatorRequestForm, MentorshipRequestForm
from personal_requests.notifications import notify_managers

RATE_SCOPE = "request-form"

FORMS = {
    "mediator": (MediatorRequestForm, "mediator_requests:edit"),
    "mentorship": (MentorshipRequestForm, "mentorship_requests:edit"),
}


def request_form(page, request):
    """GET shows the form, POST checks the limit, the honeypot and the fields.

    CSRF: Wagtail's serve view is protected by ``CsrfViewMiddleware``; the
    ``{% csrf_token %}`` in the form sets the csrftoken cookie on this page only.
    """
    form_class, admin_url_name = FORMS[page.kind]
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        if ratelimit.exceeded(request, RATE_SCOPE, conf.rate_limit()):
            # The entered values stay in the form; nothing is stored.
            form.rate_limited = True
            status = 429
        elif form.is_spam():
            return HttpResponseRedirect(page.url + page.reverse_subpage("sent"))
        elif form.is_valid():
            submission = form.save(commit=False)
            submission.site_language = translation.get_language() or page.locale.language_code
            submission.save()
            ratelimit.record(request, RATE_SCOPE, conf.rate_limit())
            notify_managers(submission, admin_url_name)
            return HttpResponseRedirect(page.url + page.reverse_subpage("sent"))
        else:
            status = 400
    else:
        form = form_class()
    response = page.render(
        request,
        template="personal_requests/request_form_page.html",
        context_overrides={
            "form": form,
            "rate_limited": getattr(form, "rate_limited", False),
            "retention_days": conf.retention_days(),
        },
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def request_sent(page, request):
    return page.render(
        request,
        template="personal_requests/request_sent.html",
        context_overrides={
            "retention_days": conf.retention_days(),
            "confirmation": _("Thank you. Your request has been sent."),
        },
    )
