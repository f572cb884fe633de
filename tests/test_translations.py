"""The Swedish and English catalogues are complete, keep the placeholders of the Finnish
source strings, and their committed .mo files match the .po files.

When one of these fails after new strings were added: run `make messages` (or
makemessages + scripts/compile_messages.py), translate the new or fuzzy entries in
locale/{sv,en}/LC_MESSAGES/django.po, drop the fuzzy flags, compile again and commit
the .po and .mo files together."""

import os
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["sv", "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")


def catalogue_paths(root: Path, language: str) -> list[Path]:
    """The project's catalogue and each app's own (<app>/locale/)."""
    path = root / "locale" / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing: run make messages"
    return [path, *sorted(root.glob(f"*/locale/{language}/LC_MESSAGES/django.po"))]


def live_entries(language: str, root: Path = ROOT) -> list[polib.POEntry]:
    return [
        entry
        for path in catalogue_paths(root, language)
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    ]


def placeholders(text: str) -> set[str]:
    return {named or braced for named, braced in PLACEHOLDER.findall(text)}


def translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_entries(language):
    assert len(live_entries(language)) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_not_fuzzy(language):
    untranslated = [
        entry.msgid
        for entry in live_entries(language)
        if not all(text.strip() for text in translations(entry))
    ]
    fuzzy = [entry.msgid for entry in live_entries(language) if entry.fuzzy]
    assert not untranslated, f"untranslated in {language}: {untranslated}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_have_both_forms(language):
    for entry in live_entries(language):
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_the_source(language):
    mismatched = []
    for entry in live_entries(language):
        expected = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        for text in translations(entry):
            found = placeholders(text)
            # A singular form may leave out the count ("your only attempt"), as the
            # Finnish singular does; it may never bring a name of its own.
            singular_may_omit = entry.msgid_plural and found == placeholders(entry.msgid)
            if found != expected and not singular_may_omit:
                mismatched.append((entry.msgid, text))
            if "python-format" in entry.flags:
                text % dict.fromkeys(expected, 1)  # raises on a broken specifier
    assert not mismatched, f"placeholders differ in {language}: {mismatched}"


def test_compiled_catalogues_are_up_to_date():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_messages.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("language", "expected"), [("sv", "Logga in"), ("en", "Sign in"), ("fi", "Kirjaudu sisään")]
)
def test_gettext_uses_the_catalogue(language, expected):
    with translation.override(language):
        assert translation.gettext("Kirjaudu sisään") == expected


def test_plural_forms_are_chosen_by_count():
    singular = "Sinulle raportoi %(counter)s henkilö."
    plural = "Sinulle raportoi %(counter)s henkilöä."
    with translation.override("sv"):
        assert translation.ngettext(singular, plural, 1) % {"counter": 1} == (
            "1 person rapporterar till dig."
        )
        assert translation.ngettext(singular, plural, 3) % {"counter": 3} == (
            "3 personer rapporterar till dig."
        )


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    """Run makemessages on a copy of the project: nothing new may come up untranslated."""
    import shutil

    from tests.conftest import need

    need(shutil.which("xgettext") is not None, "GNU gettext (xgettext)")
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        if name.endswith((".py", ".html", ".txt", ".po")) and not name.startswith(
            ("tests/", "bench/")
        ):
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.dev",
        "HYTEOPAS_VAR_DIR": str(tmp_path / "var"),
    }
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "sv",
            "-l",
            "en",
            "--no-obsolete",
            "--no-location",
            "-v",
            "0",
        ],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    missing = {
        language: [
            e.msgid
            for e in live_entries(language, tmp_path)
            if not e.translated() or "fuzzy" in e.flags
        ]
        for language in LANGUAGES
    }
    assert missing == {language: [] for language in LANGUAGES}, "run `make messages` and translate"
