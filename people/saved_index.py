"""The suggestion engine's index kept on disk between processes.

Building the index reads the whole registry and fills the automata: about a second for a
registry of 20,000 organizations, paid by every new process (each server worker, each import)
the first time it suggests. Loading the same index from a file costs a third of that. A file is
named by everything the index is made from, so a stale one is never read:

- the registry's version stamp (a random token that moves with every change);
- the newsroom's home country;
- the engine's code and the library versions it pickles (a deployment with new rules builds
  anew).

The folder is the app's own (`NEWSROOM_ENGINE_DIR`): the files are pickles, trusted as the code
is; never point it at a folder other users can write. Anything that goes wrong here (no folder,
a full disk, a half-written or unreadable file) costs only the build: it is logged, never raised.
"""

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

KEEP = 3  # files kept: the current registry's and a few before it, for processes still on them
WORTH_SAVING_SECONDS = 0.2  # a small registry builds faster than a file is written and read


@cache
def engine_fingerprint() -> str:
    """A digest of the engine's code and of the libraries whose objects the index holds."""
    digest = hashlib.sha256(sys.version.encode())
    for package in ("pyahocorasick", "pycountry"):
        try:
            digest.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    matching = Path(__file__).resolve().parent / "matching"
    for source in sorted(matching.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _folder() -> Path | None:
    folder = getattr(settings, "NEWSROOM_ENGINE_DIR", "")
    return Path(folder) if folder else None


def _path(folder: Path, version: str) -> Path:
    country = settings.NEWSROOM_HOME_COUNTRY
    return folder / f"index-{engine_fingerprint()}-{country}-{version}.pickle"


def load(version: str):
    """The index saved for this registry version, or None."""
    if not version or (folder := _folder()) is None:
        return None
    path = _path(folder, version)
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception as error:  # noqa: BLE001 - a truncated or foreign file: build instead
        logger.warning("suggestion index %s not read (%s); building it", path.name, error)
        return None


def save(version: str, index, build_seconds: float) -> None:
    """Keep `index` for other processes, written whole or not at all; drop old files."""
    if not version or build_seconds < WORTH_SAVING_SECONDS or (folder := _folder()) is None:
        return
    path = _path(folder, version)
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".index-", delete=False) as file:
            temporary = file.name
            pickle.dump(index, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        _prune(folder)
    except Exception as error:  # noqa: BLE001 - a full disk, a lost folder: build next time
        logger.warning("suggestion index not saved in %s (%s)", folder, error)
    finally:
        if temporary:
            Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    def modified(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except FileNotFoundError:  # another process pruned it first
            return 0.0

    saved = sorted(folder.glob("index-*.pickle"), key=modified, reverse=True)
    for old in saved[KEEP:]:
        old.unlink(missing_ok=True)
