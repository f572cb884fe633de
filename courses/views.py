"""Learner views: My learning, lessons, quiz submissions, self-ratings, certificates.
Thin: they check access, call a service or selector, and render."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.selectors import certificate_verification_count
from audit.services import record as audit_record
from courses import selectors, services
from courses.models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    default_locale_id,
)
from courses.permissions import user_can_view_course
from people.selectors import employee_for_user
from quizzes import services as quiz_services


def _employee_or_404(request):
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    return employee


def serve_lesson(request, lesson: LessonPage):
    """Called from LessonPage.serve: record the visit and render the lesson with the
    learner's own state (LessonPage.get_context, which previews share)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user_can_view_course(request.user, lesson.course.canonical):
        raise Http404
    employee = employee_for_user(request.user)
    if employee is not None:
        services.lesson_visit(employee=employee, lesson=lesson)
    return TemplateResponse(request, lesson.get_template(request), lesson.get_context(request))


@require_POST
@login_required
def lesson_complete(request, lesson_id: int):
    employee = _employee_or_404(request)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not user_can_view_course(request.user, lesson.course.canonical):
        raise Http404
    done, completion = services.lesson_complete(employee=employee, lesson=lesson)
    if not done:
        messages.error(
            request, _("Läpäise oppitunnin tietovisa ennen kuin merkitset sen valmiiksi.")
        )
        return redirect(lesson.url)
    if completion is not None:
        messages.success(
            request,
            _("Onneksi olkoon! Suoritit koulutuksen %(course)s.") % {"course": lesson.course.title},
        )
        return redirect("courses:certificate", code=completion.verification_code)
    following = lesson.get_next_siblings().live().specific().first()
    messages.success(request, _("Oppitunti merkitty valmiiksi."))
    return redirect(following.url if following else lesson.course.url)


@require_POST
@login_required
def quiz_submit(request, lesson_id: int, quiz_id: int):
    employee = _employee_or_404(request)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not user_can_view_course(request.user, lesson.course.canonical):
        raise Http404
    if quiz_id not in {
        block.value["quiz"].pk
        for block in lesson.body
        if block.block_type == "quiz" and block.value["quiz"]
    }:
        raise Http404
    answers: dict[int, list[int]] = {}
    for name in request.POST:
        if name.startswith("question-"):
            try:
                question_id = int(name.removeprefix("question-"))
                answers[question_id] = [int(value) for value in request.POST.getlist(name)]
            except ValueError:
                messages.error(
                    request, _("Vastauksessa oli virheellisiä tietoja. Vastaa uudelleen.")
                )
                return redirect(lesson.url)
    try:
        attempt = quiz_services.quiz_submit(
            employee=employee,
            quiz_id=quiz_id,
            answers=answers,
            submission_key=request.POST.get("submission_key", ""),
        )
    except quiz_services.SubmissionRefused as refused:
        request.session[f"quiz-{quiz_id}-draft"] = {str(k): v for k, v in answers.items()}
        for message in refused.messages:
            messages.error(request, message)
        return redirect(f"{lesson.url}#quiz-{quiz_id}")
    request.session.pop(f"quiz-{quiz_id}-draft", None)
    if attempt.passed:
        # Completes the lesson once every required quiz in it is passed.
        _done, completion = services.lesson_complete(employee=employee, lesson=lesson)
        if completion is not None:
            messages.success(
                request,
                _("Onneksi olkoon! Suoritit koulutuksen %(course)s.")
                % {"course": lesson.course.title},
            )
    # The result box takes focus, so a screen reader announces the score at once.
    return redirect(f"{lesson.url}?yritys={attempt.pk}#quiz-result-{quiz_id}")


@require_POST
@login_required
def self_assessment(request, lesson_id: int, block_id: uuid.UUID):
    employee = _employee_or_404(request)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not user_can_view_course(request.user, lesson.course.canonical):
        raise Http404
    try:
        value = int(request.POST.get("value", ""))
        services.self_assessment_record(
            employee=employee, lesson=lesson, block_id=str(block_id), value=value
        )
    except ValueError:
        messages.error(request, _("Valitse arvo asteikolta 1–5."))
    else:
        messages.success(request, _("Itsearviosi on tallennettu."))
    return redirect(f"{lesson.url}#block-{block_id}")


@require_POST
@login_required
def enrol(request, course_id: int):
    employee = _employee_or_404(request)
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not user_can_view_course(request.user, course.canonical):
        raise Http404
    services.enrolment_ensure(employee=employee, course=course)
    first = LessonPage.objects.live().child_of(course).order_by("path").first()
    return redirect(first.url if first else course.url)


@login_required
def my_learning(request):
    employee = _employee_or_404(request)
    groups = selectors.my_learning(employee=employee)
    catalogue = CourseIndexPage.objects.live().filter(locale_id=default_locale_id()).first()
    return render(
        request,
        "courses/my_learning.html",
        {"groups": groups, "catalogue": catalogue.localized if catalogue else None},
    )


@never_cache
def certificate(request, code: str):
    """Anyone with the link may check a certificate: it shows only the name, the
    course, the dates and whether it is valid (never the score). Never cached, never
    indexed; each check by someone other than its owner is logged, and the owner sees
    how many there have been."""
    completion = get_object_or_404(
        CourseCompletion.objects.select_related("employee__user", "course"), verification_code=code
    )
    is_own = request.user.is_authenticated and completion.employee.user_id == request.user.pk
    if not is_own:
        audit_record(
            action=AuditAction.VERIFY_CERTIFICATE,
            target=completion.verification_code,
            target_employee=completion.employee,
        )
    response = render(
        request,
        "courses/certificate.html",
        {
            "completion": completion,
            "course_title": selectors.completion_title(completion=completion),
            "valid": completion.is_valid_at(timezone.now()),
            "is_own": is_own,
            "verifications": certificate_verification_count(code=completion.verification_code)
            if is_own
            else 0,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
