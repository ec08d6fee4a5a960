"""Build (or bring up to date) the whole demo trust, in dependency order.

Idempotent: every object is found by a stable key (slug, username, title) and updated in
place, so running it again gives the same trust."""

from django.utils import timezone

from people import roles

from . import events, people, policies, resources, site
from .terms import academic_year_start, load_term_dates


def build_trust(password, say=lambda message: None):
    roles.ensure_base_roles()
    home = site.home_page()
    schools = site.schools(home, people.headteachers())
    site.partners(home)
    groups = site.groups(home)
    people.load_people(password, schools, groups)
    site.news(home, schools, groups)
    start = academic_year_start(timezone.localdate())
    term_dates = load_term_dates(start)
    events.load_events(home, start, term_dates, schools, groups)
    site.accessibility_statement(home)
    created, existing = resources.load_resources()
    say(f"Demo resources: {created} created, {existing} already there.")
    say(policies.load_policies(home))
    return home
