"""Settings shared by every environment, all read from environment variables.

Safe by default: DEBUG is off and SECRET_KEY has no default here, so a production
start without one fails at once. `dev` and `test` add the defaults a laptop needs.

Environment variables:
  SECRET_KEY, DEBUG, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS
  DATABASE_URL        postgres://user:pass@host:5432/name (required; dev: the embedded
                      PostgreSQL in var/postgres, test: 127.0.0.1:5432)
  CELERY_BROKER_URL   or REDIS_URL; default filesystem:// (kombu, no server needed)
  EMAIL_URL           smtp+tls://user:pass@host:587, consolemail://, ...
  DEFAULT_FROM_EMAIL, EMAIL_DOMAIN, CALENDAR_ORGANIZER_EMAIL, SITE_URL, TIME_ZONE
"""

import datetime
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("HYTEOPAS_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "audit",
    "intents",
    "xapi",
    "people",
    "cms",
    "courses",
    "quizzes",
    "packages",
    "onboarding",
    "notifications",
    "organisations",
    "events",
    "phrases",
    "supervision",
    "hyte",
    "ptv",
    "privacy",
    "golive",
    "accounts",
    "axes",
    "csp",
    "statements",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_celery_beat",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "audit.context.AuditActorMiddleware",
    "people.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "learning.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "notifications.context_processors.unread_count",
            ],
            # Times in the reader's language (languages.dates), for every app's templates.
            "libraries": {"localdates": "languages.templatetags.localdates"},
        },
    },
]

WSGI_APPLICATION = "learning.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The queries every page makes (compiledsql) are prepared on their connection after
# this many runs, so PostgreSQL plans them once. Empty: never (behind a connection
# pooler in transaction mode that cannot keep prepared statements).
_prepare_threshold = env.str("DATABASE_PREPARE_THRESHOLD", default="3")
DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = (
    int(_prepare_threshold) if _prepare_threshold else None
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["people.backends.EmailOrEmployeeNumberBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Finnish first; Swedish and English complete. Source strings are Finnish.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "hyteopas_language"
# languages/locale first: its Finnish for Wagtail admin strings upstream leaves
# untranslated wins over Wagtail's own catalogues.
LOCALE_PATHS = [BASE_DIR / "languages" / "locale", BASE_DIR / "locale"]
# Finland-Swedish dates (13.12.2026 kl. 15.00) instead of Sweden's (2026-12-13 15:00).
FORMAT_MODULE_PATH = ["languages.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Helsinki")
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Exports hold personal data: a private folder, never served as media. Web and worker
# must both reach it.
EXPORT_ROOT = Path(env.str("EXPORT_ROOT", default=str(VAR_DIR / "exports")))
# An export job whose progress has not moved for this long has lost its worker: it is
# started again once (EXPORT_MAX_ATTEMPTS runs in all), then marked failed.
EXPORT_STALL_MINUTES = env.float("EXPORT_STALL_MINUTES", default=10)
EXPORT_MAX_ATTEMPTS = 2
# The most rows one export may have.
EXPORT_MAX_ROWS = env.int("EXPORT_MAX_ROWS", default=2_000_000)
# How long the task writing an export may run, sized from the rows it was counted to
# have: five minutes for the queries plus 1 s a thousand rows (over ten times what the
# writer needs on a busy machine), so an export never meets its time limit halfway.
EXPORT_TIME_LIMIT_BASE_SECONDS = env.int("EXPORT_TIME_LIMIT_BASE_SECONDS", default=300)
EXPORT_TIME_LIMIT_PER_1000_ROWS = env.float("EXPORT_TIME_LIMIT_PER_1000_ROWS", default=1.0)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Items added to an onboarding template reach the open checklists of people who started
# at most this many days ago.
ONBOARDING_PROPAGATE_DAYS = env.int("ONBOARDING_PROPAGATE_DAYS", default=60)

# Go-live (people/hr_import, onboarding): only people who start at most this many days
# before the import day, or later, get a newcomer checklist; established staff get their
# mandatory courses due this many days after the import day (a course may set its own).
ONBOARDING_WINDOW_DAYS = env.int("ONBOARDING_WINDOW_DAYS", default=60)
COURSE_GRACE_DAYS = env.int("COURSE_GRACE_DAYS", default=90)
# The county's target for self-rated hyte knowledge (1–5), drawn on the hyte picture.
HYTE_KNOWLEDGE_TARGET = env.int("HYTE_KNOWLEDGE_TARGET", default=5)
# The national service catalogue (PTV) feeds the hyte activities. Empty URL = no sync.
PTV_API_URL = env.str("PTV_API_URL", default="")
PTV_AREA_TYPE = env.str("PTV_AREA_TYPE", default="WellbeingServiceCounties")
PTV_AREA_CODE = env.str("PTV_AREA_CODE", default="")
PTV_API_KEY = env.str("PTV_API_KEY", default="")
# The county's name as the issuer on course certificates; empty: "Hyvinvointialue".
COUNTY_NAME = env.str("COUNTY_NAME", default="")
# A staff file that would deactivate more than this share of active staff (or the
# uploader) needs a second confirmation.
IMPORT_MAX_DEACTIVATE_SHARE = env.float("IMPORT_MAX_DEACTIVATE_SHARE", default=0.10)
# No reminder, escalation or digest goes out before this day (ISO date, empty = none);
# HR can also set a day or pause reminders in the admin (notifications.ReminderStart).
REMINDERS_START_ON = (
    datetime.date.fromisoformat(env.str("REMINDERS_START_ON"))
    if env.str("REMINDERS_START_ON", default="")
    else None
)

# Reminders (notifications/): stages by days before/after the due date, the notice before
# a completion expires, and how the hourly sweep delivers (batch size, how long a row may
# sit in "sending" before the next sweep looks at it, attempts before giving up, and the
# time budget of one sweep, below CELERY_TASK_SOFT_TIME_LIMIT).
REMINDER_DUE_SOON_DAYS = env.int("REMINDER_DUE_SOON_DAYS", default=7)
REMINDER_LONG_OVERDUE_DAYS = env.int("REMINDER_LONG_OVERDUE_DAYS", default=14)
RECERTIFICATION_NOTICE_DAYS = env.int("RECERTIFICATION_NOTICE_DAYS", default=30)
REMINDER_BATCH_SIZE = env.int("REMINDER_BATCH_SIZE", default=200)
OUTBOX_MARK_RETRY_SECONDS = env.int("OUTBOX_MARK_RETRY_SECONDS", default=120)
REMINDER_MAX_ATTEMPTS = env.int("REMINDER_MAX_ATTEMPTS", default=48)
REMINDER_SWEEP_MAX_SECONDS = env.int("REMINDER_SWEEP_MAX_SECONDS", default=12 * 60)
REMINDER_DIGEST_MAX_LINES = env.int("REMINDER_DIGEST_MAX_LINES", default=50)

# xAPI statements to a learning record store (xapi/): off while XAPI_LRS_URL is empty
# (nothing is recorded then). The actor is an account on XAPI_ACTOR_HOMEPAGE named by
# XAPI_ACTOR_FIELD: "employee_number" or "user_id" (never the email).
XAPI_LRS_URL = env.str("XAPI_LRS_URL", default="").rstrip("/")
XAPI_LRS_USERNAME = env.str("XAPI_LRS_USERNAME", default="")
XAPI_LRS_PASSWORD = env.str("XAPI_LRS_PASSWORD", default="")
XAPI_ACTOR_HOMEPAGE = env.str("XAPI_ACTOR_HOMEPAGE", default=SITE_URL)
XAPI_ACTOR_FIELD = env.str("XAPI_ACTOR_FIELD", default="employee_number")
XAPI_BATCH_SIZE = env.int("XAPI_BATCH_SIZE", default=100)
XAPI_TIMEOUT = env.float("XAPI_TIMEOUT", default=10.0)
XAPI_RETRY_FIRST_SECONDS = env.float("XAPI_RETRY_FIRST_SECONDS", default=30.0)
XAPI_RETRY_MAX_SECONDS = env.float("XAPI_RETRY_MAX_SECONDS", default=3600.0)

# Web and worker processes load the phrase search's lemma data when they start.
LEMMAS_WARM = env.bool("LEMMAS_WARM", default=True)
# Which analyser gives the phrase search its Finnish base forms: "auto" (Voikko when
# installed, else simplemma), "voikko" or "simplemma".
PHRASE_ANALYSER = env.str("PHRASE_ANALYSER", default="auto")

# Uploads larger than this are refused before they are parsed (the HR import).
HR_IMPORT_MAX_BYTES = env.int("HR_IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
# An XLSX is a zip: its members may unpack to at most this much in all, and none may
# unpack to more than HR_IMPORT_MAX_RATIO times its packed size (checked before openpyxl
# opens the file). Files with more data rows than HR_IMPORT_MAX_ROWS are refused.
HR_IMPORT_MAX_UNPACKED_BYTES = env.int("HR_IMPORT_MAX_UNPACKED_BYTES", default=200 * 1024 * 1024)
HR_IMPORT_MAX_RATIO = env.int("HR_IMPORT_MAX_RATIO", default=100)
HR_IMPORT_MAX_ROWS = env.int("HR_IMPORT_MAX_ROWS", default=100_000)
HYTE_TRAY_URL = env("HYTE_TRAY_URL", default="https://hyte.jarvilaakso.example/toimintatarjotin")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# The domain of the sender and of every Message-ID: SITE_URL's host unless set.
EMAIL_DOMAIN = env.str("EMAIL_DOMAIN", default=urlsplit(SITE_URL).hostname or "localhost")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"Hyteopas <no-reply@{EMAIL_DOMAIN}>")
# ORGANIZER of the sessions' calendar files: by default the no-reply sender.
CALENDAR_ORGANIZER_EMAIL = env.str(
    "CALENDAR_ORGANIZER_EMAIL",
    default=parseaddr(DEFAULT_FROM_EMAIL)[1] or f"no-reply@{EMAIL_DOMAIN}",
)

WAGTAIL_SITE_NAME = "Hyteopas"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    *["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"],
    *["mp4", "webm", "vtt"],  # lesson videos and their captions
]
WAGTAILDOCS_CONTENT_TYPES = {"mp4": "video/mp4", "webm": "video/webm", "vtt": "text/vtt"}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "video/mp4", "video/webm", "text/vtt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.documents.DocumentForm"
VIDEO_UPLOAD_MAX_BYTES = env.int("VIDEO_UPLOAD_MAX_BYTES", default=500 * 1024 * 1024)
CAPTIONS_UPLOAD_MAX_BYTES = env.int("CAPTIONS_UPLOAD_MAX_BYTES", default=1024 * 1024)
# SCORM packages and H5P files (packages/): the upload, the unpacked size read from the
# zip's directory before anything is unpacked, the packing ratio of a member over 1 MB
# (a zip bomb), the number of files; unpacked under PACKAGE_ROOT and served by Django.
PACKAGE_UPLOAD_MAX_BYTES = env.int("PACKAGE_UPLOAD_MAX_BYTES", default=200 * 1024 * 1024)
PACKAGE_MAX_UNPACKED_BYTES = env.int("PACKAGE_MAX_UNPACKED_BYTES", default=500 * 1024 * 1024)
PACKAGE_MAX_RATIO = env.int("PACKAGE_MAX_RATIO", default=100)
PACKAGE_MAX_FILES = env.int("PACKAGE_MAX_FILES", default=10000)
PACKAGE_ROOT = Path(env.str("PACKAGE_ROOT", default=str(VAR_DIR / "packages")))
# Courses are translated page trees (fi → sv, en) served at the same addresses: the
# active language picks the translation. Progress is kept against the Finnish pages.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.publish_approved"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_LOGIN_URL = "login"
# No avatars from gravatar.com: it would tell a third party who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The county's time zones only (the full list has names browsers cannot show).
WAGTAIL_USER_TIME_ZONES = ["Europe/Helsinki", "Europe/Stockholm", "UTC"]
# Page addresses in ASCII (ä → a, ö → o): no %C3%A4 in links and emails.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Celery -----------------------------------------------------------------------------
# With no broker configured, kombu's filesystem transport carries the messages through
# folders under var/: a real worker and beat run as processes, no server to install.
CELERY_BROKER_URL = env.str(
    "CELERY_BROKER_URL", default=env.str("REDIS_URL", default="filesystem://")
)
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
else:
    # Longer than the longest task or countdown, so an unacknowledged task is not
    # redelivered while it still runs.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 6 * 60 * 60}
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own console handler (DEBUG only) would print every line a second
        # time beside the root's: its records go to the root handler alone.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "INFO"},
        # Wagtail's reference-index tasks log every run; only problems are of interest.
        "django_tasks": {"level": "WARNING"},
    },
}

# Privacy: audit log entries are kept this many years (then a nightly task removes them,
# the one removal the database allows); people who left this many years ago are
# pseudonymised by a nightly task.
AUDIT_RETENTION_YEARS = env.int("AUDIT_RETENTION_YEARS", default=5)
RETENTION_YEARS_AFTER_LEAVING = env.int("RETENTION_YEARS_AFTER_LEAVING", default=5)
# --- Sign-in, sessions and security headers (accounts/) ---------------------------------
# OpenID Connect with the county's provider (Entra ID): on when OIDC_ISSUER is set.
# Endpoints come from the provider's /.well-known/openid-configuration; an OIDC_OP_*
# variable overrides one. Authorization code with PKCE, state and nonce, RS256 ID tokens
# checked against the provider's JWKS.
OIDC_ISSUER = env.str("OIDC_ISSUER", default="")
OIDC_ENABLED = bool(OIDC_ISSUER)
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_LOGOUT_ENDPOINT = env.str("OIDC_OP_LOGOUT_ENDPOINT", default="")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_CREATE_USER = False
OIDC_STORE_ID_TOKEN = True  # the hint for ending the provider's session
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
# Which claim finds the imported employee: its value is compared with the work email
# (OIDC_MATCH_FIELD=email) or the employee number (OIDC_MATCH_FIELD=employee_number).
OIDC_MATCH_CLAIM = env.str("OIDC_MATCH_CLAIM", default="email")
OIDC_MATCH_FIELD = env.str("OIDC_MATCH_FIELD", default="email")
# "group-id=role,group-id=role": provider groups that give our roles at each sign-in.
OIDC_GROUPS_CLAIM = env.str("OIDC_GROUPS_CLAIM", default="groups")
OIDC_GROUP_ROLES = env.list("OIDC_GROUP_ROLES", default=[])
# Whom a person the provider knows but HR's import does not should contact.
OIDC_UNMATCHED_CONTACT = env.str(
    "OIDC_UNMATCHED_CONTACT", default="HR (henkilostohallinto@jarvilaakso.example)"
)
LOGIN_REDIRECT_URL_FAILURE = "/kirjaudu/ei-tunnusta/"
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
# Local passwords are the fallback a county can switch off once everyone uses OIDC.
LOCAL_PASSWORD_LOGIN = env.bool("LOCAL_PASSWORD_LOGIN", default=True)
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend"]
if LOCAL_PASSWORD_LOGIN:
    AUTHENTICATION_BACKENDS.append("people.backends.EmailOrEmployeeNumberBackend")
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("accounts.oidc.CountyOIDCBackend")

# Brute-force limits (django-axes): an account, or an address, is locked after
# AXES_FAILURE_LIMIT failed sign-ins for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "accounts.lockout.username_from_request"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_WHITELIST_CALLABLE = "accounts.lockout.is_exempt"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False
# Behind the load balancer, the number of proxies in X-Forwarded-For (0: REMOTE_ADDR).
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Password-reset requests from one address per hour.
PASSWORD_RESET_REQUESTS_PER_HOUR = env.int("PASSWORD_RESET_REQUESTS_PER_HOUR", default=5)

# Sessions end after SESSION_IDLE_SECONDS without a request (a shift, 8 h) and at the
# latest SESSION_MAX_SECONDS after signing in.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=8 * 60 * 60)
SESSION_MAX_SECONDS = env.int("SESSION_MAX_SECONDS", default=12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
# Django's database sessions, read through a query compiled once (accounts/sessions.py).
SESSION_ENGINE = "accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp 4): scripts only from our own origin or with the
# request's nonce, never inline. Wagtail's admin gets its allowances in
# accounts.middleware.AdminAwareCSPMiddleware.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # The provider's origin is added when OIDC is on (sign-out redirects there).
        "form-action": [SELF],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "clipboard-write=(self), fullscreen=(self)"
)

# Security headers first; odd query strings refused before any view; session limits
# once the user is known; django-axes last, as it asks.
MIDDLEWARE[1:1] = [
    "accounts.middleware.AdminAwareCSPMiddleware",
    "accounts.middleware.PermissionsPolicyMiddleware",
]
_language = MIDDLEWARE.index("people.middleware.UserLanguageMiddleware")
MIDDLEWARE[_language : _language + 1] = [
    "accounts.middleware.SessionLimitsMiddleware",
    "people.middleware.UserLanguageMiddleware",
    # After the language is known, so the 400 page speaks it.
    "accounts.middleware.QueryStringGuardMiddleware",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
