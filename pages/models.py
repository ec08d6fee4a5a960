"""The trust's page types: home, schools, partners, working groups, content, news and events."""

import calendar
import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.search import index

from people.links import calendar_feed_url
from people.visibility import page_restrictions, visible_pages

from .blocks import ContentStreamBlock
from .filters import EventFilter
from .ical import events_to_ical
from .panels import GROUP_PANELS, HOME_PANELS, render_panels
from .queries import EventQuerySet, NewsQuerySet, TrustPageQuerySet, WorkingGroupQuerySet
from .routing import route_from
from .terms import SchoolCalendar, TermDate  # noqa: F401 - TermDate: a model of this app

INTRO_FEATURES = ["bold", "italic", "link"]


def child_pages(page, user):
    """The children of `page` that `user` may see, by title."""
    return visible_pages(user, page.get_children()).order_by("title", "pk")


class TrustPage(Page):
    """Every page type of the trust: its queryset answers `visible_to(user)`."""

    objects = PageManager.from_queryset(TrustPageQuerySet)()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Wagtail asks this on every page view (two queries). Most pages have no restriction on
        # them or above them, which the cached list of restrictions already knows.
        if self.alias_of_id is None and not any(
            self.path.startswith(path) for path, _kind, _groups in page_restrictions()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(TrustPage):
    """The trust dashboard at `/`: panels from other apps come through `lte_home_panels`."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def route(self, request, path_components):
        found = route_from(self, request, path_components) if path_components else None
        return super().route(request, path_components) if found is None else found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["latest_news"] = NewsArticlePage.objects.visible_to(user).latest_first()[:3]
        context["upcoming_events"] = EventPage.objects.visible_to(user).upcoming()[:5]
        context["my_groups"] = WorkingGroupPage.objects.visible_to(user).joined_by(user)
        context["panels"] = render_panels(HOME_PANELS, request)
        return context


class SchoolIndexPage(TrustPage):
    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.SchoolPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["schools"] = context["items"] = (
            SchoolPage.objects.visible_to(request.user).child_of(self).order_by("title", "pk")
        )
        return context


class SchoolPage(TrustPage):
    PHASES = [("primary", "Primary"), ("special", "Special"), ("secondary", "Secondary")]

    short_name = models.CharField(max_length=60, blank=True, help_text="e.g. 'Coppice'")
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    headteacher = models.CharField(max_length=120, blank=True)
    phase = models.CharField(max_length=20, choices=PHASES, default="primary")
    provider_type = models.CharField(
        "type and status", max_length=60, blank=True, help_text="e.g. Foundation, Special"
    )
    founding_member = models.BooleanField(default=False)
    joined = models.DateField(null=True, blank=True, help_text="When the school joined the trust")
    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("headteacher"),
        index.SearchField("address"),
        index.SearchField("intro"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("headteacher"),
                FieldRowPanel([FieldPanel("phase"), FieldPanel("provider_type")]),
                FieldRowPanel([FieldPanel("founding_member"), FieldPanel("joined")]),
            ],
            heading="About the school",
        ),
    ]
    parent_page_types = ["pages.SchoolIndexPage"]
    subpage_types = ["pages.ContentPage"]

    @property
    def display_name(self):
        return self.short_name or self.title

    @property
    def phase_and_type(self):
        """Phase, then type where it says something more ("Special" is both for some schools)."""
        labels = [self.get_phase_display()]
        if self.provider_type and self.provider_type.casefold() != labels[0].casefold():
            labels.append(self.provider_type)
        return labels

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["staff"] = (
            get_user_model()
            .objects.filter(is_active=True, profile__school=self)
            .select_related("profile")
            .order_by("last_name", "first_name", "pk")
        )
        return context


class PartnersPage(TrustPage):
    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), InlinePanel("partners")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1


class Partner(Orderable):
    KINDS = [
        ("school", "School"),
        ("university", "University"),
        ("organisation", "Organisation"),
        ("community", "Community"),
    ]

    page = ParentalKey(PartnersPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=KINDS, default="organisation")
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    contact_name = models.CharField("contact", max_length=120, blank=True)
    contact_role = models.CharField(
        max_length=120, blank=True, help_text="e.g. 'Head of Year 7 transition'"
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading="Contact",
        ),
    ]


class WorkingGroupIndexPage(TrustPage):
    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.WorkingGroupPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = (
            WorkingGroupPage.objects.visible_to(request.user).child_of(self).order_by("title", "pk")
        )
        context["groups"] = context["items"] = groups.annotate(
            member_count=models.Count("members", distinct=True)
        ).select_related("lead_group")
        return context


class WorkingGroupPage(TrustPage):
    """A working group and the root of its own page tree, which only its leads may publish in.

    Saving a new group creates its "<title> leads" role (see people/roles.py)."""

    objects = PageManager.from_queryset(WorkingGroupQuerySet)()

    purpose = RichTextField(features=INTRO_FEATURES + ["ul", "ol"], blank=True)
    meeting_schedule = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Half-termly, Thursdays 4–5.30pm'"
    )
    body = StreamField(ContentStreamBlock(), blank=True)
    lead_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    search_fields = Page.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("meeting_schedule"),
        FieldPanel("body"),
    ]
    parent_page_types = ["pages.WorkingGroupIndexPage"]
    subpage_types = ["pages.ContentPage"]

    def leads(self):
        if not self.lead_group_id:
            return get_user_model().objects.none()
        return self.lead_group.user_set.filter(is_active=True).select_related("profile__school")

    def members_by_school(self):
        members = (
            get_user_model()
            .objects.filter(is_active=True, profile__working_groups=self)
            .select_related("profile__school")
            .order_by("profile__school__title", "last_name", "first_name", "pk")
        )
        by_school = {}
        for user in members:
            school = user.profile.school
            by_school.setdefault(school.title if school else "Trust central team", []).append(user)
        return sorted(by_school.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leads"] = self.leads()
        context["members_by_school"] = self.members_by_school()
        context["child_pages"] = child_pages(self, request.user)
        context["upcoming_events"] = (
            EventPage.objects.visible_to(request.user).upcoming().filter(group=self)[:5]
        )
        context["panels"] = render_panels(GROUP_PANELS, request, self)
        return context


class ContentPage(TrustPage):
    """A flexible page: usable under a working group, a school, or another content page."""

    intro = models.TextField(blank=True, help_text="One or two sentences shown in lists")
    body = StreamField(ContentStreamBlock(), blank=True)

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["pages.ContentPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = child_pages(self, request.user)
        return context


class NewsIndexPage(TrustPage):
    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsArticlePage"]
    max_count = 1
    PER_PAGE = 12

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsArticlePage.objects.visible_to(request.user).child_of(self).latest_first()
        context["articles"] = context["items"] = Paginator(articles, self.PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context


class NewsArticlePage(TrustPage):
    date = models.DateField(default=datetime.date.today)
    intro = models.TextField(blank=True)
    body = StreamField(ContentStreamBlock(), blank=True)
    group = models.ForeignKey(
        WorkingGroupPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="news"
    )
    school = models.ForeignKey(
        SchoolPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="news"
    )

    objects = PageManager.from_queryset(NewsQuerySet)()

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("group"), FieldPanel("school")]),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []


class EventIndexPage(RoutablePageMixin, TrustPage):
    """Upcoming events as a list, a month calendar, and an iCalendar feed."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EventPage"]
    max_count = 1

    def events(self, user):
        """The events under this index that `user` may see."""
        return EventPage.objects.visible_to(user).child_of(self).select_related("school", "group")

    @path("")
    def upcoming(self, request):
        filters = EventFilter(request.GET, queryset=self.events(request.user).upcoming())
        return self.render(
            request,
            context_overrides={
                "events": filters.qs[:100],
                "view": "list",
                "filters": filters,
                "today": timezone.localdate(),
                "subscribe_url": calendar_feed_url(request.user),
            },
        )

    @path("<int:year>/<int:month>/")
    def month(self, request, year, month):
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise Http404("No such month")
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        events = list(self.events(request.user).between(first, last))
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        terms = SchoolCalendar(weeks[0][0], weeks[-1][-1])
        weeks = [
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "closure": terms.closure(day),
                    "events": [e for e in events if e.start_date <= day <= e.end_date],
                }
                for day in week
            ]
            for week in weeks
        ]
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = last + datetime.timedelta(days=1)
        return render(
            request,
            "pages/event_month.html",
            {
                "page": self,
                "self": self,
                "weeks": weeks,
                "month": first,
                "previous": previous,
                "following": following,
                "today": timezone.localdate(),
                "events": events,
                "closures": [
                    t
                    for t in sorted(set(terms.closed.values()), key=lambda t: t.first_day)
                    if t.first_day <= last and t.last_day >= first
                ],
            },
        )

    @path("this-month/")
    def this_month(self, request):
        today = timezone.localdate()
        return self.month(request, today.year, today.month)

    @path("feed/")
    def ical(self, request):
        response = HttpResponse(
            events_to_ical(self.events(request.user).order_by("start", "pk")),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="lte-events.ics"'
        return response


class EventPage(TrustPage):
    CATEGORIES = [
        ("inset", "INSET day"),
        ("moderation", "Moderation meeting"),
        ("review", "Review day"),
        ("forum", "Headteachers' Forum"),
        ("group", "Working group meeting"),
        ("training", "Training / CPD"),
        ("other", "Other"),
    ]

    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    all_day = models.BooleanField(default=False)
    category = models.CharField(max_length=20, choices=CATEGORIES, default="other")
    location = models.CharField(max_length=200, blank=True)
    school = models.ForeignKey(
        SchoolPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Host school",
    )
    group = models.ForeignKey(
        WorkingGroupPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    description = RichTextField(features=INTRO_FEATURES + ["ul", "ol"], blank=True)

    objects = PageManager.from_queryset(EventQuerySet)()

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("location"),
        index.FilterField("start"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading="When",
        ),
        FieldRowPanel([FieldPanel("category"), FieldPanel("group")]),
        FieldRowPanel([FieldPanel("school"), FieldPanel("location")]),
        FieldPanel("description"),
    ]
    parent_page_types = ["pages.EventIndexPage"]
    subpage_types = []

    @property
    def start_date(self):
        return timezone.localtime(self.start).date()

    @property
    def end_date(self):
        return timezone.localtime(self.end).date() if self.end else self.start_date
