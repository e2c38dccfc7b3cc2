"""Gunicorn settings for serving Newsroom in production (`make serve`, the Docker image).

Every value can be changed from the environment: GUNICORN_BIND (default 127.0.0.1:8000),
WEB_CONCURRENCY (worker processes; default two per CPU plus one), GUNICORN_TIMEOUT (seconds a
request may take before its worker is restarted; default 30). Each request is logged on
standard output as one JSON line with its duration in milliseconds.
"""

import json
import multiprocessing
import os
from datetime import UTC, datetime

from gunicorn.glogging import Logger

wsgi_app = "newsroom.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"  # pages are short and CPU-bound; a proxy in front buffers slow clients
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30  # a restart lets requests in flight finish
keepalive = 5  # seconds an idle connection from the proxy is kept open
max_requests = 5000  # a worker is replaced now and then, so a slow leak never grows
max_requests_jitter = 500
limit_request_line = 8190
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # heartbeat off the disk
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
control_socket_disable = True  # several servers may run on one machine (bench, tests)
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


class JsonAccessLogger(Logger):
    """One JSON object per request on the access log: what was asked, the answer, how long."""

    def access(self, resp, req, environ, request_time) -> None:
        if not self.access_log_enabled:
            return
        headers = resp.headers.items() if hasattr(resp.headers, "items") else resp.headers
        status = resp.status
        line = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "remote_addr": environ.get("REMOTE_ADDR", ""),
            "method": environ.get("REQUEST_METHOD", ""),
            "path": environ.get("PATH_INFO", ""),
            "query": environ.get("QUERY_STRING", ""),
            "status": int(status.split(None, 1)[0]) if isinstance(status, str) else status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "cache": next((v for k, v in headers if k.lower() == "x-cache"), ""),
            "referer": environ.get("HTTP_REFERER", ""),
            "user_agent": environ.get("HTTP_USER_AGENT", ""),
            "pid": os.getpid(),
        }
        try:
            self.access_log.info(json.dumps(line, ensure_ascii=False))
        except Exception:  # noqa: BLE001 - a log line must never fail a request
            self.exception("Failed to write the access log line")


logger_class = JsonAccessLogger
