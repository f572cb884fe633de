"""Walk every address of the URLconf: list the patterns (named or not), build a county
small enough to fill every path parameter, and fetch an address as a role.

Used by tests/test_access_table.py; kept apart so the table there stays readable."""

import re
import uuid

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

ROLES = (
    "anonymous",
    "employee",
    "supervisor",
    "other_supervisor",
    "trainer",
    "phrase_editor",
    "phrase_approver",
    "hr_admin",
    "hyte_coordinator",
    "superuser",
)

MISSING_ID = 987654


def url_patterns():
    """(key, route, pattern, namespace) for every pattern; the key is the URL name with
    its namespace, or the route itself for a pattern without a name."""
    found = []

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                if entry.name:
                    key = f"{namespace}:{entry.name}" if namespace else entry.name
                else:
                    key = route
                found.append((key, route, entry, namespace))

    walk(get_resolver(), "", None)
    return found


def url_keys() -> set[str]:
    return {key for key, _route, _entry, _ns in url_patterns()}


def _model_of(entry):
    model = _declared_model(entry)
    if isinstance(model, type) and issubclass(model, models.Model):
        return model
    return None


def _declared_model(entry):
    callback = entry.callback
    model_admin = getattr(callback, "model_admin", None)
    if model_admin is not None:
        return model_admin.model
    initkwargs = getattr(callback, "view_initkwargs", None) or {}
    if initkwargs.get("model") is not None:
        return initkwargs["model"]
    view_class = getattr(callback, "view_class", None)
    return getattr(view_class, "model", None)


def _scorm_package():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from packages.services import package_store
    from tests.packages.builders import scorm_zip

    archive = SimpleUploadedFile("paketti.zip", scorm_zip(), content_type="application/zip")
    return package_store(upload=archive, h5p=False, title="Paketti")


def build_county():
    """Two teams in two units, a person for every role, and one of everything the
    addresses point at: a course with a lesson and quiz, a session, a phrase (with a
    draft), an image, a document, an export, a checklist item and a completion."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.log_actions import log
    from wagtail.models import (
        Collection,
        Locale,
        Revision,
        TaskState,
        Workflow,
        WorkflowState,
    )

    from courses.models import CourseCompletion, CoursePage, Enrolment
    from onboarding.models import Checklist, ChecklistItem, ChecklistTemplate, ItemKind
    from people import roles
    from phrases.models import GlossaryTerm
    from supervision.models import ExportJob
    from tests.courses.builders import make_course, make_quiz
    from tests.events.builders import add_slot, make_network, make_series, make_session
    from tests.factories import EmployeeFactory, UserFactory, make_unit
    from tests.phrases.builders import make_activity, make_phrase

    root = make_unit("ACC", kind="county")
    sector = make_unit("ACC-S", root, "sector")
    unit = make_unit("ACC-1", sector)
    other_unit = make_unit("ACC-2", sector)

    def person(number, unit, group=None, **fields):
        user = UserFactory(username=number)
        employee = EmployeeFactory(user=user, unit=unit, **fields)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return employee

    supervisor = person("30001", unit, roles.SUPERVISOR)
    other_supervisor = person("30002", other_unit, roles.SUPERVISOR)
    employee = person("30003", unit, roles.EMPLOYEE, supervisor=supervisor)
    person("30004", other_unit, roles.EMPLOYEE, supervisor=other_supervisor)
    unit.managers.add(supervisor)
    other_unit.managers.add(other_supervisor)
    people = {
        "employee": employee,
        "supervisor": supervisor,
        "other_supervisor": other_supervisor,
        "trainer": person("30011", unit, roles.TRAINER),
        "phrase_editor": person("30012", unit, roles.PHRASE_EDITOR),
        "phrase_approver": person("30013", unit, roles.PHRASE_APPROVER),
        "hr_admin": person("30014", unit, roles.HR_ADMIN),
        "hyte_coordinator": person("30015", unit, roles.HYTE_COORDINATOR),
    }
    superuser = person("30099", unit)
    superuser.user.is_superuser = True
    superuser.user.is_staff = True
    superuser.user.save()
    people["superuser"] = superuser

    quiz = make_quiz()
    course = make_course(lessons=1, quiz=quiz)
    lesson = course.get_children().first()
    draft_course = course.get_parent().add_child(
        instance=CoursePage(
            title="Luonnoskurssi Z9", slug="luonnoskurssi", summary="Kesken.", live=False
        )
    )
    draft_course.save_revision()
    Enrolment.objects.create(employee=employee, course=course, due_date=timezone.localdate())
    completion = CourseCompletion.objects.create(
        employee=employee, course=course, course_title=course.title, completed_at=timezone.now()
    )
    checklist = Checklist.objects.create(employee=employee)
    item = ChecklistItem.objects.create(
        checklist=checklist,
        kind=ItemKind.TASK,
        title="Tutustu yksikköön",
        due_date=timezone.localdate(),
    )
    ChecklistTemplate.objects.create(name="Hoitajien perehdytys")
    series = make_series()
    session = make_session(series=series)
    slot = add_slot(session)
    network = make_network(members=[employee])
    live_phrase = make_phrase("ACC1", "Julkaistu fraasi", "Teksti.")
    draft = make_phrase("ACC2", "Luonnosfraasi Q7", "Teksti.", live=False)
    log(instance=draft, action="wagtail.create", user=people["phrase_editor"].user)
    # Submitted for approval, so workflow pages and reports have a phrase to show.
    draft.get_workflow().start(draft, people["phrase_editor"].user)
    activity = make_activity("acc-1", "Kävelyryhmä", "Kuvitteellinen yhdistys")
    term = GlossaryTerm.objects.create(
        slug="hyte", term="hyte", locale=Locale.get_default(), definition="Hyvinvointi."
    )
    image = get_image_model().objects.create(
        title="Kuva", file=get_test_image_file(), collection=Collection.get_first_root_node()
    )
    document = get_document_model().objects.create(
        title="Tekstitys", file=ContentFile(b"WEBVTT\n", name="tekstitys.vtt")
    )
    export = ExportJob.objects.create(owner=supervisor.user, kind=ExportJob.Kind.TEAM)
    package = _scorm_package()
    revision = Revision.page_revisions.filter(object_id=str(course.pk)).first()
    workflow = Workflow.objects.first()
    task = workflow.tasks.first() if workflow else None
    return {
        "people": people,
        "course": course,
        "lesson": lesson,
        "quiz": quiz,
        "package": package,
        "completion": completion,
        "item": item,
        "series": series,
        "session": session,
        "slot": slot,
        "network": network,
        "draft_phrase": draft,
        "draft_course": draft_course,
        "phrase": live_phrase,
        "activity": activity,
        "term": term,
        "image": image,
        "document": document,
        "export": export,
        "revision": revision,
        "workflow": workflow,
        "task": task,
        "workflow_state": WorkflowState.objects.first(),
        "task_state": TaskState.objects.first(),
        "unit": unit,
    }


def _object_for(model, county):
    """The county's object of `model` for an `pk`/`object_id` parameter."""
    if model is None:
        return None
    for value in county.values():
        if type(value) is model:
            return value
    from people.models import Employee

    if model is Employee:
        return county["people"]["employee"]
    if model._meta.label_lower == "auth.user":
        return county["people"]["employee"].user
    if model._meta.label_lower == "auth.group":
        return Group.objects.get(name="employee")
    return model._default_manager.order_by("pk").first()


def _value(param: str, key: str, entry, county):
    """The value of one path parameter of the address `key`."""
    course = county["course"]
    if param in ("page_id", "parent_page_id", "page_pk", "page_to_move_id"):
        return course.pk
    if param == "destination_id":
        return course.get_parent().pk
    if param in ("revision_id", "revision_id_a", "revision_id_b"):
        if key.startswith("wagtailsnippets_phrases_phrase:"):
            return county["draft_phrase"].latest_revision_id
        if key.startswith("wagtailsnippets_quizzes_quiz:"):
            return county["quiz"].latest_revision_id
        return county["revision"].pk if county["revision"] else MISSING_ID
    if param == "image_id":
        return county["image"].pk
    if param in ("document_id", "doc_id"):
        return county["document"].pk
    if param == "collection_id":
        return county["image"].collection_id
    if param in ("workflow_pk",):
        return county["workflow"].pk
    if param == "task_id":
        return county["task"].pk
    if param == "workflow_state_id":
        return county["workflow_state"].pk if county["workflow_state"] else MISSING_ID
    if param == "task_state_id":
        return county["task_state"].pk if county["task_state"] else MISSING_ID
    if param == "session_id":
        return county["session"].pk
    if param == "series_id":
        return county["series"].pk
    if param == "network_id":
        return county["network"].pk
    if param == "lesson_id":
        return county["lesson"].pk
    if param == "quiz_id":
        return county["quiz"].pk
    if param == "package_id":
        return county["package"].pk
    if param == "course_id":
        return course.pk
    if param == "item_id":
        return county["item"].pk
    if param == "employee_number":
        return county["people"]["employee"].employee_number
    if param == "unit_id":
        return county["people"]["employee"].unit_id
    if param == "file_format":
        return "csv"
    if param == "block_id":
        return str(uuid.uuid4())
    if param == "code":
        if key.startswith("phrases:"):
            return county["phrase"].code
        return county["completion"].verification_code
    if param == "token":
        if key.startswith("supervision:"):
            return str(county["export"].token)
        if key.startswith("events:"):
            from events.links import presenter_token

            return presenter_token(county["slot"].pk)
        if key.startswith("notifications:"):
            from notifications.unsubscribe import digest_unsubscribe_token

            return digest_unsubscribe_token(county["people"]["supervisor"].pk)
        return "abc-123"
    if param == "uidb64":
        return "MA"
    if param in ("app_label", "app_name", "content_type_app_name"):
        return "phrases"
    if param in ("model_name", "content_type_model_name"):
        return "phrase"
    if param in ("action_name", "action"):
        return "approve"
    if param == "filter_spec":
        return "original"
    if param == "content_type_id":
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(type(county["phrase"])).pk
    if param in ("pk", "object_id", "id"):
        model = _model_of(entry)
        if model is None and key.startswith("wagtailusers_users:"):
            return county["people"]["employee"].user.pk
        if model is None and key.startswith("wagtailusers_groups:"):
            return Group.objects.get(name="employee").pk
        target = _object_for(model, county)
        return target.pk if target is not None else MISSING_ID
    if param in ("url", "path"):
        return "ei-ole/"
    return MISSING_ID


_SPECIAL = {
    "wagtailadmin_pages:revisions_compare": lambda c: (
        f"/admin/pages/{c['course'].pk}/revisions/compare/live...latest/"
    ),
    "wagtaildocs_serve": lambda c: f"/documents/{c['document'].pk}/{c['document'].filename}",
    "wagtail_serve": lambda c: c["course"].url,
    "admin:app_list": lambda c: "/django-admin/auth/",
}


def address(key: str, route: str, entry, county) -> str:
    if key in _SPECIAL:
        return _SPECIAL[key](county)
    path = "/" + route.replace("^", "").replace("$", "")
    path = re.sub(
        r"\(\?P<(\w+)>[^)]*\)",
        lambda m: str(_value(m.group(1), key, entry, county)).strip("/"),
        path,
    )
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(_value(m.group(1), key, entry, county)), path)
    if "(" in path or "^" in path:
        raise AssertionError(f"cannot fill {route!r} ({key}); add it to _SPECIAL")
    return path


def client_for(role: str, county) -> Client:
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(county["people"][role].user)
    return client


def fetch(client: Client, url: str, user=None):
    """The response to GET, or to an empty POST for an address that takes only POST.
    `user` is signed in again first, since an earlier address may have signed out."""
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url)
    return response
