"""The funding models moved apps without moving their rows: a database made before the move keeps
its campaigns, their history, webhook deliveries, share images and the officers' permissions."""

from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from tests.helpers import migrate_to, migrate_to_latest

BEFORE_THE_MOVE = [("campaigns", "0005_laureateshareimage"), ("funding", None), ("sharing", None)]


@pytest.mark.django_db(transaction=True)
def test_moving_the_funding_models_keeps_every_row_and_permission():
    old = migrate_to(BEFORE_THE_MOVE)
    Campaign = old.get_model("campaigns", "FundingCampaign")
    Snapshot = old.get_model("campaigns", "FundingSnapshot")
    Delivery = old.get_model("campaigns", "WebhookDelivery")
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    OldGroup = old.get_model("auth", "Group")
    now = timezone.now()
    kkbb = Campaign.objects.create(
        name="Palettes (2018)",
        platform="kisskissbankbank",
        goal=Decimal("5000"),
        raised=Decimal("6110.50"),
        donors=95,
        starts_at=now - timezone.timedelta(days=60),
        ends_at=now - timezone.timedelta(days=18),
        updated_at=now,
    )
    helloasso = Campaign.objects.create(
        name="Dons", platform="helloasso", goal=Decimal("100"), starts_at=now, ends_at=now + timezone.timedelta(days=1)
    )
    Snapshot.objects.create(campaign=kkbb, recorded_at=now, raised=Decimal("6110.50"), donors=95, source="csv")
    Delivery.objects.create(provider="ulule", webhook_id="msg_1", campaign=kkbb)
    content_type, _created = ContentType.objects.get_or_create(app_label="campaigns", model="fundingcampaign")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="change_fundingcampaign", defaults={"name": "Can change"}
    )
    OldGroup.objects.create(name="Officiers").permissions.add(permission)

    migrate_to_latest()

    from funding.models import FundingCampaign, FundingSnapshot, WebhookDelivery

    moved = FundingCampaign.objects.get(pk=kkbb.pk)
    assert (moved.name, moved.raised, moved.donors) == ("Palettes (2018)", Decimal("6110.50"), 95)
    assert moved.funding_model == "all_or_nothing"
    assert FundingCampaign.objects.get(pk=helloasso.pk).funding_model == "keep_what_you_raise"
    assert FundingSnapshot.objects.get(campaign=moved).source == "csv"
    assert WebhookDelivery.objects.get(webhook_id="msg_1").campaign_id == moved.pk
    assert moved.status() == "succeeded" and moved.collected() == Decimal("6110.50")
    # The officers' permission followed the model: same row, now under the funding app.
    group = Group.objects.get(name="Officiers")
    assert group.permissions.filter(content_type__app_label="funding", codename="change_fundingcampaign").exists()
    assert not group.permissions.filter(content_type__app_label="campaigns").exists()
