"""export_registry [--format json|csv] [--output FILE] — the registry as data."""

import csv
import json

from django.core.management.base import BaseCommand

from people.registry import export_registry, registry_csv_rows


class Command(BaseCommand):
    help = "Write the registry in the format load_registry reads (JSON; CSV: organizations only)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", metavar="FILE", help="Default: standard output.")

    def handle(self, *args, format, output, **options):
        data = export_registry()
        stream = open(output, "w", encoding="utf-8", newline="") if output else None
        target = stream or self.stdout
        try:
            if format == "json":
                target.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
            else:
                writer = csv.writer(stream or _Lines(self.stdout))
                writer.writerows(registry_csv_rows(data))
        finally:
            if stream:
                stream.close()
        if output:
            self.stderr.write(
                f"Wrote {len(data['organizations'])} organizations and "
                f"{len(data['people'])} people to {output}."
            )


class _Lines:
    """csv.writer target that writes through a command's OutputWrapper."""

    def __init__(self, out):
        self.out = out

    def write(self, text: str) -> None:
        self.out.write(text, ending="")
