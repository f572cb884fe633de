"""Learner views: My learning, lessons, quiz submissions, self-ratings, certificates.
Thin: they check access, call a service or selector, and render."""

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.selectors import certificate_verification_count
from audit.services import record as audit_record
from courses import selectors, services
from courses.models import (
    CourseCompletion,
    CoursePage,
    LessonPage,
)
from courses.permissions import user_can_view_course, user_can_view_lesson
from packages import services as package_services
from people.selectors import employee_for_user
from quizzes import services as quiz_services
from quizzes.models import SelfAssessmentAnswer
from quizzes.selectors import quiz_message_tag


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
    place = selectors.lesson_place(lesson=lesson)
    if not user_can_view_lesson(request.user, lesson, place):
        raise Http404
    # Nothing is written here: where the learner left off is remembered by the lesson's
    # forms (services.enrolment_remember_lesson), so a GET stays a read.
    return TemplateResponse(request, lesson.get_template(request), lesson.get_context(request))


def _completed(request, completion):
    messages.success(
        request,
        _("Onneksi olkoon! Suoritit koulutuksen %(course)s.")
        % {"course": selectors.completion_title(completion=completion)},
    )
    return redirect("courses:completed", code=completion.verification_code)


def _ask_after_assessment(request, employee, lesson, *, prefix: str = "", pending=None):
    """When everything else is done and only the after-course self-assessment is left:
    say so and take the learner to it. None when something else is still open.
    `pending`: what is left, when the caller knows (else read)."""
    if pending is None:
        pending = selectors.pending_after_assessment(employee=employee, course=lesson.course)
    if pending is None:
        return None
    target, block_id = pending
    messages.info(
        request,
        _(
            "Arvioi vielä osaamisesi koulutuksen lopuksi: koulutus on suoritettu, kun olet "
            "vastannut ja muut oppitunnit ovat valmiit."
        ),
    )
    return redirect(f"{target.localized.url}{prefix}#block-{block_id}")


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
        return _completed(request, completion)
    following = lesson.get_next_siblings().live().specific().first()
    if following is None:
        asked = _ask_after_assessment(request, employee, lesson)
        if asked is not None:
            return asked
    messages.success(request, _("Oppitunti merkitty valmiiksi."))
    return redirect(following.url if following else lesson.course.url)


def _posted_answers(post) -> dict[int, list[int]] | None:
    """The chosen answers by question id, or None when a field is not a number."""
    answers: dict[int, list[int]] = {}
    for name in post:
        if name.startswith("question-"):
            try:
                answers[int(name.removeprefix("question-"))] = [
                    int(value) for value in post.getlist(name)
                ]
            except ValueError:
                return None
    return answers


@require_POST
@login_required
def quiz_submit(request, lesson_id: int, quiz_id: int):
    employee = _employee_or_404(request)
    found = selectors.live_lesson_with_place(lesson_id=lesson_id)
    if found is None:
        raise Http404
    lesson, place = found
    if not user_can_view_lesson(request.user, lesson, place):
        raise Http404
    # The quizzes the lesson names, read from its stored blocks without loading them.
    if quiz_id not in {
        (block.get("value") or {}).get("quiz")
        for block in lesson.body.raw_data
        if block.get("type") == "quiz"
    }:
        raise Http404
    answers = _posted_answers(request.POST)
    if answers is None:
        messages.error(request, _("Vastauksessa oli virheellisiä tietoja. Vastaa uudelleen."))
        return redirect(lesson.url)
    try:
        # Grades, records, and for a pass completes the lesson and maybe the course.
        outcome = services.lesson_quiz_submit(
            employee=employee,
            lesson=lesson,
            place=place,
            quiz_id=quiz_id,
            answers=answers,
            submission_key=request.POST.get("submission_key", ""),
        )
    except quiz_services.SubmissionRefused as refused:
        request.session[f"quiz-{quiz_id}-draft"] = {str(k): v for k, v in answers.items()}
        for message in refused.messages:
            messages.error(request, message, extra_tags=quiz_message_tag(quiz_id))
        return redirect(f"{lesson.url}#quiz-{quiz_id}")
    request.session.pop(f"quiz-{quiz_id}-draft", None)
    attempt = outcome.attempt
    if outcome.completion is not None:
        return _completed(request, outcome.completion)
    if outcome.after_pending is not None:
        return _ask_after_assessment(
            request,
            employee,
            lesson,
            prefix=f"?yritys={attempt.pk}",
            pending=outcome.after_pending,
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
        answer = services.self_assessment_record(
            employee=employee, lesson=lesson, block_id=str(block_id), value=value
        )
    except ValueError:
        messages.error(request, _("Valitse arvo asteikolta 1–5."))
        return redirect(f"{lesson.url}#block-{block_id}")
    services.enrolment_remember_lesson(employee=employee, lesson=lesson)
    if answer.phase == SelfAssessmentAnswer.Phase.AFTER:
        # The course waited for this answer when everything else was done.
        completion = services.course_complete_check(employee=employee, course=lesson.course)
        if completion is not None:
            return _completed(request, completion)
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
    return render(
        request,
        "courses/my_learning.html",
        {"groups": groups, "catalogue": selectors.catalogue_page()},
    )


@login_required
def completed(request, code: str):
    """*Koulutus suoritettu*: the learner's own completion, its certificate, what is
    due next and a one-click rating of the course. Someone else's code answers 404."""
    employee = _employee_or_404(request)
    completion = get_object_or_404(
        CourseCompletion.objects.select_related("course"),
        verification_code=code,
        employee=employee,
    )
    groups = selectors.my_learning(employee=employee)
    upcoming = [s for s in groups["required"] if s.course.pk != completion.course_id]
    return render(
        request,
        "courses/completed.html",
        {
            "completion": completion,
            "course_title": selectors.completion_title(completion=completion),
            "next_status": upcoming[0] if upcoming else None,
            "rating": selectors.course_rating(employee=employee, course=completion.course),
            "rating_values": range(1, 6),
        },
    )


@require_POST
@login_required
def rate(request, code: str):
    employee = _employee_or_404(request)
    completion = get_object_or_404(
        CourseCompletion.objects.select_related("course"),
        verification_code=code,
        employee=employee,
    )
    try:
        services.course_rate(
            employee=employee, course=completion.course, value=int(request.POST.get("value", ""))
        )
    except ValueError:
        messages.error(request, _("Valitse arvo asteikolta 1–5."))
    else:
        messages.success(request, _("Kiitos arviostasi!"))
    return redirect("courses:completed", code=completion.verification_code)


@never_cache
def certificate(request, code: str):
    """Anyone with the link may check a certificate: it shows only the name, the
    course, the dates and whether it is valid (never the score). Never cached, never
    indexed; each check by someone other than its owner is logged, and the owner sees
    how many there have been."""
    completion = (
        CourseCompletion.objects.select_related("employee__user", "course")
        .filter(verification_code=code)
        .first()
    )
    if completion is None:
        # A mistyped or cut-off code: say so in words, still as a 404.
        response = render(request, "courses/certificate_unknown.html", {"code": code}, status=404)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
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
            "issuer": selectors.certificate_issuer(),
            "is_own": is_own,
            "verifications": certificate_verification_count(code=completion.verification_code)
            if is_own
            else 0,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _package_token_valid(request, lesson_id: int, package_id: int) -> bool:
    from django.conf import settings
    from django.core import signing

    try:
        signed = signing.loads(
            request.GET.get("t", ""),
            salt=selectors.PACKAGE_COMMIT_SALT,
            max_age=settings.SESSION_MAX_SECONDS,
        )
    except signing.BadSignature:
        return False
    return signed == [request.user.pk, lesson_id, package_id]


@csrf_exempt
@require_POST
@login_required
def package_commit(request, lesson_id: int, package_id: int):
    """A package's runtime reports to the server: a SCORM commit (scorm-again's JSON,
    `{"cmi": {...}}`) or, for H5P, `{"statement": {...}}` (an xAPI statement with a
    result). Stored on the learner's attempt; the commit that finishes the package
    completes the lesson, and the course when it was the last thing left, at once.
    Answers as scorm-again expects: `{"result": true, "errorCode": 0}`, plus where to go
    when the course was completed. Queries: 11 for a commit, more for the one that
    completes (asserted in tests/packages/test_runtime.py). Instead of the CSRF header,
    which the runtime's final beacon cannot send, the address carries a token signed
    for the learner, lesson and package (selectors.package_commit_url)."""
    if not _package_token_valid(request, lesson_id, package_id):
        return JsonResponse({"result": False, "errorCode": 101}, status=403)
    employee = _employee_or_404(request)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    package = lesson.packages().get(package_id)
    if package is None:
        raise Http404
    if not user_can_view_course(request.user, lesson.course.canonical):
        raise Http404
    try:
        data = json.loads(request.body)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return JsonResponse({"result": False, "errorCode": 101}, status=400)
    fresh_after = services.round_started(employee=employee, course=lesson.course)
    if package.is_h5p:
        statement = data.get("statement")
        if not isinstance(statement, dict):
            return JsonResponse({"result": False, "errorCode": 101}, status=400)
        _attempt, finished = package_services.h5p_result_record(
            employee=employee, package=package, statement=statement, fresh_after=fresh_after
        )
    else:
        _attempt, finished = package_services.attempt_commit(
            employee=employee, package=package, data=data, fresh_after=fresh_after
        )
    answer: dict = {"result": True, "errorCode": 0}
    if finished:
        services.enrolment_remember_lesson(employee=employee, lesson=lesson)
        done, completion = services.lesson_complete(employee=employee, lesson=lesson)
        answer["lessonDone"] = done
        if completion is not None:
            answer["completedUrl"] = reverse(
                "courses:completed", args=[completion.verification_code]
            )
    return JsonResponse(answer)
