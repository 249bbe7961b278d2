"""Headway settings: one file, every knob read from the environment (see .env.example)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

# Lets runtime code use the generic types the type checker knows (ModelForm[User], ...).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
DEFAULT_SECRET_KEY = "headway-local-development-key-not-for-production"  # noqa: S105


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no setting; a value that is neither refuses to start (a typo is not "off")."""
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a yes/no value: use one of "
        f"{', '.join(sorted(TRUE_WORDS))} or {', '.join(sorted(FALSE_WORDS))}."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """Read a whole number of at least `minimum`; anything else refuses to start."""
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={os.environ[name]!r} is not a whole number.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below its minimum of {minimum}.")
    return number


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """Read one of a few words; anything else refuses to start."""
    value = env_str(name, default).strip() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value


_RATE = re.compile(r"\d+/(\d+(\.\d+)?)?[smhd](/(ip|key|user))?")


def env_rates(name: str, default: str) -> str:
    """Read allauth rate limits (`10/m/ip,5/300s/key`); a malformed one refuses to start."""
    value = env_str(name, default).strip()
    for part in filter(None, (p.strip() for p in value.split(","))):
        if not _RATE.fullmatch(part):
            raise ImproperlyConfigured(
                f"{name}: {part!r} is not a rate; write amount/period/ip|key, such as 5/300s/key."
            )
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# "local" needs no configuration; "production" refuses unsafe defaults.
HEADWAY_MODE = env_choice("HEADWAY_MODE", "local", ("local", "production"))
PRODUCTION = HEADWAY_MODE == "production"
DEBUG = env_bool("HEADWAY_DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
if PRODUCTION and (SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "Production mode needs SECRET_KEY set to a random value of at least 50 characters."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Where links in emails and feeds point when no request says (reminders sent by a command).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DATA_DIR = Path(env_str("HEADWAY_DATA_DIR", str(PROJECT_DIR / "var")))
# Where `headway data sync` reads the official datasets from when not downloading them.
HEADWAY_DATA_MIRROR = env_str("HEADWAY_DATA_MIRROR", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "headway.core",
    "headway.accounts",
    "headway.plans",
    "headway.careers",
    "headway.assessments",
    "headway.feedback",
    "headway.network",
    "headway.coach",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "headway.core.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "headway.core.links.RequestBaseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "headway.core.middleware.ApiInputGuard",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "headway.urls"
WSGI_APPLICATION = "headway.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "headway.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'headway.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: email is the identity, and it must be confirmed before the first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the address in the browser that signed up signs the user in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "headway.accounts.forms.SignupForm"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Headway] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_ADAPTER = "headway.accounts.adapter.AccountAdapter"
# Failed sign-ins from a browser not seen before: per client address and per account. A browser
# that signed in to the account before is counted on its own (accounts/devices.py), so a flood
# of failures from anyone else cannot lock its owner out.
ACCOUNT_RATE_LIMITS = {
    # allauth also counts every login POST per address, successes included; that count would
    # lock out the owner's browser too, and failures are what these limits are for.
    "login": "",
    "login_failed": env_rates("HEADWAY_LOGIN_RATE_LIMIT", "10/m/ip,5/300s/key"),
    "login_failed_device": env_rates("HEADWAY_LOGIN_DEVICE_RATE_LIMIT", "5/300s/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Headway"
LOGIN_REDIRECT_URL = "core-dashboard"
LOGIN_URL = "account_login"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Headway <headway@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Rate-limit counters live in the cache, so every worker and server must share it: a table in
# the database by default (created by the core migration), Redis when CACHE_URL names one.
CACHE_URL = env_str("CACHE_URL", "").strip()
CACHE_TABLE = "headway_cache"
CACHES: dict[str, dict[str, Any]]
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL in ("", "db"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Culling drops counters early; room for a flood of made-up accounts keeps them.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
else:
    raise ImproperlyConfigured(
        f"CACHE_URL={CACHE_URL!r} is not understood: leave it empty for the database cache "
        "or give a redis:// address."
    )

LANGUAGE_CODE = "en-us"
# One date style ("3 Jun 2027") for dates written with the `date` filter's defaults.
FORMAT_MODULE_PATH = ["headway.formats"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
# A request body larger than this is refused (413) before it is read, uploads included.
HEADWAY_MAX_REQUEST_BYTES = env_int("HEADWAY_MAX_REQUEST_BYTES", 3 * 1024 * 1024, minimum=1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# Security headers on every response; production adds HTTPS-only cookies and HSTS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True) and PRODUCTION
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front append to X-Forwarded-For; the client's address (for rate limits) is
# the entry this many from the right. 0 reads the connection's own address.
HEADWAY_TRUSTED_PROXIES = env_int("HEADWAY_TRUSTED_PROXIES", 1 if BEHIND_PROXY else 0)

# No inline script anywhere: scripts are static files, htmx config comes from a meta tag.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

NINJA_PAGINATION_PER_PAGE = 50
# Rows on one page of a list page (contacts, goals, ...); `?page=` reaches the others.
HEADWAY_PAGE_SIZE = env_int("HEADWAY_PAGE_SIZE", 50, minimum=1)

# Contacts one vCard import may hold, and contacts one account may keep.
HEADWAY_IMPORT_MAX_CONTACTS = env_int("HEADWAY_IMPORT_MAX_CONTACTS", 1000, minimum=1)
HEADWAY_MAX_CONTACTS = env_int("HEADWAY_MAX_CONTACTS", 5000, minimum=1)
# Open goals (drafts, active, paused) one account may hold: they show on one reorderable page.
HEADWAY_MAX_OPEN_GOALS = env_int("HEADWAY_MAX_OPEN_GOALS", 200, minimum=1)

# `headway serve` (gunicorn): the address to listen on and the number of worker processes.
HEADWAY_BIND = env_str("HEADWAY_BIND", "127.0.0.1:8000")
HEADWAY_WORKERS = env_int("HEADWAY_WORKERS", 2, minimum=1)

# How many goals one address may check a minute on the public coach page (no account needed).
HEADWAY_COACH_PUBLIC_CHECKS_PER_MINUTE = env_int("HEADWAY_COACH_PUBLIC_CHECKS_PER_MINUTE", 30)

# A reviewer invitation link stops working after this many days.
HEADWAY_FEEDBACK_INVITATION_DAYS = env_int("HEADWAY_FEEDBACK_INVITATION_DAYS", 14)
# How many reviewer invitations one person may send in 24 hours.
HEADWAY_FEEDBACK_INVITATIONS_PER_DAY = env_int("HEADWAY_FEEDBACK_INVITATIONS_PER_DAY", 20)
