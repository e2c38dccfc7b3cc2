"""Two editors saving the same story at the same moment: on SQLite as on PostgreSQL the second
save gets the edit-conflict message (and keeps what they typed), never a 500 "database is
locked"."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from stories.admin import StoryAdmin
from stories.models import Story
from tests.admin_forms import form_data
from tests.factories import StoryFactory, StoryOrganizationFactory
from tests.test_workflow import _inline_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_simultaneous_admin_saves_give_one_save_and_one_conflict_message(
    django_user_model, monkeypatch
):
    story = StoryFactory(headline="Shared headline", body="Shared body.")
    StoryOrganizationFactory(story=story)
    url = reverse("admin:stories_story_change", args=[story.pk])
    clients, posts = [], []
    for n in range(2):
        user = django_user_model.objects.create_user(
            f"editor{n}", password="pw", is_staff=True, is_superuser=True
        )
        client = Client()
        client.force_login(user)
        opened = client.get(url)  # both open the story at version 1
        data = form_data(opened.context["adminform"].form)
        data.update(tags="", **_inline_data(opened))
        clients.append(client)
        posts.append({**data, "headline": f"Headline typed by editor {n}"})

    real_save_model = StoryAdmin.save_model

    def slow_save_model(self, request, obj, form, change):
        real_save_model(self, request, obj, form, change)
        time.sleep(0.5)  # hold the write open: the other save arrives meanwhile

    monkeypatch.setattr(StoryAdmin, "save_model", slow_save_model)
    start = threading.Barrier(2, timeout=10)
    responses: dict[int, object] = {}

    def save(n):
        try:
            start.wait()
            responses[n] = clients[n].post(url, posts[n])
        except Exception as exc:  # noqa: BLE001 — a 500 raised by the test client, checked below
            responses[n] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    codes = sorted(getattr(r, "status_code", repr(r)) for r in responses.values())
    assert codes == [200, 302]
    [loser] = [r for r in responses.values() if r.status_code == 200]
    [winner] = [n for n, r in responses.items() if r.status_code == 302]
    html = loser.content.decode()
    assert "Someone else saved this story while you were editing it" in html
    assert f'value="Headline typed by editor {1 - winner}"' in html  # their text is still there
    story.refresh_from_db()
    assert story.headline == f"Headline typed by editor {winner}"
    assert story.version == 2
    assert Story.objects.count() == 1
