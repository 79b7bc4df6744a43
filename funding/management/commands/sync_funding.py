from django.core.management.base import BaseCommand, CommandError

from funding.models import FundingCampaign
from funding.sync import sync_all, syncable_campaigns


class Command(BaseCommand):
    help = (
        "Fetch the figures of every live campaign from its platform (or --campaign ID). "
        "Run it from cron, e.g. every 30 minutes. Exits with status 1 when one campaign or more "
        "failed (their last good figures are kept), so that cron and systemd see it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campaign", type=int, action="append", help="only this campaign id (repeatable)")

    def handle(self, *args, campaign=None, **options):
        if campaign:
            campaigns = list(FundingCampaign.objects.filter(pk__in=campaign).order_by("pk"))
            missing = set(campaign) - {item.pk for item in campaigns}
            if missing:
                raise CommandError(f"Unknown campaign id(s): {', '.join(map(str, sorted(missing)))}")
        else:
            campaigns = list(syncable_campaigns())
        report = sync_all(campaigns)
        for item in report.failed:
            self.stderr.write(f"campaign {item.pk} ({item.name}): {item.last_sync_error}")
        self.stdout.write(
            f"synced {len(report.synced)}, failed {len(report.failed)}, skipped {len(report.skipped)} "
            f"in {report.seconds:.2f} s"
        )
        if report.failed:
            # Some or all: either way figures are getting stale and someone must look (exit 1).
            attempted = len(report.synced) + len(report.failed)
            ids = ", ".join(str(item.pk) for item in report.failed)
            raise CommandError(f"{len(report.failed)} of {attempted} campaign(s) failed to sync: {ids}", returncode=1)
