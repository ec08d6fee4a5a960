"""The demo trust's page tree: home, schools, partners, working groups and their pages, news,
and the accessibility statement. Every page is found by its slug and updated in place."""

import datetime

from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from pages.models import (
    ContentPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    Partner,
    PartnersPage,
    SchoolIndexPage,
    SchoolPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from people import roles

from .records import load

ACCESSIBILITY = [
    {
        "paragraph": "<p>The LTE Intranet aims to meet WCAG 2.2 level AA. It works on phones at "
        "320 pixels wide, with a keyboard, and with screen readers.</p>"
    },
    {
        "paragraph": "<p>Documents in the resource hub are shared by staff and may not all be "
        "accessible. If you need a document in another format, contact the trust's business "
        "manager.</p>"
    },
]


def upsert_child(parent, model, slug, **fields):
    """Find the child page of `parent` with `slug`, or create it; then set `fields` and publish."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def stream(blocks):
    """StreamField data from the records' blocks: heading, paragraph, callout, table."""
    out = []
    for block in blocks:
        [(kind, value)] = block.items()
        if kind == "heading":
            out.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            out.append(("paragraph", RichText(value)))
        elif kind == "callout":
            out.append(("callout", {**value, "text": RichText(value["text"])}))
        elif kind == "table":
            table = {
                "data": value,
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": "",
            }
            out.append(("table", table))
        else:
            raise ValueError(f"Demo data: unknown block {kind!r}")
    return out


def home_page():
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="LTE Intranet", slug="lte-home")
        root.add_child(instance=home)
    home.intro = (
        "<p>The staff intranet of the Learning Trust for Excellence: eleven Sutton Coldfield "
        "schools working together.</p>"
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="LTE Intranet"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "LTE Intranet"
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome" placeholder
    return HomePage.objects.get(pk=home.pk)


def schools(home, heads):
    """The school pages; `heads` maps a school's slug to its headteacher's person record."""
    data = load("schools")
    index = upsert_child(
        home,
        SchoolIndexPage,
        "schools",
        title="Schools",
        show_in_menus=True,
        intro="<p>The eleven schools of the trust: seven founders and four that joined later.</p>",
    )
    pages = {}
    for school in data["schools"]:
        head = heads.get(school["slug"])
        founding = school["founding_member"]
        pages[school["slug"]] = upsert_child(
            index,
            SchoolPage,
            school["slug"],
            title=school["title"],
            short_name=school["short_name"],
            address=school["address"],
            postcode=school["postcode"],
            phone=school["phone"],
            email=school["email"],
            headteacher=f"{head['first_name']} {head['last_name']}" if head else "",
            phase=school["phase"],
            provider_type=school["type"],
            founding_member=founding,
            joined=data["founded"] if founding else data["joined_later"],
            intro=f"<p>{school['title']} is {'a founding' if founding else 'a'} member of the "
            "trust.</p>",
        )
    return pages


def partners(home):
    page = upsert_child(
        home,
        PartnersPage,
        "partners",
        title="Partners",
        show_in_menus=True,
        intro="<p>Key partners support the trust's vision with their experience and expertise.</p>",
    )
    Partner.objects.filter(page=page).delete()
    for order, partner in enumerate(load("partners")["partners"]):
        contact = partner.get("contact", {})
        Partner.objects.create(
            page=page,
            sort_order=order,
            name=partner["name"],
            kind=partner["kind"],
            description=partner["description"],
            website=partner.get("website", ""),
            contact_name=contact.get("name", ""),
            contact_role=contact.get("role", ""),
            contact_email=contact.get("email", ""),
            contact_phone=contact.get("phone", ""),
        )


def groups(home):
    index = upsert_child(
        home,
        WorkingGroupIndexPage,
        "groups",
        title="Working groups",
        show_in_menus=True,
        intro="<p>Teachers across the trust meet regularly to plan, moderate and share.</p>",
    )
    pages = {}
    for group in load("groups")["groups"]:
        page = upsert_child(
            index,
            WorkingGroupPage,
            group["slug"],
            title=group["title"],
            purpose=f"<p>{group['purpose']}</p>",
            meeting_schedule=group["meeting_schedule"],
        )
        roles.ensure_lead_role(page)
        pages[group["slug"]] = WorkingGroupPage.objects.get(pk=page.pk)
        for child in group.get("pages", []):
            upsert_child(
                page,
                ContentPage,
                child["slug"],
                title=child["title"],
                intro=child["intro"],
                body=stream(child["body"]),
            )
    return pages


def news(home, schools, groups):
    index = upsert_child(
        home,
        NewsIndexPage,
        "news",
        title="News",
        show_in_menus=True,
        intro="<p>News from across the trust and its working groups.</p>",
    )
    today = timezone.localdate()
    for article in load("news")["news"]:
        upsert_child(
            index,
            NewsArticlePage,
            article["slug"],
            title=article["title"],
            date=today - datetime.timedelta(days=article["days_ago"]),
            group=groups.get(article["group"]),
            school=schools.get(article["school"]),
            intro=article["intro"],
            body=stream([{"paragraph": article["body"]}]),
        )


def accessibility_statement(home):
    upsert_child(
        home,
        ContentPage,
        "accessibility",
        title="Accessibility statement",
        show_in_menus=False,
        intro="How accessible this intranet is and how to report a problem.",
        body=stream(ACCESSIBILITY),
    )
