"""A lesson draft cannot be saved with an image without alternative text or a video
without captions or a transcript: Wagtail defers required fields on drafts, these
rules it does not, and each shows its Finnish message at its field."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from people import roles
from tests.courses.builders import lessons_of, make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

ALT_MISSING = "Kirjoita kuvalle vaihtoehtoinen teksti: mitä kuvassa on ruudunlukijan käyttäjälle."
CAPTIONS_MISSING = "Videolla on oltava tekstitys tai tekstivastine (saavutettavuus)."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


@pytest.fixture
def lesson():
    (lesson,) = lessons_of(make_course(lessons=1))
    return lesson


def _save_draft(client, lesson, block):
    data = nested_form_data(
        {"title": "Kuvat ja videot", "slug": lesson.slug, "body": streamfield([block])}
    )
    return client.post(f"/admin/pages/{lesson.pk}/edit/", data)


def _draft_title(lesson) -> str:
    return Page.objects.get(pk=lesson.pk).get_latest_revision().as_object().title


def _block_errors(response) -> dict[str, list[str]]:
    assert response.status_code == 200, response.status_code
    (stream_error,) = response.context["form"].errors.as_data()["body"]
    (struct_error,) = stream_error.block_errors.values()
    return {name: error.messages for name, error in struct_error.block_errors.items()}


def test_image_without_alt_text_is_refused_on_draft_save(trainer_client, lesson):
    image = Image.objects.create(title="Kävelyryhmä", file=get_test_image_file())
    block = ("image", {"image": image.pk, "alt_text": "", "caption": ""})
    response = _save_draft(trainer_client, lesson, block)
    assert _block_errors(response) == {"alt_text": [ALT_MISSING]}
    assert _draft_title(lesson) == "Oppitunti 1"
    block = ("image", {"image": image.pk, "alt_text": "Ryhmä kävelee rantapolulla.", "caption": ""})
    assert _save_draft(trainer_client, lesson, block).status_code == 302
    assert _draft_title(lesson) == "Kuvat ja videot"


def test_video_without_captions_or_transcript_is_refused_on_draft_save(trainer_client, lesson):
    video = Document.objects.create(title="Esittely", file=ContentFile(b"0", name="esittely.mp4"))
    block = ("video", {"video_file": video.pk, "embed": "", "captions": "", "transcript": ""})
    response = _save_draft(trainer_client, lesson, block)
    assert _block_errors(response) == {"transcript": [CAPTIONS_MISSING]}
