"""The suggestion engine's index saved for the next process: read when it is the registry's,
never when anything it is made from changed, and never a reason for a suggestion to fail."""

import uuid

import pytest

from people import saved_index, suggestions
from people.models import OrganizationAlias, RegistryStamp
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine_dir(settings, tmp_path, monkeypatch):
    settings.NEWSROOM_ENGINE_DIR = str(tmp_path / "engine")
    monkeypatch.setattr(saved_index, "WORTH_SAVING_SECONDS", 0)  # these registries are small
    return tmp_path / "engine"


def new_process(monkeypatch):
    """What a new server worker or command starts with: no index in memory."""
    monkeypatch.setattr(suggestions, "_built", {"version": None, "index": None})


def names(text: str) -> list[str]:
    return [s.entry.name for s in suggestions.suggest(text).organizations]


def building_fails(monkeypatch):
    def no_build():
        raise AssertionError("the index was built, not read")

    monkeypatch.setattr(suggestions, "build_index", no_build)


def test_a_new_process_reads_the_index_the_first_one_built(engine_dir, monkeypatch):
    org = OrganizationFactory(name="Bureau of Widget Safety")
    OrganizationAlias.objects.create(organization=org, name="BWS")
    assert names("The BWS said") == ["Bureau of Widget Safety"]
    assert len(list(engine_dir.glob("index-*.pickle"))) == 1
    new_process(monkeypatch)
    building_fails(monkeypatch)
    assert names("The BWS said") == ["Bureau of Widget Safety"]


def test_a_registry_change_is_never_read_from_an_old_file(engine_dir, monkeypatch):
    org = OrganizationFactory(name="Bureau of Widget Safety")
    assert names("The BWS said") == []
    OrganizationAlias.objects.create(organization=org, name="BWS")
    new_process(monkeypatch)
    assert names("The BWS said") == ["Bureau of Widget Safety"]
    # Another process moved the stamp: this one builds, whatever files there are.
    RegistryStamp.objects.filter(pk=1).update(version=uuid.uuid4())
    OrganizationAlias.objects.filter(name="BWS").delete()
    RegistryStamp.objects.filter(pk=1).update(version=uuid.uuid4())
    new_process(monkeypatch)
    assert names("The BWS said") == []


def test_new_engine_code_or_another_home_country_builds_anew(engine_dir, monkeypatch, settings):
    OrganizationFactory(name="Bureau of Widget Safety")
    names("the Bureau of Widget Safety")
    for change in ("code", "country"):
        new_process(monkeypatch)
        if change == "code":
            monkeypatch.setattr(saved_index, "engine_fingerprint", lambda: "new-rules")
        else:
            settings.NEWSROOM_HOME_COUNTRY = "GB"
        before = set(engine_dir.glob("index-*.pickle"))
        assert names("the Bureau of Widget Safety") == ["Bureau of Widget Safety"]
        assert len(set(engine_dir.glob("index-*.pickle")) - before) == 1  # built and saved


def test_a_damaged_file_is_logged_and_the_index_built(engine_dir, monkeypatch, caplog):
    OrganizationFactory(name="Bureau of Widget Safety")
    names("the Bureau of Widget Safety")
    [saved] = engine_dir.glob("index-*.pickle")
    saved.write_bytes(saved.read_bytes()[:100])  # a disk that filled up mid-write elsewhere
    new_process(monkeypatch)
    assert names("the Bureau of Widget Safety") == ["Bureau of Widget Safety"]
    assert "not read" in caplog.text


def test_a_folder_that_cannot_be_written_costs_only_the_build(settings, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings.NEWSROOM_ENGINE_DIR = str(blocker / "engine")  # a folder inside a file: never made
    monkeypatch.setattr(saved_index, "WORTH_SAVING_SECONDS", 0)
    OrganizationFactory(name="Bureau of Widget Safety")
    assert names("the Bureau of Widget Safety") == ["Bureau of Widget Safety"]


def test_only_the_latest_files_are_kept(engine_dir, monkeypatch):
    org = OrganizationFactory(name="Bureau of Widget Safety")
    for number in range(saved_index.KEEP + 3):
        OrganizationAlias.objects.create(organization=org, name=f"BWS{number}")
        assert names(f"The BWS{number} said") == ["Bureau of Widget Safety"]
    assert len(list(engine_dir.glob("index-*.pickle"))) == saved_index.KEEP
    assert not list(engine_dir.glob(".index-*"))  # no half-written file left behind
