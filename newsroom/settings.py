"""Settings for Newsroom, read from the environment (12-factor) through django-environ.

Every value a deployment changes comes from an environment variable; the defaults give a working
development newsroom on SQLite under `var/`. With DEBUG off there is no default secret key.
"""

import re
from datetime import timedelta
from pathlib import Path

import environ
from csp import constants as csp

from newsroom import content_security, stylesheets

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# No default in production: the site refuses to start without one (newsroom/checks.py and
# newsroom/wsgi.py). Commands that serve nothing, such as makemigrations, still run.
SECRET_KEY = env("SECRET_KEY", default="dev-only-key-not-for-production" if DEBUG else "")
HAS_SECRET_KEY = bool(SECRET_KEY)  # Django refuses to read an empty SECRET_KEY at all

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("SITE_NAME", default="Newsroom")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    "reversion",
    "django_tasks",
    "django_tasks_db",
    "newsroom",
    "people",
    "stories",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.outage.DatabaseOutageMiddleware",
    "newsroom.replicas.ReplicaMiddleware",  # before anything reads the database
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "newsroom.middleware.PublicPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

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
                "newsroom.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'newsroom.sqlite3'}")
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)

# --- SQLite under concurrent writers (issue 12) -------------------------------------------------
# Two editors saving at once must not get a 500 "database is locked". IMMEDIATE transactions
# take the write lock at BEGIN, so the second save waits there (up to `timeout` seconds, the busy
# timeout) instead of failing when it upgrades a read lock; it then sees the first save and gets
# the edit-conflict message. WAL lets readers go on while one writer writes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# --- end SQLite ----------------------------------------------------------------------------------

# --- Database connections and read replicas (issue 13) ---------------------------------------
# A connection is kept for DATABASE_CONN_MAX_AGE seconds (0: a new one per request, None: for
# ever) and checked before it is reused, so a restarted PostgreSQL costs one failed check, not
# a 500. DATABASE_REPLICA_URLS (comma-separated) adds read replicas "replica_1", "replica_2"…;
# newsroom.replicas sends anonymous public page reads there and everything else to "default".
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASE_REPLICAS = []
for number, url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[]), start=1):
    alias = f"replica_{number}"
    DATABASES[alias] = {
        **environ.Env.db_url_config(url),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},  # tests have one database; replicas read it
    }
    DATABASE_REPLICAS.append(alias)
DATABASE_ROUTERS = ["newsroom.replicas.ReplicaRouter"]
# The benchmark suite (bench/run.py) turns this on for /bench/trivial, its reference page.
BENCH = env.bool("BENCH", default=False)
# --- end of database connections -------------------------------------------------------------
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache is an optimization: these backends turn an unreachable cache into misses
# (newsroom/cache_backends.py). Redis is shared by several machines; without it, files under
# var/ are shared by every process of this one (the server's workers and the commands), so that
# a publication from the command line clears the pages the server has cached.
if REDIS_URL := env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache_backends.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            # Fail fast when Redis is away, rather than hold the request.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache_backends.DegradingFileBasedCache",
            "LOCATION": env("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# --- Sessions (issue 13) ---------------------------------------------------------------------
# With a shared cache, a signed-in request reads its session from Redis and the database keeps
# it for when Redis restarts; without one, sessions stay in the database alone.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
# --- end of sessions -------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        # whitenoise's manifest storage, but a page never 500s before collectstatic (issue 12)
        else "newsroom.storage.StaticFilesStorage"
    },
}

TAGGIT_CASE_INSENSITIVE = True

# Where lead images live, e.g. "https://assets.example.org/{asset_id}.{format}"; empty: placeholder.
IMAGE_URL_TEMPLATE = env("IMAGE_URL_TEMPLATE", default="")
# Publishing needs at least one organization in "Organizations in this story" unless turned off.
REQUIRE_ORGANIZATION_TO_PUBLISH = env.bool("REQUIRE_ORGANIZATION_TO_PUBLISH", default=True)
# The suggestion panel's "Accept all" tags the countries mentioned as well as the organizations.
ACCEPT_ALL_INCLUDES_COUNTRIES = env.bool("ACCEPT_ALL_INCLUDES_COUNTRIES", default=True)
# A signed preview link (for a source to fact-check a draft) works for this many days.
PREVIEW_LINK_DAYS = env.int("PREVIEW_LINK_DAYS", default=7)
# The newsroom's country (ISO 3166-1 alpha-2): the tagger's reading of a bare "Department of
# State" or "Senate" when nothing in the story says otherwise.
NEWSROOM_HOME_COUNTRY = env("NEWSROOM_HOME_COUNTRY", default="US").upper()
# Where each process leaves the suggestion engine's index for the next (people/saved_index.py):
# a folder of the app's own, never one other users can write. Empty: every process builds it.
NEWSROOM_ENGINE_DIR = env("NEWSROOM_ENGINE_DIR", default=str(BASE_DIR / "var" / "engine"))
# Processes that scan releases while import_stories saves them (stories/importers/scanning.py);
# unset: one per CPU, at most four; 1: the command scans them itself.
NEWSROOM_IMPORT_WORKERS = env.int("NEWSROOM_IMPORT_WORKERS", default=None)
# Public pages are cached this long at most (less when a scheduled story goes live sooner).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
STORIES_PER_PAGE = env.int("STORIES_PER_PAGE", default=20)

# --- HTTPS and the TLS proxy in front (issue 13) ----------------------------------------------
# Production is reached over HTTPS, usually through a proxy or load balancer that ends TLS and
# tells Django with a header: SECURE_PROXY_SSL_HEADER names it (default X-Forwarded-Proto, whose
# value must be "https"); set it empty when no proxy sets that header, or a client could claim
# HTTPS itself. HTTPS=false makes a plain-HTTP test deployment (no redirect, no secure-only
# cookies, no HSTS); `make serve` sets it when SITE_URL is an http:// address.
if not DEBUG:
    HTTPS = env.bool("HTTPS", default=True)
    if proxy_header := env("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_header.upper().replace("-", "_"), "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
    SESSION_COOKIE_SECURE = HTTPS
    CSRF_COOKIE_SECURE = HTTPS
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365 if HTTPS else 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# --- end of HTTPS ----------------------------------------------------------------------------

# --- Login throttling (issue 12): django-axes -------------------------------------------------
# Ten wrong passwords for one account from one address lock that pair out for
# LOGIN_COOLOFF_MINUTES; the login page then says to wait (newsroom/login_throttling.py).
# The address is REMOTE_ADDR: a client-sent X-Forwarded-For would let an attacker pick a new one
# for every guess. Behind a proxy that sets it, AXES_IPWARE_PROXY_COUNT=1 and
# AXES_IPWARE_META_PRECEDENCE_ORDER=HTTP_X_FORWARDED_FOR,REMOTE_ADDR say so.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as django-axes asks
AUTHENTICATION_BACKENDS = [
    "newsroom.login_throttling.LoginThrottlingBackend",  # first: refuses a locked-out sign-in
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.login_throttling.locked_out"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)
# --- end of login throttling -------------------------------------------------------------------

# --- Content-Security-Policy and Permissions-Policy (issue 12) -------------------------------
# See newsroom/content_security.py. django-csp's middleware runs twice: inside the page cache, so
# a cached page keeps the header that goes with it (its JSON-LD hashes), and outermost, so every
# other response (static files, the 503 of a database outage, redirects) gets the policy too; the
# outer one leaves a header already there alone.
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(1, "csp.middleware.CSPMiddleware")  # just after SecurityMiddleware
MIDDLEWARE.insert(2, "newsroom.content_security.PermissionsPolicyMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("newsroom.middleware.PublicPageCacheMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
_IMAGE_ORIGIN = re.match(r"https?://[^/{]+", IMAGE_URL_TEMPLATE)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [
            csp.SELF,
            *content_security.template_style_hashes(),
            *stylesheets.stylesheet_hashes(),
        ],
        "img-src": [csp.SELF, "data:", *([_IMAGE_ORIGIN[0]] if _IMAGE_ORIGIN else [])],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.SELF],  # the admin's related-object popups open in windows
    }
}
# --- end of Content-Security-Policy ------------------------------------------------------------

# Background work (ingest polling, fetching) runs on the Django Tasks API; the database backend
# needs nothing more than the database. Start a worker with `manage.py worker`.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Ingest: who we say we are to the sites we read, and how long we wait for them.
INGEST_USER_AGENT = env(
    "INGEST_USER_AGENT", default=f"{SITE_NAME}-ingest/1.0 (+{SITE_URL}/; press releases)"
)
INGEST_TIMEOUT_SECONDS = env.float("INGEST_TIMEOUT_SECONDS", default=20)
# How often a worker looks for sources whose polling interval has passed.
INGEST_POLL_SECONDS = env.int("INGEST_POLL_SECONDS", default=60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
