"""Unit staff's views of the phrase library: search, a phrase with its gaps, copy
counting, favourites, the hyte card and the glossary. Thin: access, selector or
service, render."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.selectors import employee_for_user
from phrases import gaps, hyte_card, selectors, services
from phrases.extensions import phrase_page_sections
from phrases.forms import LibrarySearchForm, check_gap_values
from phrases.permissions import user_can_use_library


def _library_access(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_can_use_library(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _unit_id(request) -> int | None:
    employee = employee_for_user(request.user)
    return employee.unit_id if employee is not None else None


def _search(request):
    form = LibrarySearchForm(request.GET or None)
    results = selectors.search_phrases(
        user=request.user, unit_id=_unit_id(request), **form.filters()
    )
    return form, results


@_library_access
def library(request):
    """The library page: a GET form that works without JavaScript."""
    form, results = _search(request)
    return render(
        request,
        "phrases/library.html",
        {"form": form, "results": results, "searched": bool(request.GET)},
    )


@_library_access
def library_results(request):
    """The result list alone, for search as you type: rendered without the context
    processors, since the fragment shows none of what they add (the page around it
    does)."""
    form, results = _search(request)
    return HttpResponse(
        render_to_string(
            "phrases/_results.html", {"form": form, "results": results, "searched": True}
        )
    )


def _phrase_or_404(request, code: str):
    phrase = selectors.phrase_for_code(code=code, user=request.user)
    if phrase is None:
        raise Http404
    return phrase


@_library_access
def phrase_detail(request, code: str):
    """A phrase with its gaps as form controls. Without JavaScript, the form posts here
    and the finished text comes back selected in a read-only field for Ctrl+C; that
    post counts as a copy, since it is the only sign of one. Nothing filled is stored."""
    phrase = _phrase_or_404(request, code)
    parsed = phrase.parsed()
    activities = selectors.activities_for_chooser()
    organiser_of = {activity.name: activity.organisation.name for activity in activities}
    values, problems, finished = {}, [], None
    if request.method == "POST":
        values, problems = check_gap_values(parsed, request.POST, organiser_of)
        if not problems:
            finished = gaps.fill(parsed, values, organiser_of)
            unit_id = _unit_id(request)
            if unit_id is not None:
                services.phrase_copy_record(phrase=phrase, unit_id=unit_id)
    return render(
        request,
        "phrases/phrase_detail.html",
        {
            "phrase": phrase,
            "gap_fields": _gap_fields(parsed, values),
            "activity_groups": _activity_groups(activities, phrase),
            "problems": problems,
            "finished": finished,
            "preview": gaps.fill(parsed, values, organiser_of) if values else "",
            "parts": _parts_for_script(parsed),
            "sections": phrase_page_sections(request, phrase),
        },
        status=400 if problems else 200,
    )


def _activity_groups(activities, phrase) -> list[tuple]:
    """The activity gap's choices: those of the phrase's themes first, then the rest;
    one unlabelled group when the phrase has no theme or none of them has activities."""
    in_theme, others = selectors.activities_by_theme(activities, themes=phrase.themes)
    if not in_theme or not others:
        return [(None, activities)]
    return [(_("Fraasin teeman toiminnat"), in_theme), (_("Muut toiminnat"), others)]


def _parts_for_script(parsed: gaps.Parsed) -> list[dict]:
    """The body for the live preview script: text pieces and gap references."""
    return [
        {"text": part} if isinstance(part, str) else {"gap": part.name, "kind": part.kind}
        for part in parsed.parts
    ]


def _gap_fields(parsed: gaps.Parsed, values: dict) -> list[dict]:
    return [
        {"gap": gap, "value": values.get(gap.name, ""), "id": f"gap-{gap.name}"}
        for gap in parsed.gaps
    ]


@require_POST
@_library_access
def phrase_copied(request, code: str):
    """Count one copy for the user's unit. Only the phrase and unit reach the server."""
    phrase = _phrase_or_404(request, code)
    unit_id = _unit_id(request)
    if unit_id is not None:
        services.phrase_copy_record(phrase=phrase, unit_id=unit_id)
    return HttpResponse(status=204)


@require_POST
@_library_access
def phrase_favourite(request, code: str):
    phrase = _phrase_or_404(request, code)
    services.phrase_favourite_set(
        user=request.user, phrase=phrase, favourite=request.POST.get("favourite") == "1"
    )
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("phrases:phrase", code=phrase.code)


@_library_access
def hyte_card_page(request):
    """The printable hyte card: the activity tray as a QR code and conversation tips."""
    return render(
        request,
        "phrases/hyte_card.html",
        {
            "tray_url": settings.HYTE_TRAY_URL,
            "qr_svg": hyte_card.qr_svg(settings.HYTE_TRAY_URL),
            "tips_fi": hyte_card.tips("fi"),
            "tips_sv": hyte_card.tips("sv"),
        },
    )


@_library_access
def glossary(request):
    return render(request, "phrases/glossary.html", {"terms": selectors.glossary_terms()})
