"""One way to translate a model field, in every app.

A translatable field has a column per language: the Finnish one is the source and is
required where the field is (`title`, or `name_fi` where the model always named its
columns by language), the Swedish and English ones (`title_sv`, `title_en`) may be empty.
Readers get the reader's language and the Finnish text when there is no translation:

    class Session(models.Model):
        title = models.CharField(...)
        title_sv = models.CharField(..., blank=True)
        title_en = models.CharField(..., blank=True)
        local_title = InLanguage("title")        # {{ session.local_title }}

    in_language(session, "title", language="sv")   # an email to a Swedish reader

Columns rather than a row per language (Wagtail's TranslatableMixin) because these are
names and short texts of records that other rows point at (an org unit, a session with
its registrations, a checklist item with its due date): a copy per language would split
what points at them. Wagtail pages, and the snippets reviewed and published per language
under four eyes (phrases, quizzes, glossary terms), are translated as objects by Wagtail's
locales instead; that is not a field mechanism.

Own code rather than django-modeltranslation: that package rewrites queries and
assignments of the source field by the active language, which the workers (who render
in the recipient's language) and the imports (which write Finnish) would have to undo.
"""

from __future__ import annotations

from django.utils.translation import get_language

LANGUAGES = ("fi", "sv", "en")
SOURCE_LANGUAGE = "fi"


def language_code(language: str | None = None) -> str:
    """`sv`, `en` or `fi` for a language code such as `sv-fi`; the active one by default."""
    code = (language or get_language() or SOURCE_LANGUAGE)[:2].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def source_column(obj: object, field: str) -> str:
    """The Finnish column of a field: `<field>_fi` where the model has one, else `<field>`."""
    return f"{field}_fi" if hasattr(obj, f"{field}_fi") else field


def in_language(obj: object, field: str, *, language: str | None = None) -> str:
    """The field in `language` (the active language by default), else in Finnish."""
    code = language_code(language)
    if code != SOURCE_LANGUAGE:
        text = getattr(obj, f"{field}_{code}", "")
        if text:
            return text
    return getattr(obj, source_column(obj, field)) or ""


def translations_of(obj: object, field: str) -> dict[str, str]:
    """The field's columns and values, Finnish first: to copy a text with its
    translations, e.g. `ChecklistItem(**translations_of(template_item, "title"))`."""
    values = {source_column(obj, field): getattr(obj, source_column(obj, field))}
    for code in LANGUAGES[1:]:
        values[f"{field}_{code}"] = getattr(obj, f"{field}_{code}", "")
    return values


class InLanguage:
    """A read-only attribute: the field in the active language, else in Finnish."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return in_language(obj, self.field)


def in_language_sql(source: str, *, language: str | None = None):
    """The same rule in SQL, for `.values()` and `.annotate()`: the column beside the
    Finnish `source` lookup (`employee__unit__name_fi`, `title`) in `language` when it is
    not empty, else the Finnish one."""
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce, NullIf

    code = language_code(language)
    if code == SOURCE_LANGUAGE:
        return F(source)
    base = source.removesuffix("_fi")
    return Coalesce(NullIf(F(f"{base}_{code}"), Value("")), F(source))
