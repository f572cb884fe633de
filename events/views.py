"""Employees' session pages (list, session, seats, calendar file, check-in, feedback,
sharing with the team), the presenter's signed-link page and networks."""

import datetime
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import ics, links, selectors, services
from events.forms import (
    AddMemberForm,
    CheckInForm,
    FeedbackForm,
    PresenterFeedbackForm,
    SlotConfirmForm,
)
from events.models import Network, PresenterSlot, Registration, Session
from events.permissions import user_can_convene, user_can_share_with_team, user_is_coordinator
from people.models import Employee
from people.selectors import employee_for_user
from reporting.filenames import export_filename


def _employee_or_404(request) -> Employee:
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    return employee


def _session_or_404(session_id: int) -> Session:
    try:
        return selectors.session_detail(session_id=session_id)
    except Session.DoesNotExist as error:
        raise Http404 from error


@login_required
def session_list(request):
    employee = _employee_or_404(request)
    cards = selectors.upcoming_sessions_for(employee=employee)
    return render(
        request,
        "events/session_list.html",
        {
            "for_me": [card for card in cards if card.meant_for_me],
            "others": [card for card in cards if not card.meant_for_me],
            "is_coordinator": user_is_coordinator(request.user),
        },
    )


@login_required
def session_page(request, session_id: int):
    employee = _employee_or_404(request)
    session = _session_or_404(session_id)
    registration = selectors.registration_of(session=session, employee=employee)
    now = timezone.now()
    active = registration is not None and registration.status != Registration.Status.CANCELLED
    check_in_open = (
        not session.is_cancelled
        and session.starts_at - datetime.timedelta(minutes=30) <= now <= session.ends_at
    )
    return render(
        request,
        "events/session_page.html",
        {
            "session": session,
            "slots": list(session.slots.all()),
            "registration": registration if active else None,
            "attended": registration is not None and registration.attended_at is not None,
            "seats_left": max(session.capacity - session.registered, 0),
            "is_past": session.starts_at <= now,
            "check_in_open": check_in_open,
            "check_in_form": CheckInForm(),
            "can_share": not session.is_cancelled
            and session.starts_at > now
            and user_can_share_with_team(request.user),
            "is_coordinator": user_is_coordinator(request.user),
        },
    )


@require_POST
@login_required
def register(request, session_id: int):
    employee = _employee_or_404(request)
    get_object_or_404(Session, pk=session_id)
    try:
        registration = services.registration_create(session_id=session_id, employee=employee)
    except services.EventError as error:
        messages.error(request, error.message)
    else:
        if registration.status == Registration.Status.REGISTERED:
            messages.success(request, _("Olet ilmoittautunut tilaisuuteen."))
        else:
            messages.info(
                request,
                _(
                    "Tilaisuus on täynnä. Olet jonossa ja saat paikan automaattisesti, jos "
                    "joku peruu."
                ),
            )
    return redirect("events:session", session_id=session_id)


@require_POST
@login_required
def cancel(request, session_id: int):
    employee = _employee_or_404(request)
    get_object_or_404(Session, pk=session_id)
    try:
        services.registration_cancel(session_id=session_id, employee=employee)
    except services.EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Ilmoittautumisesi on peruttu."))
    return redirect("events:session", session_id=session_id)


@login_required
def calendar_file(request, session_id: int):
    employee = _employee_or_404(request)
    session = get_object_or_404(Session, pk=session_id)
    return FileResponse(
        io.BytesIO(ics.session_calendar(session, attendee_email=employee.user.email)),
        as_attachment=True,
        filename=export_filename(
            name=_("tilaisuus %(number)s") % {"number": session.pk},
            extension="ics",
            day=timezone.localdate(session.starts_at),
        ),
        content_type="text/calendar; charset=utf-8",
    )


@require_POST
@login_required
def check_in(request, session_id: int):
    employee = _employee_or_404(request)
    get_object_or_404(Session, pk=session_id)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kirjoita tilaisuudessa näytetty koodi."))
        return redirect("events:session", session_id=session_id)
    try:
        services.attendance_check_in(
            session_id=session_id, employee=employee, code=form.cleaned_data["code"]
        )
    except services.EventError as error:
        messages.error(request, error.message)
        return redirect("events:session", session_id=session_id)
    messages.success(request, _("Osallistumisesi on kirjattu. Kiitos!"))
    return redirect("events:session", session_id=session_id)


@login_required
def feedback(request, session_id: int):
    employee = _employee_or_404(request)
    session = _session_or_404(session_id)
    registration = Registration.objects.filter(
        session=session, employee=employee, attended_at__isnull=False
    ).first()
    if registration is None:
        messages.error(request, _("Palautetta voi antaa, kun osallistumisesi on kirjattu."))
        return redirect("events:session", session_id=session_id)
    existing = getattr(registration, "feedback", None)
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            _feedback, created = services.feedback_submit(
                registration=registration,
                useful=form.cleaned_data["useful"] == "yes",
                rating=form.cleaned_data["rating"],
                will_do_differently=form.cleaned_data["will_do_differently"],
                free_text=form.cleaned_data["free_text"],
            )
            messages.success(
                request,
                _("Kiitos palautteesta!") if created else _("Palautteesi on päivitetty."),
            )
            return redirect("events:session", session_id=session_id)
    else:
        initial = {}
        if existing is not None:
            initial = {
                "useful": "yes" if existing.useful else "no",
                "rating": str(existing.rating),
                "will_do_differently": existing.will_do_differently,
                "free_text": existing.free_text,
            }
        form = FeedbackForm(initial=initial)
    return render(
        request,
        "events/feedback.html",
        {"session": session, "form": form, "already_answered": existing is not None},
    )


@require_POST
@login_required
def share(request, session_id: int):
    employee = _employee_or_404(request)
    session = get_object_or_404(Session, pk=session_id)
    if not user_can_share_with_team(request.user):
        raise Http404
    try:
        count = services.share_with_team(session=session, supervisor=employee)
    except services.EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Tilaisuus jaettiin tiimillesi (%(count)s henkilöä).") % {"count": count}
        )
    return redirect("events:session", session_id=session_id)


def presenter(request, token: str):  # long: each link problem has its own page
    """No sign-in: the signed link is the key. A broken or old link changes nothing."""
    try:
        slot_id = links.slot_id_from(token)
    except links.LinkRevoked:
        return render(
            request,
            "events/presenter_link_problem.html",
            {"problem": _("Tämä linkki on korvattu uudella. Käytä uusinta saamaasi linkkiä.")},
            status=410,
        )
    except links.LinkExpired:
        return render(
            request,
            "events/presenter_link_problem.html",
            {"problem": _("Linkki on vanhentunut. Pyydä uusi linkki tilaisuuden järjestäjältä.")},
            status=410,
        )
    except links.LinkInvalid:
        return render(
            request,
            "events/presenter_link_problem.html",
            {
                "problem": _(
                    "Linkki ei ole kelvollinen: se on muuttunut tai katkennut. Avaa linkki "
                    "suoraan viestistä tai pyydä uusi järjestäjältä."
                )
            },
            status=400,
        )
    slot = get_object_or_404(
        PresenterSlot.objects.select_related("session__series", "organisation"), pk=slot_id
    )
    session = slot.session
    is_past = session.ends_at <= timezone.now()
    slot_form = SlotConfirmForm(
        initial={
            "topic": slot.topic,
            "minutes": slot.minutes,
            "presenter_names": slot.presenter_names,
        }
    )
    existing = getattr(slot, "feedback", None)
    feedback_form = PresenterFeedbackForm(
        initial={"useful": "yes" if existing.useful else "no", "free_text": existing.free_text}
        if existing
        else None
    )
    if request.method == "POST" and request.POST.get("action") == "confirm" and not is_past:
        slot_form = SlotConfirmForm(request.POST)
        if slot_form.is_valid():
            services.slot_confirm(slot_id=slot.pk, **slot_form.cleaned_data)
            messages.success(request, _("Kiitos! Esitysvuoronne on vahvistettu."))
            return redirect(request.path)
    elif request.method == "POST" and request.POST.get("action") == "feedback" and is_past:
        feedback_form = PresenterFeedbackForm(request.POST)
        if feedback_form.is_valid():
            _answer, created = services.presenter_feedback_submit(
                slot=slot,
                useful=feedback_form.cleaned_data["useful"] == "yes",
                free_text=feedback_form.cleaned_data["free_text"],
            )
            messages.success(
                request,
                _("Kiitos palautteesta!") if created else _("Palautteesi on päivitetty."),
            )
            return redirect(request.path)
    return render(
        request,
        "events/presenter.html",
        {
            "slot": slot,
            "session": session,
            "is_past": is_past,
            "slot_form": slot_form,
            "feedback_form": feedback_form,
            "already_answered": existing is not None,
        },
    )


@login_required
def networks(request):
    employee = _employee_or_404(request)
    return render(
        request,
        "events/networks.html",
        {
            "mine": selectors.my_networks(employee=employee),
            "convened": selectors.networks_convened_by(
                employee=employee, every_network=user_is_coordinator(request.user)
            ),
        },
    )


@login_required
def network_members(request, network_id: int):
    network = get_object_or_404(
        Network.objects.annotate(member_count=Count("members")), pk=network_id
    )
    if not user_can_convene(request.user, network):
        raise Http404
    form = AddMemberForm()
    if request.method == "POST":
        if "remove" in request.POST:
            services.network_remove_member(network=network, employee_id=request.POST["remove"])
            messages.success(request, _("Jäsen poistettu verkostosta."))
            return redirect("events:network", network_id=network.pk)
        form = AddMemberForm(request.POST)
        if form.is_valid():
            number = form.cleaned_data["employee_number"].strip()
            member = Employee.objects.filter(employee_number=number, active=True).first()
            if member is None:
                form.add_error(
                    "employee_number",
                    _("Henkilönumerolla %(number)s ei löydy voimassa olevaa työntekijää.")
                    % {"number": number},
                )
            else:
                services.network_add_member(network=network, employee=member)
                messages.success(
                    request, _("%(name)s lisättiin verkostoon.") % {"name": member.full_name}
                )
                return redirect("events:network", network_id=network.pk)
    members = network.members.select_related("user", "unit", "job_role").order_by(
        "user__last_name", "user__first_name"
    )
    return render(
        request, "events/network.html", {"network": network, "members": members, "form": form}
    )
