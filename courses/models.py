"""Courses as a Wagtail page tree (CourseIndexPage → CoursePage → LessonPage) and each
learner's state: enrolments, lesson completions and immutable course completions.

Progress always points at the course and lesson pages of the default (Finnish)
locale, so a learner who switches to Swedish keeps their progress.
"""

import datetime
import secrets
from functools import cached_property

from dateutil.relativedelta import relativedelta
from django.contrib.auth.views import redirect_to_login
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from courses.admin_panels import PendingPartsPanel
from courses.blocks import LessonStreamBlock
from courses.forms import CoursePageForm
from courses.widgets import AudienceWidget
from people.validators import validate_single_line

_default_locale_id: int | None = None


def default_locale_id() -> int:
    """The id of the default (Finnish) content locale, looked up once per process.
    Reset when locales change or the database is flushed (see CoursesConfig.ready)."""
    global _default_locale_id
    if _default_locale_id is None:
        _default_locale_id = Locale.get_default().pk
    return _default_locale_id


def forget_default_locale(**kwargs) -> None:
    global _default_locale_id
    _default_locale_id = None


class CanonicalMixin:
    """`canonical`: this page in the default locale, where progress is recorded."""

    @cached_property
    def canonical(self):
        if self.locale_id == default_locale_id():
            return self
        return self.get_translation(default_locale_id())


def note_untranslated(request, page) -> None:
    """Tell a learner whose language the page has no translation in that it is shown in
    Finnish (the page was reached through the Finnish tree)."""
    from django.conf import settings
    from django.contrib import messages
    from django.utils.translation import get_language, gettext

    language = (get_language() or "").split("-")[0]
    if getattr(request, "is_preview", False):
        return
    # A Finnish page for a Finnish reader, without a query.
    if page.locale_id == default_locale_id() and language == settings.LANGUAGE_CODE:
        return
    if page.locale.language_code == language:
        return
    if page.get_translations().filter(locale__language_code=language, live=True).exists():
        return
    note = gettext("Tätä sisältöä ei ole vielä käännetty kielellesi, joten se näytetään suomeksi.")
    messages.info(request, note)


class OneQueryViewRestrictionsMixin:
    """Wagtail checks a page's view restrictions before serving it with two queries
    (the ancestors, then their restrictions); the ancestors' paths are in the page's
    own path, so one query does. An alias among them is resolved as Wagtail does."""

    @classmethod
    def may_be_restricted(cls) -> models.ExpressionWrapper:
        """An annotation for a query of these pages (`may_be_restricted`): whether a view
        restriction might apply, i.e. one on the page or an ancestor, or an alias among
        them. Read with the page when it is routed (cms.models.HomePage.route), a False
        spares the query of `get_view_restrictions` when the page is served."""
        from django.db.models.functions import Cast
        from django.db.models.lookups import StartsWith
        from wagtail.models import PageViewRestriction

        path = Cast(models.OuterRef("path"), output_field=models.CharField())
        restrictions = PageViewRestriction.objects.filter(StartsWith(path, models.F("page__path")))
        aliases = Page.objects.filter(alias_of__isnull=False).filter(
            StartsWith(path, models.F("path"))
        )
        return models.ExpressionWrapper(
            models.Exists(restrictions) | models.Exists(aliases),
            output_field=models.BooleanField(),
        )

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id:
            return super().get_view_restrictions()
        if self.__dict__.get("restricted") is False:  # read with the page: none apply
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
        return PageViewRestriction.objects.filter(
            models.Q(page__path__in=paths, page__alias_of__isnull=True)
            | models.Q(page_id__in=sources)
        )


class AsciiSlugMixin:
    """New pages get ASCII addresses: ä → a, ö → o, å → a, whatever the trainer typed
    (the admin already turns the title into such a slug; WAGTAIL_ALLOW_UNICODE_SLUGS).
    Existing pages and their translations keep theirs, so no published address changes."""

    def full_clean(self, *args, **kwargs):
        # Translations are copied without full_clean and keep their page's address.
        if self.pk is None and self.slug:
            self.slug = slugify(self.slug)
        return super().full_clean(*args, **kwargs)


class CourseIndexPage(AsciiSlugMixin, Page):
    """The course catalogue."""

    intro = RichTextField(_("johdanto"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("koulutusluettelo")

    def serve(self, request, *args, **kwargs):
        # The catalogue is for staff: signed-out visitors go to the sign-in page.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import CatalogueFilters, catalogue_for

        context = super().get_context(request, *args, **kwargs)
        filters = CatalogueFilters.from_request(request.GET)
        context["filters"] = filters
        context["entries"] = catalogue_for(user=request.user, index=self, filters=filters)
        return context


class CoursePage(OneQueryViewRestrictionsMixin, AsciiSlugMixin, CanonicalMixin, Page):
    summary = models.TextField(_("tiivistelmä"), max_length=600)
    audience_units = ParentalManyToManyField(
        "people.OrgUnit",
        blank=True,
        verbose_name=_("kohdeyksiköt"),
        help_text=_("Tyhjä = kaikki. Yksikkö sisältää alayksikkönsä."),
    )
    audience_job_roles = ParentalManyToManyField(
        "people.JobRole",
        blank=True,
        verbose_name=_("kohdenimikkeet"),
        help_text=_("Tyhjä = kaikki."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("arvioitu kesto (min)"), default=30)
    mandatory = models.BooleanField(
        _("pakollinen"), default=False, help_text=_("Pakollinen kaikille kohderyhmään kuuluville.")
    )
    validity_months = models.PositiveSmallIntegerField(
        _("voimassaolo (kk)"),
        null=True,
        blank=True,
        help_text=_("Suoritus vanhenee ja koulutus on uusittava. Tyhjä = ei vanhene."),
    )
    grace_days = models.PositiveSmallIntegerField(
        _("aikaa käyttöönotossa (pv)"),
        null=True,
        blank=True,
        help_text=_(
            "Kun henkilöstö tuodaan, jo työssä olevien määräpäivä on näin monta päivää "
            "tuontipäivän jälkeen. Tyhjä = asetus COURSE_GRACE_DAYS."
        ),
    )
    renewal_start_month = models.PositiveSmallIntegerField(
        _("uusimisjakso alkaa (kk)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_(
            "Uusiminen joka vuosi samassa jaksossa (esim. 1.1.–31.3.) eikä voimassaolon "
            "kuukausien mukaan. Suoritus on voimassa seuraavan jakson alkuun, ja uusittava "
            "viimeistään jakson lopussa."
        ),
    )
    renewal_start_day = models.PositiveSmallIntegerField(
        _("uusimisjakso alkaa (pv)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
    )
    renewal_end_month = models.PositiveSmallIntegerField(
        _("uusimisjakso päättyy (kk)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    renewal_end_day = models.PositiveSmallIntegerField(
        _("uusimisjakso päättyy (pv)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
    )
    require_all_lessons = models.BooleanField(
        _("kaikki oppitunnit vaaditaan"),
        default=True,
        help_text=_("Vaadittujen tietovisojen on aina oltava läpäisty."),
    )
    session_series = models.ForeignKey(
        "events.SessionSeries",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
        verbose_name=_("tilaisuussarja"),
        help_text=_(
            "Osallistuminen sarjan tilaisuuteen suorittaa koulutuksen (oppitunnit merkitään "
            "tehdyiksi; vaadittu tietovisa on silti läpäistävä)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("audience_units", widget=AudienceWidget),
                FieldPanel("audience_job_roles", widget=AudienceWidget),
            ],
            heading=_("Kohderyhmä"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("validity_months")]),
                FieldRowPanel([FieldPanel("mandatory"), FieldPanel("require_all_lessons")]),
                FieldPanel("grace_days"),
                FieldRowPanel([FieldPanel("renewal_start_day"), FieldPanel("renewal_start_month")]),
                FieldRowPanel([FieldPanel("renewal_end_day"), FieldPanel("renewal_end_month")]),
                FieldPanel("session_series"),
            ],
            heading=_("Suoritus"),
        ),
        PendingPartsPanel(),
    ]
    base_form_class = CoursePageForm
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]
    # The admin lists a course's lessons in course order, not by last edit.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("koulutus")
        verbose_name_plural = _("koulutukset")

    def clean(self):
        super().clean()
        # The title becomes the subject of reminder emails.
        try:
            validate_single_line(self.title)
        except ValidationError as error:
            raise ValidationError({"title": error.messages}) from None
        self._clean_renewal_window()

    def _clean_renewal_window(self) -> None:
        from courses.renewal import valid_window_day

        days = {
            "renewal_start_day": ("renewal_start_month", self.renewal_start_day),
            "renewal_end_day": ("renewal_end_month", self.renewal_end_day),
        }
        values = [
            self.renewal_start_month,
            self.renewal_start_day,
            self.renewal_end_month,
            self.renewal_end_day,
        ]
        if all(value is None for value in values):
            return
        if any(value is None for value in values):
            raise ValidationError(
                {"renewal_start_month": _("Anna uusimisjakson alku- ja loppupäivä kokonaan.")}
            )
        if self.validity_months:
            raise ValidationError(
                {
                    "validity_months": _(
                        "Valitse joko voimassaolo kuukausina tai uusimisjakso, ei molempia."
                    )
                }
            )
        for day_field, (month_field, day) in days.items():
            if not valid_window_day(getattr(self, month_field), day):
                raise ValidationError({day_field: _("Päivää ei ole joka vuosi.")})
        if (self.renewal_start_month, self.renewal_start_day) == (
            self.renewal_end_month,
            self.renewal_end_day,
        ):
            raise ValidationError(
                {"renewal_end_day": _("Jakso ei voi alkaa ja päättyä samana päivänä.")}
            )

    def lessons_pending(self) -> list["LessonPage"]:
        """The course's lessons with a change (or a first version) not yet live, in
        course order. Lessons have no approval of their own: they go live with the
        course's."""
        return [
            lesson
            for lesson in LessonPage.objects.child_of(self)
            .order_by("path")
            .select_related("latest_revision")
            if lesson.latest_revision_id and lesson.latest_revision_id != lesson.live_revision_id
        ]

    def _part_quiz_ids(self, pending: list["LessonPage"]) -> set[int]:
        """The quizzes used by the course's lessons as they will be once approved: the
        live lessons as they are, the pending ones as their latest revision."""
        ids = set()
        for lesson in (
            LessonPage.objects.child_of(self)
            .live()
            .exclude(pk__in=[lesson.pk for lesson in pending])
        ):
            ids.update(lesson.quiz_ids())
        for lesson in pending:
            ids.update(lesson.latest_revision.as_object().quiz_ids())
        return ids

    def pending_parts(self) -> tuple[list["LessonPage"], list]:
        """What the course's approval publishes besides the course: its pending lessons
        and the pending quizzes its lessons use."""
        from quizzes.services import pending_quizzes

        lessons = self.lessons_pending()
        return lessons, pending_quizzes(self._part_quiz_ids(lessons))

    def pending_part_authors(self) -> set[int]:
        """Who last edited a pending lesson or quiz of the course: they may not approve
        it (the four eyes cover every part)."""
        lessons, quizzes = self.pending_parts()
        return {
            part.latest_revision.user_id
            for part in [*lessons, *quizzes]
            if part.latest_revision.user_id
        }

    def publish_parts(self, user=None) -> None:
        """Called when the course's approval publishes it: its pending lessons and the
        pending changes to the quizzes they use go live with it, in one approval."""
        from quizzes.services import quizzes_publish_pending

        lessons, quizzes = self.pending_parts()
        quizzes_publish_pending(quiz_ids=[quiz.pk for quiz in quizzes], user=user)
        for lesson in lessons:
            lesson.latest_revision.publish(user=user, skip_permission_checks=True)

    def expiry_for(self, completed_at):
        """When a completion made at `completed_at` expires: at the start of the next
        renewal window (local midnight) for a course with one, else `validity_months`
        later, else never (courses.renewal)."""
        from courses.renewal import RenewalWindow

        window = RenewalWindow.of(self)
        if window is not None:
            start = window.next_start_after(timezone.localtime(completed_at).date())
            return timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
        if not self.validity_months:
            return None
        return completed_at + relativedelta(months=self.validity_months)

    def serve(self, request, *args, **kwargs):
        from courses.permissions import user_can_view_course

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_can_view_course(request.user, self.canonical):
            raise Http404
        note_untranslated(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(user=request.user, course=self)
        context["preview"] = getattr(request, "is_preview", False)
        return context


class LessonPage(OneQueryViewRestrictionsMixin, AsciiSlugMixin, CanonicalMixin, Page):
    body = StreamField(LessonStreamBlock(), verbose_name=_("sisältö"), use_json_field=True)

    content_panels = [
        HelpPanel(
            _(
                "Oppitunti julkaistaan koulutuksensa mukana: tallenna luonnos ja lähetä "
                "koulutus hyväksyttäväksi, kun sen oppitunnit ja tietovisat ovat valmiit."
            )
        ),
        *Page.content_panels,
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("oppitunti")
        verbose_name_plural = _("oppitunnit")

    # A lesson has no approval of its own: it goes live with its course's one approval
    # (CoursePage.publish_parts), so trainers save lessons as drafts and submit the course.
    @property
    def has_workflow(self) -> bool:
        return False

    def get_workflow(self):
        return None

    def save_revision(self, *args, **kwargs):
        """Each save of the lesson keeps the quizzes written in it as their drafts
        (courses.services.lesson_quizzes_keep), before the revision is written."""
        from courses.services import lesson_quizzes_keep

        lesson_quizzes_keep(lesson=self, user=kwargs.get("user"))
        return super().save_revision(*args, **kwargs)

    @cached_property
    def course(self) -> "CoursePage":
        """The course this lesson belongs to, in the lesson's own language (one query)."""
        return CoursePage.objects.get(path=self.path[: -self.steplen])

    def quiz_ids(self) -> list[int]:
        return [
            block.value["quiz"].pk
            for block in self.body
            if block.block_type == "quiz" and block.value["quiz"]
        ]

    def pending_part_authors(self) -> set[int]:
        """Who last edited a quiz of this lesson whose change is not yet live: they may
        not approve the lesson (the four eyes cover the quizzes too)."""
        from quizzes.services import pending_quizzes

        return {
            quiz.latest_revision.user_id
            for quiz in pending_quizzes(self.quiz_ids())
            if quiz.latest_revision.user_id
        }

    def publish_parts(self, user=None) -> None:
        """Called when this lesson's approval publishes it: its quizzes' pending changes
        go live with it (trainers cannot publish quizzes themselves)."""
        from quizzes.services import quizzes_publish_pending

        quizzes_publish_pending(quiz_ids=self.quiz_ids(), user=user)

    def packages(self) -> dict:
        """The content packages the lesson plays, by id (one query for all)."""
        return {
            block.value["package"].pk: block.value["package"]
            for block in self.body
            if block.block_type == "package" and block.value["package"]
        }

    def package_ids(self) -> list[int]:
        return list(self.packages())

    def required_package_ids(self) -> list[int]:
        return [
            block.value["package"].pk
            for block in self.body
            if block.block_type == "package" and block.value["required"] and block.value["package"]
        ]

    def required_quiz_ids(self) -> list[int]:
        return [
            block.value["quiz"].pk
            for block in self.body
            if block.block_type == "quiz" and block.value["required"] and block.value["quiz"]
        ]

    def get_context(self, request, *args, **kwargs):
        """What the lesson page shows: its course, its place among the course's live
        lessons and the learner's quiz and self-assessment state. A preview (Wagtail's
        preview panel, *Esikatsele*, a workflow's draft view) shows the lesson as to a
        learner who has not started it, with the previewed lesson in its place.
        Queries: the course with its lessons, the quizzes' questions, and one for all
        of the learner's own state (courses.selectors.lesson_learner_state)."""
        from courses import selectors
        from people.selectors import employee_for_user
        from quizzes.selectors import lesson_quiz_states

        context = super().get_context(request, *args, **kwargs)
        place = selectors.lesson_place(lesson=self)
        position = place.position_of(self)
        lessons = place.lessons
        preview = getattr(request, "is_preview", False)
        employee = None if preview else employee_for_user(request.user)
        context.update(
            course=place.course,
            lesson_number=position + 1,
            lesson_count=len(lessons),
            previous_lesson=lessons[position - 1] if position > 0 else None,
            next_lesson=lessons[position + 1] if position + 1 < len(lessons) else None,
            lesson_done=False,
            preview=preview,
            quiz_states={},
            self_ratings={},
        )
        own = None
        if employee is not None:
            canonical = self.canonical
            quizzes = [b.value["quiz"] for b in self.body if b.block_type == "quiz"]
            own = selectors.lesson_learner_state(
                employee=employee,
                lesson=canonical,
                course=place.course if canonical is self else canonical.course,
                quiz_keys={quiz.translation_key for quiz in quizzes if quiz},
                block_ids=[b.id for b in self.body if b.block_type == "self_assessment"],
            )
            context["lesson_done"] = own.lesson_done
        if preview:
            self._preview_quizzes()
        package_ids = self.package_ids()
        if package_ids:
            context["package_states"] = selectors.lesson_package_states(
                employee=employee, lesson=self, package_ids=package_ids
            )
        if preview or employee is not None:
            states = lesson_quiz_states(
                employee=employee,
                blocks=self.body,
                request=request,
                attempts=own.attempts if own else None,
                ratings=own.ratings if own else None,
            )
            context.update(states)
        return context

    def _preview_quizzes(self) -> None:
        """For a preview, each quiz block shows what it says now, saved or not
        (quizzes.selectors.quiz_preview). The previewed page is never saved."""
        from courses.blocks import quiz_spec
        from quizzes.selectors import quiz_preview

        quiz_blocks = [block for block in self.body if block.block_type == "quiz"]
        for number, block in enumerate(quiz_blocks, start=1):
            spec = quiz_spec(block.value)
            if spec is not None:
                block.value["quiz"] = quiz_preview(spec, quiz=block.value["quiz"], number=number)

    def serve(self, request, *args, **kwargs):
        from courses.views import serve_lesson

        if request.user.is_authenticated:
            note_untranslated(request, self)
        return serve_lesson(request, self)


class Enrolment(models.Model):
    class Source(models.TextChoices):
        SELF = "self", _("Oma valinta")
        ASSIGNED = "assigned", _("Määrätty")
        MANDATORY = "mandatory", _("Pakollinen")
        ONBOARDING = "onboarding", _("Perehdytys")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.SELF)
    due_date = models.DateField(_("määräpäivä"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        LessonPage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["employee", "course"], name="one_enrolment_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.course_id}"


class LessonCompletion(models.Model):
    """A lesson done in a cycle: cycle 1 is the first time through, a renewal after
    an expired completion is cycle 2, and so on."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    cycle = models.PositiveSmallIntegerField(default=1)
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "lesson", "cycle"], name="one_lesson_completion_per_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} ✓ {self.lesson_id} ({self.cycle})"


def _verification_code() -> str:
    return secrets.token_urlsafe(12)


class CourseCompletionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Course completions are immutable")

    def expire_for_material_change(self, change: "CourseMaterialChange") -> int:
        """The one change a completion may get: those of the queryset still valid at
        the change expire at it (never later than they would have), marked with it."""
        at = change.changed_at
        out_of_date = self.filter(completed_at__lt=at).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=at)
        )
        return models.QuerySet.update(out_of_date, expires_at=at, renewal_required_by=change)


class CourseMaterialChange(models.Model):
    """A trainer's mark that a published revision of a course changed what it teaches
    (olennainen muutos): every completion made before it must be renewed within the
    course's grace period."""

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="material_changes"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField()
    completions_affected = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-changed_at"]
        constraints = [
            models.UniqueConstraint(fields=["revision"], name="one_material_change_per_revision")
        ]

    def __str__(self) -> str:
        return f"{self.course_id} @ {self.changed_at:%d.%m.%Y}"


class CourseCompletion(models.Model):
    """Immutable record that a person completed a course: who, which course and
    revision, when, the score, and when it expires."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, related_name="course_completions"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="completions")
    cycle = models.PositiveSmallIntegerField(default=1)
    revision_id = models.PositiveIntegerField(
        null=True, help_text="wagtailcore.Revision of the course page"
    )
    course_title = models.CharField(max_length=255)
    completed_at = models.DateTimeField()
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # Set (with expires_at brought forward to the change) when a material change of the
    # course made this completion out of date: the one update a completion ever gets.
    renewal_required_by = models.ForeignKey(
        "courses.CourseMaterialChange",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="completions",
    )
    verification_code = models.CharField(max_length=32, unique=True, default=_verification_code)

    objects = CourseCompletionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "course", "cycle"], name="one_course_completion_per_cycle"
            )
        ]
        ordering = ["-completed_at"]

    def __str__(self) -> str:
        return f"{self.course_title} ({self.completed_at:%d.%m.%Y})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Course completions are immutable")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("courses:certificate", args=[self.verification_code])

    def delete(self, *args, **kwargs):
        raise TypeError("Course completions are immutable")

    def is_valid_at(self, moment) -> bool:
        return self.expires_at is None or self.expires_at > moment


class CourseRating(models.Model):
    """A learner's one-click 1–5 rating of a course, given on the completion page; a
    second rating replaces the first."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="course_ratings"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="ratings")
    value = models.PositiveSmallIntegerField()
    rated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["employee", "course"], name="one_rating_per_course"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="course_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} ★{self.value} {self.course_id}"


def lesson_block_register(name: str, block) -> None:
    """Add a block to the lessons' StreamField from an app above the courses (a lesson
    may show a library phrase, and the courses do not know the phrase library). Called
    from that app's `ready()`, before any lesson is read; the block's module path goes
    into the migrations as text."""
    stream_block = LessonPage._meta.get_field("body").stream_block
    if name in stream_block.child_blocks:
        return
    block.set_name(name)
    stream_block.child_blocks[name] = block


class LearningStatus(models.Model):
    """One person and one course required of them (mandatory for their audience, or
    assigned: any enrolment not chosen by the person), with the stored dates a state is
    worked out from: the enrolment's due date, the latest completion's time and expiry,
    and the renewal's due date (`courses.selectors.renewal_due_date`). Nothing here
    depends on the day: overdue, due soon and to renew are computed from these dates
    when read (`courses.selectors.course_state_sql`). Kept by `courses.status` in the
    transaction of every change; the team dashboard reads it instead of working out
    every person × course from enrolments, completions and audiences."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField(null=True)
    completed_at = models.DateTimeField(null=True)
    expires_at = models.DateTimeField(null=True)
    renewal_due = models.DateField(null=True)

    class Meta:
        db_table = "learning_status"
        constraints = [
            # Serves the dashboard's read of a team (employee = ANY(...)) as an index-only
            # scan: the dates are in the index.
            models.UniqueConstraint(
                fields=["employee", "course"],
                include=["due_date", "completed_at", "expires_at", "renewal_due"],
                name="one_learning_status_per_course",
            )
        ]
        indexes = [models.Index(fields=["course"], name="learning_status_course")]

    def __str__(self) -> str:
        return f"{self.employee_id} · {self.course_id}"


class LearningSummary(models.Model):
    """One person's `LearningStatus` rows summed up, for pages that sort, filter and page
    people by the worst state of their courses (the team dashboard) without reading every
    person × course row. Like the rows it sums, nothing here depends on the day: the
    person's worst state and earliest open due date are worked out from these facts when
    read (`supervision.team_sql`, by the rule of `courses.selectors.course_state_sql`).
    Kept by `courses.status.learning_status_refresh` in the same statement batch as the
    rows; a person without rows has no summary."""

    employee = models.OneToOneField(
        "people.Employee", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    required = models.PositiveIntegerField(default=0)  # rows (courses required of them)
    open = models.PositiveIntegerField(default=0)  # rows without a completion
    open_undated = models.PositiveIntegerField(default=0)  # of those, without a due date
    # The open rows' due dates, earliest first (the undated ones left out).
    open_dues = ArrayField(models.DateField(), default=list)
    completed_forever = models.PositiveIntegerField(default=0)  # completions never expiring
    # The other completions' expiries, earliest first, and the renewal's due date of each
    # in the same order.
    expiries = ArrayField(models.DateTimeField(), default=list)
    renewal_dues = ArrayField(models.DateField(null=True), default=list)

    class Meta:
        db_table = "learning_summary"

    def __str__(self) -> str:
        return str(self.employee_id)
