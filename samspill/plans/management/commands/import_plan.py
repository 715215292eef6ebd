"""Import a plan from a Word document or a text file, for an office that moves many plans.

    manage.py import_plan polyfon handlingsplan.txt --dry-run
    manage.py import_plan polyfon handlingsplan.txt --plan handlingsplan-2025-2030 --year 2026 \
        --repair

Text from scanned documents gets letter repairs proposed ("gst" → "Øst"); they are printed,
and applied only with --repair. With --dry-run nothing is saved.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from samspill.clusters.models import Cluster
from samspill.plans import services
from samspill.plans.imports import apply_repairs, parse_plan_docx, parse_plan_text, propose_repairs
from samspill.plans.models import ActionPlan


class Command(BaseCommand):
    help = "Import an action plan (DOCX or text) into a cluster as a draft version."

    def add_arguments(self, parser):
        parser.add_argument("cluster", help="The cluster's address, e.g. polyfon.")
        parser.add_argument("file", help="A .docx file, or text (UTF-8).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what is found; save nothing."
        )
        parser.add_argument("--plan", help="The address of the action plan the version belongs to.")
        parser.add_argument("--year", type=int, help="The year of the version.")
        parser.add_argument(
            "--repair", action="store_true", help="Apply the proposed letter repairs."
        )

    def handle(self, *args, cluster, file, dry_run, plan, year, repair, **options):
        try:
            found = Cluster.objects.get(slug=cluster)
        except Cluster.DoesNotExist:
            raise CommandError(f"No cluster has the address {cluster!r}.") from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file} is not a file.")
        if path.suffix.lower() == ".docx":
            parsed = parse_plan_docx(path.read_bytes())
        else:
            text = path.read_bytes().decode("utf-8", errors="replace")
            repairs = propose_repairs(text)
            lines = text.splitlines()
            self.stdout.write(f"{len(repairs)} letter repairs proposed:")
            for r in repairs:
                context = lines[r.line].strip() if r.line < len(lines) else ""
                self.stdout.write(f"  line {r.line + 1}: {r.before} → {r.after}   «{context[:70]}»")
            parsed = parse_plan_text(apply_repairs(text, repairs) if repair else text)
        self._print(parsed)
        if dry_run:
            self.stdout.write("Dry run: nothing is saved.")
            return
        if not plan or not year:
            raise CommandError("Give --plan and --year to save (or --dry-run to look).")
        with scope(cluster=found):
            try:
                action_plan = ActionPlan.objects.get(slug=plan)
            except ActionPlan.DoesNotExist:
                raise CommandError(f"{found} has no plan with the address {plan!r}.") from None
            try:
                version = services.version_create_from_outline(
                    plan=action_plan, outline=parsed.outline, year=year, actor=None
                )
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Saved as a draft: {version}."))

    def _print(self, parsed) -> None:
        outline = parsed.outline
        self.stdout.write(f"{len(outline.chapters)} chapters found:")
        for chapter in outline.chapters:
            code = f"{chapter.goal_code}: " if chapter.goal_code else ""
            self.stdout.write(f"{chapter.numeral}) {code}{chapter.title}")
            for measure in chapter.measures:
                start = measure.start_year or "–"
                self.stdout.write(f"    [{start}] ({measure.status}) {measure.text}")
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"Warning: {warning}"))
