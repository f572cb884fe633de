"""The one inventory of personal data: every model that holds something about a person,
how it links to the person, and which of its fields a right-of-access file shows.

Each `Holding` names the lookups from its model to the person's `people.Employee`
(`employee`) and to their sign-in account (`user`), "pk" meaning the model is the person
itself. `tests/privacy/test_inventory.py` walks every installed model and fails when a
foreign key, one-to-one or many-to-many link to Employee or the user model is neither
listed here nor in `NOT_EXPORTED` with a reason — so a new model (or a new link) cannot
hold personal data unnoticed. Models are named by label; nothing here imports the apps.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Holding:
    model: str
    fields: tuple[str, ...]
    employee: tuple[str, ...] = ()
    user: tuple[str, ...] = ()
    purpose: str = ""

    @property
    def links(self) -> tuple[str, ...]:
        return self.employee + self.user


INVENTORY: tuple[Holding, ...] = (
    # --- the person -----------------------------------------------------------------
    Holding(
        "auth.User",
        ("username", "first_name", "last_name", "email", "last_login", "date_joined", "is_active"),
        user=("pk",),
        purpose="sign-in account",
    ),
    Holding("auth.Group", ("name",), user=("user",), purpose="roles"),
    Holding(
        "people.Employee",
        (
            "employee_number",
            "unit__code",
            "unit__name_fi",
            "job_role__name_fi",
            "supervisor__employee_number",
            "start_date",
            "end_date",
            "language",
            "preferred_language",
            "active",
            "welcome_sent_at",
            "created_at",
            "updated_at",
        ),
        employee=("pk",),
        user=("user",),
        purpose="employment from the HR import",
    ),
    Holding("people.OrgUnit", ("code", "name_fi"), employee=("managers",), purpose="units managed"),
    Holding(
        "people.ImportRun",
        ("file_name", "status", "created_at", "applied_at"),
        user=("uploaded_by",),
        purpose="staff files the person uploaded",
    ),
    Holding(
        "wagtailusers.UserProfile",
        ("preferred_language", "current_time_zone"),
        user=("user",),
        purpose="admin preferences",
    ),
    # --- learning -------------------------------------------------------------------
    Holding(
        "courses.Enrolment",
        ("course__title", "source", "due_date", "enrolled_at"),
        employee=("employee",),
    ),
    Holding(
        "courses.LessonCompletion",
        ("course__title", "lesson__title", "cycle", "completed_at"),
        employee=("employee",),
    ),
    Holding(
        "courses.CourseCompletion",
        ("course_title", "cycle", "completed_at", "score", "expires_at", "verification_code"),
        employee=("employee",),
    ),
    Holding(
        "courses.CourseRating",
        ("course__title", "value", "rated_at"),
        employee=("employee",),
    ),
    Holding(
        "quizzes.QuizAttempt",
        ("quiz__title", "number", "score", "passed", "submitted_at"),
        employee=("employee",),
    ),
    Holding(
        "quizzes.QuizAnswer",
        (
            "attempt__quiz__title",
            "attempt__number",
            "question_id",
            "selected_choice_ids",
            "correct",
        ),
        employee=("attempt__employee",),
    ),
    Holding(
        "quizzes.SelfAssessmentAnswer",
        ("course__title", "phase", "question", "value", "answered_at"),
        employee=("employee",),
    ),
    Holding(
        "packages.PackageAttempt",
        (
            "package__title",
            "number",
            "completion_status",
            "success_status",
            "score",
            "location",
            "total_time",
            "started_at",
            "updated_at",
            "completed_at",
        ),
        employee=("employee",),
        purpose="SCORM and H5P attempts",
    ),
    Holding(
        "packages.ContentPackage",
        ("title", "kind", "uploaded_at"),
        user=("uploaded_by",),
        purpose="packages the person uploaded",
    ),
    # --- onboarding and notices -----------------------------------------------------
    Holding("onboarding.Checklist", ("created_at",), employee=("employee",)),
    Holding(
        "onboarding.ChecklistItem",
        ("title", "kind", "owner", "due_date", "done_at"),
        employee=("checklist__employee",),
        user=("done_by", "added_by"),
        purpose="the person's own items, and items they ticked or added for others",
    ),
    Holding(
        "notifications.ReminderOutbox",
        ("subject_kind", "stage", "due_date", "status", "created_at", "sent_at"),
        employee=("recipient", "about"),
    ),
    Holding(
        "notifications.Notification",
        ("title", "body", "url", "created_at", "read_at"),
        employee=("recipient",),
    ),
    Holding("notifications.DigestOptOut", ("created_at",), employee=("employee",)),
    # --- sessions -------------------------------------------------------------------
    Holding("events.Network", ("name",), employee=("conveners", "members")),
    Holding(
        "events.Invitation",
        ("session__series__title", "session__starts_at", "invited_at"),
        employee=("employee",),
    ),
    Holding(
        "events.Registration",
        ("session__series__title", "session__starts_at", "status", "queued_at", "attended_at"),
        employee=("employee",),
        user=("attendance_marked_by",),
    ),
    Holding(
        "events.Feedback",
        ("useful", "rating", "will_do_differently", "free_text", "submitted_at"),
        employee=("registration__employee",),
    ),
    # --- phrases, exports, the audit log --------------------------------------------
    Holding("phrases.PhraseFavourite", ("phrase__title", "created_at"), user=("user",)),
    Holding(
        "golive.TestEmail",
        ("sent_to", "sent_at", "error"),
        user=("sent_by",),
        purpose="go-live test emails sent",
    ),
    Holding(
        "statements.AccessibilityFeedback",
        ("message", "page_address", "name", "email", "created_at", "answered_at"),
        user=("sender", "answered_by"),
        purpose="accessibility feedback sent or answered",
    ),
    Holding(
        "supervision.ExportJob", ("kind", "file_format", "status", "created_at"), user=("owner",)
    ),
    Holding(
        "audit.AuditEntry",
        ("created_at", "actor_name", "action", "target"),
        employee=("target_employee",),
        user=("actor",),
        purpose="what the person did, and what others did concerning them",
    ),
    # --- authoring in the admin -----------------------------------------------------
    Holding("wagtailcore.Page", ("title", "first_published_at"), user=("owner", "locked_by")),
    Holding("quizzes.Quiz", ("title", "locked_at"), user=("locked_by",)),
    Holding("phrases.Phrase", ("title", "locked_at"), user=("locked_by",)),
    Holding("wagtailcore.Revision", ("object_str", "created_at"), user=("user",)),
    Holding("wagtailcore.PageLogEntry", ("label", "action", "timestamp"), user=("user",)),
    Holding("wagtailcore.ModelLogEntry", ("label", "action", "timestamp"), user=("user",)),
    Holding("wagtailcore.Comment", ("text", "created_at"), user=("user", "resolved_by")),
    Holding("wagtailcore.CommentReply", ("text", "created_at"), user=("user",)),
    Holding("wagtailcore.PageSubscription", ("page__title",), user=("user",)),
    Holding("wagtailcore.WorkflowState", ("status", "created_at"), user=("requested_by",)),
    Holding("wagtailcore.TaskState", ("status", "finished_at"), user=("finished_by",)),
    Holding("wagtaildocs.Document", ("title", "created_at"), user=("uploaded_by_user",)),
    Holding("wagtailimages.Image", ("title", "created_at"), user=("uploaded_by_user",)),
    Holding("wagtailcore.UploadedFile", ("file",), user=("uploaded_by_user",)),
    Holding("admin.LogEntry", ("action_time", "object_repr", "change_message"), user=("user",)),
)

# Links to a person that a right-of-access file leaves out, each with the reason.
NOT_EXPORTED: dict[tuple[str, str], str] = {
    ("people.Employee", "supervisor"): "the person's own supervisor is in their Employee row; "
    "the rows of their reports are the reports' data",
    ("events.Invitation", "shared_by"): "invitations the person shared are their team's data",
    ("wagtailadmin.EditingSession", "user"): "an open admin form; Wagtail removes it in minutes",
    ("wagtailadmin.FormState", "user"): "an unsaved admin form, removed when saved",
    ("courses.LearningStatus", "employee"): "a copy of the person's enrolments and "
    "completions (exported from their own rows), kept for the team dashboard",
    ("courses.LearningSummary", "employee"): "a sum of the person's status rows (themselves "
    "a copy of their enrolments and completions), kept for the team dashboard",
}


def holdings() -> tuple[Holding, ...]:
    return INVENTORY
