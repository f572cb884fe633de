"""Video in lessons: trainers upload MP4/WebM videos and WebVTT captions, each with its
own size limit, or embed; captions or a transcript are required at the field, in
Finnish; the lesson plays the video with a <track> and shows the transcript."""

from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.models import Collection

from courses.blocks import VideoBlock
from people import roles
from tests.courses.builders import lessons_of, make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = "Tiedosto on liian suuri"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


def _upload(client, name, content=b"0" * 64):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def _document(name) -> Document:
    return Document.objects.create(title=name, file=ContentFile(b"WEBVTT\n", name=name))


@pytest.mark.parametrize("name", ["esittely.mp4", "esittely.webm", "esittely.vtt"])
def test_trainer_uploads_videos_and_captions(trainer_client, name):
    answer = _upload(trainer_client, name)
    assert answer.status_code == 302, answer.content.decode()[:3000]
    assert Document.objects.get(title=name).file.name.endswith(name.rsplit(".")[1])


def test_videos_have_their_own_size_limit(trainer_client, settings):
    settings.VIDEO_UPLOAD_MAX_BYTES = 100
    settings.CAPTIONS_UPLOAD_MAX_BYTES = 1000
    answer = _upload(trainer_client, "pitka.mp4", b"0" * 101)
    assert answer.status_code == 200
    (error,) = answer.context["form"].errors["file"]
    assert error.startswith(TOO_LARGE)
    assert _upload(trainer_client, "lyhyt.mp4", b"0" * 100).status_code == 302
    # The same size in a caption file is within the caption limit.
    assert _upload(trainer_client, "pitka.vtt", b"0" * 101).status_code == 302


def test_captions_have_their_own_size_limit(trainer_client, settings):
    settings.CAPTIONS_UPLOAD_MAX_BYTES = 10
    answer = _upload(trainer_client, "tekstitys.vtt", b"0" * 11)
    assert answer.status_code == 200
    assert answer.context["form"].errors["file"][0].startswith(TOO_LARGE)
    # Other documents keep no limit of ours.
    assert _upload(trainer_client, "ohje.pdf", b"0" * 11).status_code == 302


def _value(**fields):
    value = VideoBlock().to_python({})
    value.update(fields)
    return value


def _errors(**fields) -> dict[str, str]:
    with pytest.raises(StructBlockValidationError) as refused:
        VideoBlock().clean(_value(**fields))
    return {name: error.messages[0] for name, error in refused.value.block_errors.items()}


def test_video_needs_captions_or_a_transcript():
    video = _document("esittely.mp4")
    assert _errors(video_file=video) == {
        "transcript": "Videolla on oltava tekstitys tai tekstivastine (saavutettavuus)."
    }
    for enough in ({"captions": _document("esittely.vtt")}, {"transcript": "Puhuja kertoo…"}):
        assert VideoBlock().clean(_value(video_file=video, **enough))


def test_an_unreachable_embed_does_not_hide_the_missing_transcript():
    block = VideoBlock()
    value = block.to_python({"embed": "https://video.example.test/katso/1"})
    with (
        mock.patch("wagtail.embeds.embeds.get_embed", side_effect=EmbedNotFoundException),
        pytest.raises(StructBlockValidationError) as refused,
    ):
        block.clean(value)
    assert set(refused.value.block_errors) == {"embed", "transcript"}


def test_video_and_captions_must_be_of_their_formats():
    errors = _errors(video_file=_document("esitys.pdf"), captions=_document("esitys.srt"))
    assert errors == {
        "video_file": "Videon on oltava MP4- tai WebM-tiedosto.",
        "captions": "Tekstityksen on oltava WebVTT-tiedosto (.vtt).",
    }
    assert _errors(transcript="Teksti") == {
        "video_file": "Valitse videotiedosto tai anna upotusosoite."
    }


def test_lesson_plays_the_video_with_captions_and_shows_the_transcript(client):
    video, captions = _document("esittely.webm"), _document("esittely.vtt")
    course = make_course(lessons=1)
    (lesson,) = lessons_of(course)
    lesson.body.append(
        (
            "video",
            {
                "video_file": video,
                "captions": captions,
                "transcript": "Kouluttaja esittelee lähialueen hyte-toimintaa.",
            },
        )
    )
    lesson.save_revision().publish()
    client.force_login(EmployeeFactory().user)
    html = client.get(lesson.url).content.decode()
    assert f'<video controls preload="metadata" src="{video.url}">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="fi"' in html
    assert "Kouluttaja esittelee lähialueen hyte-toimintaa." in html
