"""The county's hyte picture reads only these totals, which `hyte.totals` rewrites in one
transaction from the learning, phrase and session records (a beat task, and on demand).
The page therefore costs the same few queries at 30 people or 30,000.

Every row is an aggregate: no row names a person, and the page hides any figure about a
group of fewer than `reporting.privacy.MIN_GROUP_SIZE` people.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class KnowledgeTotal(models.Model):
    """Self-rated hyte knowledge (1–5) answers of one group in one phase. `month` empty =
    all time. The group is the whole county, a sector, a job role or a unit (with its
    sub-units for a sector; the unit's own people for a unit)."""

    class Group(models.TextChoices):
        COUNTY = "county", _("Koko alue")
        SECTOR = "sector", _("Toimiala")
        ROLE = "role", _("Ammattinimike")
        UNIT = "unit", _("Yksikkö")

    month = models.DateField(null=True, blank=True)
    phase = models.CharField(max_length=6)
    group = models.CharField(max_length=6, choices=Group.choices)
    group_id = models.PositiveBigIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)
    answers = models.PositiveIntegerField(default=0)
    value_sum = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["group", "month"], name="hyte_knowledge_group_month")]

    def __str__(self) -> str:
        return f"{self.group} {self.group_id} {self.month} {self.phase}: {self.answers}"


class CopyMonthTotal(models.Model):
    """Phrase copies made in a unit in a month (the referral signal)."""

    month = models.DateField()
    unit = models.ForeignKey("people.OrgUnit", on_delete=models.CASCADE, related_name="+")
    copies = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "unit"], name="hyte_copies_once_a_month")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month}: {self.copies}"


class UnitCopyState(models.Model):
    """The unit's running copy count when the totals were last refreshed: the next refresh
    books only the difference, to the month it runs in. The phrase library keeps one
    running count per phrase and unit, never a row per copy, so the month of a copy is
    known to within the refresh interval."""

    unit = models.OneToOneField("people.OrgUnit", on_delete=models.CASCADE, related_name="+")
    copies_seen = models.PositiveBigIntegerField(default=0)
    last_copied_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.copies_seen}"


class SessionMonthTotal(models.Model):
    """Presentation sessions that took place in a month: registrations, attendance, and
    the feedback of professionals and of the presenting organisations."""

    month = models.DateField(unique=True)
    sessions = models.PositiveIntegerField(default=0)
    registered = models.PositiveIntegerField(default=0)
    attended = models.PositiveIntegerField(default=0)
    staff_answers = models.PositiveIntegerField(default=0)
    staff_useful = models.PositiveIntegerField(default=0)
    presenter_answers = models.PositiveIntegerField(default=0)
    presenter_useful = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.month}: {self.sessions}"


class Refresh(models.Model):
    """When the totals were last rewritten, and how long it took."""

    finished_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0)

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M}"
