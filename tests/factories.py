"""factory-boy factories for the trust's pages and people (no fixture files)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from pages import models as pages
from people.models import StaffProfile


class HomePageFactory(wagtail_factories.PageFactory):
    title = "LTE Intranet"
    slug = "lte-home"

    class Meta:
        model = pages.HomePage


class SchoolIndexPageFactory(wagtail_factories.PageFactory):
    title = "Schools"
    slug = "schools"
    show_in_menus = True

    class Meta:
        model = pages.SchoolIndexPage


class SchoolPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"School {n} Primary")
    slug = factory.Sequence(lambda n: f"school-{n}")
    headteacher = "Alex Head"
    phone = "0121 000 0000"

    class Meta:
        model = pages.SchoolPage


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Working groups"
    slug = "groups"
    show_in_menus = True

    class Meta:
        model = pages.WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    purpose = "<p>Working together.</p>"

    class Meta:
        model = pages.WorkingGroupPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Content {n}")
    slug = factory.Sequence(lambda n: f"content-{n}")
    intro = "An introduction."

    class Meta:
        model = pages.ContentPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = pages.NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    intro = "Something happened."

    class Meta:
        model = pages.NewsArticlePage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = pages.EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    category = "group"

    class Meta:
        model = pages.EventPage


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-1")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def school(self, create, extracted, **kwargs):
        if create:
            self.save()
            profile = StaffProfile.objects.get(user=self)
            profile.school = extracted
            profile.save(update_fields=["school"])
            # Replace the profile cached on the user by the signal, which still has no school.
            self.profile = profile


__all__ = ["StaffProfile"]
