"""Read replicas: anonymous public page reads go to a replica, everything else to the primary.

`ReplicaMiddleware` marks a request whose reads may go to a replica: a GET or HEAD for a reader
page from someone not signed in. Admin pages,
previews, exports, signed-in users, commands and the shell read from "default". Once a request
writes, its later reads go to "default" too, so it sees its own write whatever the replicas'
lag. The replicas are the aliases in settings.DATABASE_REPLICAS (from DATABASE_REPLICA_URLS).
"""

import random
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from newsroom.middleware import UNCACHED_PREFIXES

# True while serving a request whose reads may go to a replica (until it writes).
_replica_reads = ContextVar("replica_reads", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if _replica_reads.get() and settings.DATABASE_REPLICAS:
            return random.choice(settings.DATABASE_REPLICAS)
        return "default"

    def db_for_write(self, model, **hints) -> str:
        _replica_reads.set(False)  # this request reads its own writes from now on
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _replica_reads.set(self.reads_from_replica(request))
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)

    @staticmethod
    def reads_from_replica(request: HttpRequest) -> bool:
        """A reader page (as the page cache sees it: UNCACHED_PREFIXES) for someone not
        signed in, asked with GET or HEAD, whatever its query parameters."""
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(UNCACHED_PREFIXES)
            and not request.COOKIES.get("sessionid")
        )
