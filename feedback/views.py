"""The public answer: a plain POST form on guide, offer and event pages, then back to the page.

Why there is no CSRF token: the form sits on pages the full-page cache stores for every
anonymous reader (``operations/page_cache.py`` refuses any page with a CSRF token, and the
token's cookie would be personal). CSRF protects what a forged request could do *as the
victim*: here there is no victim. The answer is anonymous, changes nothing of anybody's
account, data or session, and a forged answer is worth no more than one the attacker sends
himself. What a forger or a robot could do — stuff the figures — is limited instead by the
rate limit per client address (``feedback.ratelimit``) and the honeypot field.

After an accepted answer the reader is sent back (303) to the page with ``?feedback=thanks``,
where the form's place says thank you. That URL is a page of its own for the page cache
(its key holds the whole path), the same for every reader, so it is cached like the page
and never wrong; no message cookie or session is needed, which would make the next page
uncacheable. Canonical and language links of the page ignore the query.

A bad answer (no yes/no, a comment too long, the limit used up) gets the form again on a
small page of its own, with the message in the reader's language and the comment kept.
"""

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import ratelimit
from .forms import FeedbackForm
from .models import Feedback
from .targets import public_target

THANKS_QUERY = "feedback=thanks"


def thanks_url(target):
    return f"{target.url}?{THANKS_QUERY}#feedback"


@csrf_exempt  # anonymous, changes nothing of anybody's: see the module docstring
@require_POST
def submit(request):
    language = translation.get_language()
    target = public_target(request.POST.get("kind"), request.POST.get("target"), language, request)
    if target is None:
        raise Http404
    form = FeedbackForm(request.POST)
    rate_key = f"{target.kind}:{target.obj.pk}"
    status = 400
    rate_limited = ratelimit.exceeded(request, rate_key)
    if rate_limited:
        status = 429
        form.is_valid()  # the comment stays in the form; nothing is stored
    elif form.is_spam():
        ratelimit.record(request, rate_key)
        return _see_other(thanks_url(target))  # as if stored: the robot learns nothing
    elif form.is_valid():
        Feedback.objects.create(
            **target.row_fields(),
            language=language,
            helpful=form.answer,
            comment=form.cleaned_data["comment"],
        )
        ratelimit.record(request, rate_key)
        return _see_other(thanks_url(target))
    context = {
        **target.chrome_page.site_chrome(request),
        "page": target.chrome_page,
        "target": target,
        "form": form,
        "rate_limited": rate_limited,
    }
    response = TemplateResponse(request, "feedback/submit.html", context, status=status)
    add_never_cache_headers(response)
    return response


def _see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
