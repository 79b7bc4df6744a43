from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from campaigns.models import CallPage, LaureatePage
from funding.models import CampaignStatus, FundingCampaign
from home.layout import public_q
from home.models import active_locale_id
from home.page_cache import cacheable
from news.models import NewsPage
from partners.models import PartnerPage

from .engine import MAX_QUERY_LENGTH, clean_query, excerpt, find_page_ids, rank_by_title

RESULTS_PER_PAGE = 10
RESULT_TYPES = [
    ("actualites", NewsPage, gettext_lazy("Actualités")),
    ("laureats", LaureatePage, gettext_lazy("Lauréats")),
    ("partenaires", PartnerPage, gettext_lazy("Partenaires")),
    ("appels", CallPage, gettext_lazy("Appels à projets")),
]


def searchable_pages():
    """Live, public pages of the active language."""
    return Page.objects.live().filter(public_q()).filter(locale_id=active_locale_id(), depth__gt=1)


@require_GET
@cacheable
def search(request):
    query, truncated = clean_query(request.GET.get("q"))
    selected = request.GET.get("type", "")
    types = {key: (model, label) for key, model, label in RESULT_TYPES}
    if selected not in types:
        selected = ""
    context = {"query": query, "truncated": truncated, "selected_type": selected, "max_length": MAX_QUERY_LENGTH}
    if query:
        ids = find_page_ids(query, searchable_pages())
        rows = Page.objects.filter(pk__in=ids).values_list("pk", "content_type_id", "title")
        content_types = {pk: content_type for pk, content_type, _title in rows}
        ids = rank_by_title(ids, {pk: title for pk, _content_type, title in rows}, query)
        type_ids = {key: ContentType.objects.get_for_model(model).pk for key, (model, _label) in types.items()}
        counts = Counter(content_types.values())
        if selected:
            ids = [pk for pk in ids if content_types.get(pk) == type_ids[selected]]
        page_obj = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        pages = {page.pk: page for page in Page.objects.filter(pk__in=list(page_obj.object_list)).specific()}
        shown = [pages[pk] for pk in page_obj.object_list if pk in pages]
        calls, campaigns = laureate_context(shown)
        results = [
            {
                "page": page,
                "type": _type_label(page),
                "excerpt": excerpt(page, query),
                "call": calls.get(page.pk),
                "status": campaigns.get(page.pk),
            }
            for page in shown
        ]
        context.update(
            {
                "results": results,
                "page_obj": page_obj,
                "total": len(content_types),
                "type_filters": [
                    {"key": key, "label": label, "count": counts.get(type_ids[key], 0)}
                    for key, (_model, label) in types.items()
                ],
                "promotions": promotions(query) if page_obj.number == 1 else [],
            }
        )
    return TemplateResponse(request, "search/search.html", context)


# What a laureate's collection has come to, said as a visitor would say it.
CAMPAIGN_STATUS_LABELS = {
    CampaignStatus.UPCOMING: gettext_lazy("Collecte à venir"),
    CampaignStatus.LIVE: gettext_lazy("Collecte en cours"),
    CampaignStatus.SUCCEEDED: gettext_lazy("Projet financé"),
    CampaignStatus.NOT_REACHED: gettext_lazy("Objectif non atteint"),
    CampaignStatus.CANCELLED: gettext_lazy("Collecte annulée"),
}


def laureate_context(pages):
    """For the laureates among ``pages``: {page id: its call} and {page id: {"code", "label"}} of
    its campaign's status. Two queries whatever the number of laureates, none without one."""
    laureates = [page for page in pages if isinstance(page, LaureatePage)]
    if not laureates:
        return {}, {}
    parent_paths = {page.pk: page.path[: -CallPage.steplen] for page in laureates}
    calls_by_path = {call.path: call for call in CallPage.objects.filter(path__in=set(parent_paths.values()))}
    campaign_ids = {page.campaign_id for page in laureates if page.campaign_id}
    by_id = FundingCampaign.objects.in_bulk(campaign_ids) if campaign_ids else {}
    now = timezone.now()
    statuses = {}
    for page in laureates:
        campaign = by_id.get(page.campaign_id)
        if campaign is not None:
            code = campaign.status(now)
            statuses[page.pk] = {"code": str(code), "label": CAMPAIGN_STATUS_LABELS[code]}
    calls = {pk: calls_by_path[path] for pk, path in parent_paths.items() if path in calls_by_path}
    return calls, statuses


def _type_label(page):
    for _key, model, label in RESULT_TYPES:
        if isinstance(page, model):
            return label
    return page.specific_class._meta.verbose_name


def promotions(query):
    """Editors' picks for this exact query (read only: searching never stores the query)."""
    picks = (
        SearchPromotion.objects.filter(query__query_string=query.lower()).select_related("page").order_by("sort_order")
    )
    result = []
    for pick in picks:
        if pick.page_id:
            if pick.page.live and pick.page.locale_id == active_locale_id():
                result.append({"url": pick.page.url, "title": pick.page.title, "description": pick.description})
        elif pick.external_link_url:
            result.append(
                {"url": pick.external_link_url, "title": pick.external_link_text, "description": pick.description}
            )
    return result


@require_GET
def suggestions(request):
    """Titles that start like what is typed, for the search box's progressive enhancement."""
    raw = request.GET.get("q", "")
    if len(raw) > MAX_QUERY_LENGTH:
        return JsonResponse(
            {"error": _("La recherche est limitée à %(count)s caractères.") % {"count": MAX_QUERY_LENGTH}}, status=400
        )
    query, _truncated = clean_query(raw)
    if len(query) < 2:
        return JsonResponse({"query": query, "suggestions": []})
    ids = find_page_ids(query, searchable_pages())[:8]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids)}
    items = [{"title": pages[pk].title, "url": pages[pk].url} for pk in ids if pk in pages]
    return JsonResponse({"query": query, "suggestions": items})
