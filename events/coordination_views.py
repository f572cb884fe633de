"""Coordinators plan a session on a phone: `/koordinointi/tilaisuudet/uusi/`.

Targets are chosen with the browser's own autocomplete (an input with a `<datalist>` of
the networks, units and job roles: native, keyboard- and screen-reader-friendly, no
widget library to ship) and a *Lisää* button; each choice becomes a ticked box, and
unticking removes it. Without JavaScript *Lisää* sends the form and the page comes back
with the choice added; with it (events/static/events/coordination.js) the choice is
added in place and the count of people reached is fetched from
`/koordinointi/tilaisuudet/kohderyhma/` after every change."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events import coordination_selectors as selectors
from events import coordination_services as services
from events.coordination_forms import TARGET_KINDS, SessionPlanForm
from events.views_coordinator import coordinator_only


def _ids(values) -> list[int]:
    return [int(value) for value in values if str(value).isdigit()]


def reach_text(count: int) -> str:
    return ngettext(
        "Kohderyhmä tavoittaa %(count)s henkilön.",
        "Kohderyhmä tavoittaa %(count)s henkilöä.",
        count,
    ) % {"count": count}


def _chosen(data, options) -> dict[str, list]:
    """The ticked targets of each kind, as options, in the order chosen."""
    chosen = {}
    for field, key in TARGET_KINDS.items():
        by_id = {option.pk: option for option in options[key]}
        ids = list(dict.fromkeys(_ids(data.getlist(field))))
        chosen[field] = [by_id[pk] for pk in ids if pk in by_id]
    return chosen


def _add_typed(request, field: str, options, chosen) -> str | None:
    """The choice typed in the kind's search box, added to `chosen`; or a message."""
    typed = request.POST.get(f"{field}_haku", "").strip().lower()
    match = next(
        (o for o in options[TARGET_KINDS[field]] if o.label.lower() == typed), None
    ) or next((o for o in options[TARGET_KINDS[field]] if typed and typed in o.label.lower()), None)
    if match is None:
        return _("Valitse jokin ehdotuksista.")
    if match not in chosen[field]:
        chosen[field].append(match)
    return None


@coordinator_only
def plan(request):  # long: add a target, save, or show the page; all work without JavaScript
    options = selectors.target_options()
    series = selectors.series_choices()
    errors: dict[str, str] = {}
    if request.method == "POST":
        chosen = _chosen(request.POST, options)
        adding = request.POST.get("lisaa", "")
        if adding in TARGET_KINDS:
            problem = _add_typed(request, adding, options, chosen)
            if problem:
                errors[adding] = problem
            # Not saved yet: the page comes back with the choice, nothing flagged.
            form = SessionPlanForm(initial=request.POST.dict(), series=series, options=options)
        else:
            form = SessionPlanForm(request.POST, series=series, options=options)
            if form.is_valid():
                data = form.cleaned_data
                session = services.session_plan(
                    series=data["series"],
                    title=data["title"],
                    description=data["description"],
                    format=data["format"],
                    address=data["address"],
                    meeting_link=data["meeting_link"],
                    starts_at=data["starts_at"],
                    duration_minutes=data["duration_minutes"],
                    capacity=data["capacity"],
                    network_ids=data["verkostot"],
                    unit_ids=data["yksikot"],
                    role_ids=data["nimikkeet"],
                )
                messages.success(
                    request,
                    _("Tilaisuus suunniteltu: %(title)s. Kutsu kohderyhmä, kun olet valmis.")
                    % {"title": session.title},
                )
                return redirect("events:attendance", session_id=session.pk)
    else:
        form = SessionPlanForm(series=series, options=options)
        # A target may come in the address (the hyte picture's "plan a session" for a unit).
        chosen = _chosen(request.GET, options)
    count = selectors.reach_count(
        network_ids=[o.pk for o in chosen["verkostot"]],
        unit_ids=[o.pk for o in chosen["yksikot"]],
        role_ids=[o.pk for o in chosen["nimikkeet"]],
    )
    pickers = [
        {
            "field": field,
            "legend": legend,
            "search_label": search_label,
            "options": options[TARGET_KINDS[field]],
            "chosen": chosen[field],
            "error": errors.get(field, ""),
        }
        for field, legend, search_label in (
            ("verkostot", _("Kohdeverkostot"), _("Hae verkostoa")),
            ("yksikot", _("Kohdeyksiköt (alayksiköt mukana)"), _("Hae yksikköä")),
            ("nimikkeet", _("Kohdenimikkeet"), _("Hae tehtävänimikettä")),
        )
    ]
    return render(
        request,
        "events/coordination_plan.html",
        {
            "form": form,
            "pickers": pickers,
            "reach": reach_text(count),
            "has_series": series.exists(),
        },
    )


@coordinator_only
def reach(request):
    """The live count: how many people the ticked targets reach."""
    count = selectors.reach_count(
        network_ids=_ids(request.GET.getlist("verkostot")),
        unit_ids=_ids(request.GET.getlist("yksikot")),
        role_ids=_ids(request.GET.getlist("nimikkeet")),
    )
    return JsonResponse({"count": count, "text": reach_text(count)})
