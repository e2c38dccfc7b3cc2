"""Login throttling (django-axes): after 10 wrong passwords the right one is refused for a
while, with a page saying to wait; after the cool-off it works again."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


@pytest.fixture
def editor_account(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="the-right-password", is_staff=True, is_superuser=True
    )


def sign_in(client, password: str):
    return client.post(LOGIN, {"username": "editor", "password": password, "next": "/admin/"})


def test_ten_wrong_passwords_lock_the_account_then_it_recovers(client, editor_account, settings):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(10):
            response = sign_in(client, "wrong")
            assert response.status_code in (200, 429)
        locked = sign_in(client, "the-right-password")
        assert locked.status_code == 429
        page = locked.content.decode()
        assert "Too many failed sign-in attempts" in page
        assert "please wait 15 minutes, then try again" in page
        assert "_auth_user_id" not in client.session
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        # Still paused; and a try during the pause starts the wait again.
        assert sign_in(client, "the-right-password").status_code == 429
    with time_machine.travel(start + timedelta(minutes=14 + 16), tick=False):
        response = sign_in(client, "the-right-password")
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert client.session["_auth_user_id"] == str(editor_account.pk)


def test_a_few_mistakes_do_not_lock_anyone_out(client, editor_account):
    for _ in range(3):
        assert sign_in(client, "typo").status_code == 200
    assert sign_in(client, "the-right-password").status_code == 302


def test_another_address_is_not_locked_out_by_an_attack_from_one(client, editor_account):
    for _ in range(10):
        client.post(LOGIN, {"username": "editor", "password": "x"}, REMOTE_ADDR="203.0.113.9")
    response = client.post(
        LOGIN, {"username": "editor", "password": "the-right-password"}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 302
