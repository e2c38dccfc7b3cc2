# The Newsroom app server: gunicorn with gunicorn.conf.py, DEBUG off, static files collected at
# build time and served by WhiteNoise. Configure it with environment variables (README,
# docs/deployment.md); compose.yaml runs it with PostgreSQL and Redis.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=newsroom.settings \
    GUNICORN_BIND=0.0.0.0:8000 \
    MEDIA_ROOT=/data/media \
    NEWSROOM_ENGINE_DIR=/data/engine

WORKDIR /app

# psycopg[binary] and Pillow ship wheels: no compiler needed. postgresql-client for pg_dump.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .
# Hashed, compressed static files; the key only lets settings load, it signs nothing.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v0

RUN useradd --system --uid 10001 --home-dir /app newsroom \
    && mkdir -p /data/media /data/engine \
    && chown -R newsroom /data
USER newsroom
VOLUME ["/data/media"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"

CMD ["gunicorn", "--config", "gunicorn.conf.py"]
