"""Static files in production: whitenoise's compressed, hashed names from the manifest that
`collectstatic` writes — and pages that still answer when it has not run yet.

Django's manifest storage raises (a 500 on every page) for a file the manifest does not know.
Here a missing entry falls back to the file's plain name, and the log says what to run, once.
"""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False
    _warned = False

    def hashed_name(self, name, content=None, filename=None):
        if content is not None:  # collectstatic: a file that is missing then is an error
            return super().hashed_name(name, content, filename)
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:
            if not StaticFilesStorage._warned:
                StaticFilesStorage._warned = True
                logger.warning(
                    "Static file %r is not collected: run `manage.py collectstatic` (pages link "
                    "to plain, uncached names until then).", name,
                )  # fmt: skip
            return name
