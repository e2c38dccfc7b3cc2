"""Login throttling with django-axes: the backend that refuses a locked-out sign-in, and the
page it gets (`locked_out`): what happened and how long to wait, with 429 Too Many Requests."""

from math import ceil

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class LoginThrottlingBackend(AxesStandaloneBackend):
    """django-axes' check before the password is; a sign-in without a request (a command or a
    test checking a password with `authenticate()`) is not a web login and is not throttled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in paused",
        "username": username,
        "minutes": ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)
