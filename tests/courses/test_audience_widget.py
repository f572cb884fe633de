"""The course editor's audience: a multi-select that the script turns into an
autocomplete; without the script the select itself posts the audience."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data

from courses.models import CoursePage
from courses.widgets import AudienceWidget
from people import roles
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


def test_widget_renders_the_select_and_the_scripts_labels():
    widget = AudienceWidget(choices=[(1, "U1 Päivystys"), (2, "U2 Neuvola")])
    html = widget.render("audience_units", [2], attrs={"id": "id_audience_units"})
    assert '<select name="audience_units" id="id_audience_units" multiple>' in html
    assert '<option value="2" selected>U2 Neuvola</option>' in html
    assert "data-audience" in html
    assert 'data-label-add="Lisää"' in html
    assert 'data-label-remove="Poista: %(name)s"' in html
    assert "courses/audience.js" in str(widget.media)


def test_course_editor_uses_the_widget_for_both_audience_fields(trainer_client):
    course = make_course(lessons=1)
    html = trainer_client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert html.count('class="audience" data-audience') == 2
    assert "courses/audience.js" in html


def test_saving_the_editor_with_chosen_units_keeps_them(trainer_client):
    course = make_course(lessons=1)
    root = make_unit()
    first, second = make_unit(parent=root), make_unit(parent=root)
    role = JobRoleFactory()
    data = nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "estimated_minutes": 30,
            "require_all_lessons": "on",
            "action-draft": "1",
        }
    )
    # Posted as the plain select posts them: the field's name once per chosen item.
    data["audience_units"] = [first.pk, second.pk]
    data["audience_job_roles"] = [role.pk]
    answer = trainer_client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    draft = CoursePage.objects.get(pk=course.pk).get_latest_revision_as_object()
    assert set(draft.audience_units.all()) == {first, second}
    assert list(draft.audience_job_roles.all()) == [role]
