"""load_registry [FILE…] — load the starter registry, or registry files (JSON or CSV)."""

from django.core.management.base import BaseCommand, CommandError

from people.registry import RegistryError, load_registry, read_registry_file, starter_registry


class Command(BaseCommand):
    help = (
        "Merge registry files (JSON or CSV) into the registry; with no FILE, the starter "
        "registry (U.S. federal agencies, countries, multilateral bodies). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="FILE")

    def handle(self, *args, files, **options):
        try:
            sources = [(f, read_registry_file(f)) for f in files] or [
                ("starter", starter_registry())
            ]
            for name, data in sources:
                report = load_registry(data, source=name)
                self.stdout.write(self.style.SUCCESS(f"{name}: {report}."))
        except RegistryError as error:
            raise CommandError(f"Refused, nothing changed: {error}") from error
