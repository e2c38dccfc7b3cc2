"""load_registry [FILE…] [--dry-run] — load the starter registry, or registry files (JSON, CSV)."""

from django.core.management.base import BaseCommand, CommandError

from people.registry import RegistryError, load_registry, read_registry_file, starter_registry


class Command(BaseCommand):
    help = (
        "Merge registry files (JSON or CSV) into the registry; with no FILE, the starter "
        "registry (U.S. federal agencies, countries, multilateral bodies). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="FILE")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )

    def handle(self, *args, files, dry_run, **options):
        try:
            sources = [(f, read_registry_file(f)) for f in files] or [
                ("starter", starter_registry())
            ]
            for name, data in sources:
                report = load_registry(data, source=name, dry_run=dry_run)
                self.stdout.write(self.style.SUCCESS(f"{name}: {report}."))
                for conflict in report.conflicts:
                    self.stdout.write(self.style.WARNING(f"  conflict, not written: {conflict}"))
            if dry_run:
                self.stdout.write("Dry run: nothing was written.")
        except RegistryError as error:
            raise CommandError(f"Refused, nothing changed: {error}") from error
