"""The progress widget, the results block and the history chart: one component each,
used by laureate pages, cards, StreamField blocks and the call page alike."""

import uuid
from decimal import Decimal

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from campaigns.models import CallPage, LaureatePage, ProgrammeResults
from campaigns.sharing.embed import campaign_embed_code, oembed_discovery_url, results_embed_code
from funding.models import AmountKind, CampaignStatus, FiguresSource
from home.formatting import format_count, format_money, format_percentage
from home.layout import public_q
from home.models import active_locale_id
from home.typography import long_date

register = template.Library()


@register.filter
def money(amount, currency="EUR"):
    return format_money(amount, currency or "EUR")


@register.filter
def percentage(value):
    return format_percentage(value)


@register.filter
def count(value):
    return format_count(value)


def progress_context(campaign, laureate=None, heading_level=3, show_title=False, now=None):
    now = now or timezone.now()
    status = campaign.status(now)
    kind = campaign.amount_kind(now)
    raised = format_money(campaign.raised, campaign.currency)
    goal = format_money(campaign.goal, campaign.currency)
    percent = format_percentage(campaign.percent)
    freshness = campaign.freshness(now)
    return {
        "uid": f"collecte-{campaign.pk}-{uuid.uuid4().hex[:6]}",
        "campaign": campaign,
        "laureate": laureate,
        "heading_level": heading_level,
        "show_title": show_title,
        "status": status,
        "status_label": CampaignStatus(status).label,
        "is_live": status == CampaignStatus.LIVE,
        "is_upcoming": status == CampaignStatus.UPCOMING,
        "has_ended": status in (CampaignStatus.SUCCEEDED, CampaignStatus.NOT_REACHED),
        "amount_kind": str(kind),
        "all_or_nothing": campaign.is_all_or_nothing,
        "raised": raised,
        # "0 €" is shown only for a refunded campaign: formatted for it alone.
        "nothing": format_money(0, campaign.currency) if kind == AmountKind.REFUNDED else "",
        "goal": goal,
        "percent": percent,
        "bar_percent": campaign.bar_percent,
        "donors": format_count(campaign.donors),
        "donors_count": campaign.donors,
        "days_left": campaign.days_left(now),
        "valuetext": VALUE_TEXTS[kind] % {"percent": percent, "raised": raised, "goal": goal},
        "platform": campaign.get_platform_display(),
        "freshness": freshness,
        "checked_label": checked_label(campaign, freshness),
        "is_stale": freshness.is_stale,
    }


VALUE_TEXTS = {
    AmountKind.COLLECTED: gettext_lazy("%(percent)s de l'objectif : %(raised)s collectés sur %(goal)s"),
    AmountKind.PLEDGED: gettext_lazy("%(percent)s de l'objectif : %(raised)s promis sur %(goal)s"),
    AmountKind.REFUNDED: gettext_lazy("%(percent)s de l'objectif : %(raised)s promis puis remboursés sur %(goal)s"),
}
CHECKED_LABELS = {
    FiguresSource.MANUAL: gettext_lazy("Chiffres saisis le %(date)s à %(time)s"),
    FiguresSource.CSV: gettext_lazy("Chiffres importés le %(date)s à %(time)s"),
    FiguresSource.API: gettext_lazy("Chiffres relevés sur la plateforme le %(date)s à %(time)s"),
    FiguresSource.WEBHOOK: gettext_lazy("Chiffres relevés sur la plateforme le %(date)s à %(time)s"),
}


def checked_label(campaign, freshness):
    """ "Mis à jour le …": the last successful check for a synced campaign; otherwise when the
    figures were entered or imported, said as such (no platform is claimed)."""
    synced = freshness.synced and freshness.checked_at is not None
    moment = freshness.checked_at if synced else campaign.updated_at
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    values = {"date": long_date(local), "time": formats.time_format(local, "H:i")}
    if synced:
        return _("Mis à jour le %(date)s à %(time)s") % values
    return CHECKED_LABELS.get(campaign.source, CHECKED_LABELS[FiguresSource.MANUAL]) % values


@register.inclusion_tag("campaigns/includes/progress.html")
def campaign_progress(campaign, laureate=None, heading_level=3, show_title=False, new_window=False):
    if campaign is None:
        return {"campaign": None}
    return {**progress_context(campaign, laureate, heading_level, show_title), "new_window": new_window}


OUTCOMES = {
    "funded": gettext_lazy("financé"),
    "refunded": gettext_lazy("non financé, contributeurs remboursés"),
    "kept": gettext_lazy("objectif non atteint, dons acquis au projet"),
    "cancelled": gettext_lazy("annulé, contributeurs remboursés"),
}


def campaign_outcome(campaign, now=None):
    """How an ended (or cancelled) campaign turned out, as (key, label); None while it runs."""
    status = campaign.status(now)
    if status == CampaignStatus.SUCCEEDED:
        key = "funded"
    elif status == CampaignStatus.NOT_REACHED:
        key = "refunded" if campaign.amount_kind(now) == AmountKind.REFUNDED else "kept"
    elif status == CampaignStatus.CANCELLED:
        key = "cancelled"
    else:
        return None
    return key, OUTCOMES[key]


@register.inclusion_tag("campaigns/includes/progress_compact.html")
def campaign_summary(campaign, laureate=None):
    """The compact form of the widget for cards: amount, thin bar, percentage, days left or
    outcome, and one button. No history, no notes: the laureate page has the full widget."""
    if campaign is None:
        return {"campaign": None}
    now = timezone.now()
    context = progress_context(campaign, laureate, now=now)
    outcome = campaign_outcome(campaign, now)
    context["outcome_key"], context["outcome_label"] = outcome or ("", "")
    return context


@register.inclusion_tag("campaigns/includes/fund_uses.html")
def fund_uses(laureate, uses=None, heading_level=2):
    """ "À quoi serviront les dons": the laureate's spending lines with their amounts."""
    laureate = getattr(laureate, "specific", laureate)
    uses = list(laureate.fund_uses.all()) if uses is None else uses
    campaign = getattr(laureate, "campaign", None)
    currency = campaign.currency if campaign else "EUR"
    return {
        "uses": [(use.label, format_money(use.amount, currency)) for use in uses],
        "total": format_money(sum((use.amount for use in uses), Decimal("0")), currency),
        "heading_level": heading_level,
        "uid": uuid.uuid4().hex[:6],
    }


@register.inclusion_tag("campaigns/includes/progress.html")
def laureate_progress(laureate, heading_level=3, show_title=False):
    laureate = getattr(laureate, "specific", laureate)
    campaign = getattr(laureate, "campaign", None)
    if campaign is None:
        return {"campaign": None, "laureate": laureate}
    return progress_context(campaign, laureate, heading_level, show_title)


@register.inclusion_tag("campaigns/includes/results.html")
def programme_results(call, heading_level=2, results=None, anchor_id="", embedded=False):
    call = getattr(call, "specific", call)
    results = results or ProgrammeResults.for_call(call)
    return {
        "call": call,
        "embedded": embedded,
        "licence": settings.OPEN_DATA_LICENCE,
        "results": results,
        "funded_label": funded_label(results),
        "donors_label": donors_label(results),
        "key_figures": list(call.key_figures.all()),
        "heading_level": heading_level,
        "anchor_id": anchor_id,
        "uid": uuid.uuid4().hex[:6],
    }


def funded_label(results):
    """ "collecte réussie sur 1 terminée (100 %)", "collectes réussies sur 10 terminées (90 %)":
    two counts, each with its own plural."""
    return _("%(successful)s sur %(ended)s (%(rate)s)") % {
        "successful": ngettext("collecte réussie", "collectes réussies", results.funded),
        "ended": ngettext("%(count)s terminée", "%(count)s terminées", results.ended)
        % {"count": format_count(results.ended)},
        "rate": format_percentage(results.success_rate),
    }


def donors_label(results):
    """ "contributeur à la collecte réussie", "contributeurs aux collectes réussies"."""
    if results.funded == 1:
        return ngettext(
            "contributeur à la collecte réussie", "contributeurs à la collecte réussie", results.collected_donors
        )
    return ngettext(
        "contributeur aux collectes réussies", "contributeurs aux collectes réussies", results.collected_donors
    )


CHART_WIDTH, CHART_HEIGHT = 600, 240
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 16, 16, 24, 28


@register.inclusion_tag("campaigns/includes/chart.html")
def funding_chart(campaign, snapshots, heading_level=2):
    """How the collection grew: an SVG line drawn on the server, with the same data as a table."""
    points = [snapshot for snapshot in snapshots if snapshot.recorded_at >= campaign.starts_at] or list(snapshots)
    if not points:
        return {"points": []}
    start = campaign.starts_at
    end = max(campaign.ends_at, points[-1].recorded_at)
    span = (end - start).total_seconds() or 1
    top_value = max([campaign.goal, *(snapshot.raised for snapshot in points)]) * Decimal("1.1")
    plot_width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM

    # Coordinates go out as strings: the template's number localisation would write "72,1".
    def x(moment):
        return f"{CHART_LEFT + plot_width * max((moment - start).total_seconds(), 0) / span:.1f}"

    def y(value):
        return f"{CHART_TOP + plot_height * (1 - float(value / top_value)):.1f}"

    coordinates = [(x(start), y(0))] + [(x(s.recorded_at), y(s.raised)) for s in points]
    first, last = points[0], points[-1]
    return {
        "points": points,
        "campaign": campaign,
        "heading_level": heading_level,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "polyline": " ".join(f"{px},{py}" for px, py in coordinates),
        "last_x": coordinates[-1][0],
        "last_y": coordinates[-1][1],
        "goal_y": y(campaign.goal),
        "axis_y": CHART_HEIGHT - CHART_BOTTOM,
        "left": CHART_LEFT,
        "right": CHART_WIDTH - CHART_RIGHT,
        "goal_label": format_money(campaign.goal, campaign.currency),
        "start_label": long_date(start),
        "end_label": long_date(end),
        "summary": _("De %(first)s le %(first_date)s à %(last)s le %(last_date)s, pour un objectif de %(goal)s.")
        % {
            "first": format_money(first.raised, campaign.currency),
            "first_date": long_date(first.recorded_at),
            "last": format_money(last.raised, campaign.currency),
            "last_date": long_date(last.recorded_at),
            "goal": format_money(campaign.goal, campaign.currency),
        },
        "uid": uuid.uuid4().hex[:6],
    }


@register.inclusion_tag("campaigns/includes/embed_code.html", takes_context=True)
def embed_code_box(context, page):
    """ "Intégrer ce widget": the code another site pastes to show this laureate's progress or this
    call's results."""
    request = context["request"]
    if isinstance(page, LaureatePage):
        if not page.campaign_id:
            return {"code": ""}
        code, heading = campaign_embed_code(request, page), _("Intégrer ce widget")
    else:
        code, heading = results_embed_code(request, page), _("Intégrer les résultats sur votre site")
    return {"code": code, "heading": heading, "uid": uuid.uuid4().hex[:6]}


@register.inclusion_tag("campaigns/includes/current_call.html", takes_context=True)
def current_call(context, heading_level=2):
    """The call that is running today in the active language (else the latest), with its phase."""
    today = timezone.localdate()
    calls = list(
        CallPage.objects.live()
        .filter(public_q())
        .filter(locale_id=active_locale_id())
        .prefetch_related("phases")
        .order_by("-edition_year", "-pk")
    )
    running = [call for call in calls if call.current_phase(today)]
    call = running[0] if running else (calls[0] if calls else None)
    return {
        "call": call,
        "phase": call.current_phase(today) if call else None,
        "opens_on": call.opens_on() if call and call.is_upcoming(today) else None,
        "call_to_action": call.call_to_action(today) if call else None,
        "heading_level": heading_level,
        "request": context.get("request"),
    }


@register.inclusion_tag("campaigns/includes/live_laureates.html", takes_context=True)
def live_laureates(context, limit=6, heading_level=2):
    """Laureates whose collection is live now, as compact cards. Those whose full widget the
    page's own body already shows (a "Progression d'une collecte" block) are left out: no
    campaign appears twice on one page."""
    now = timezone.now()
    shown = _laureates_in_body(context.get("page"))
    laureates = (
        LaureatePage.objects.live()
        .filter(public_q())
        .exclude(translation_key__in=shown)
        .filter(
            locale_id=active_locale_id(),
            campaign__starts_at__lte=now,
            campaign__ends_at__gt=now,
            campaign__cancelled=False,
        )
        .select_related("campaign", "hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("campaign__ends_at", "title")[:limit]
    )
    return {"laureates": list(laureates), "heading_level": heading_level, "request": context.get("request")}


def _laureates_in_body(page):
    """Translation keys of the laureates that ``page``'s body shows in a progress block."""
    body = getattr(page, "body", None)
    if not body:
        return []
    keys = []
    for block in body:
        if block.block_type == "funding_progress" and block.value.get("laureate") is not None:
            keys.append(block.value["laureate"].translation_key)
    return keys


@register.simple_tag(takes_context=True)
def oembed_link(context, page):
    """The oEmbed discovery link of a laureate page with a campaign (for the <head>)."""
    if not getattr(page, "campaign_id", None):
        return ""
    return format_html(
        '<link rel="alternate" type="application/json+oembed" href="{}" title="{}">',
        oembed_discovery_url(context["request"], page),
        page.title,
    )
