"""The demo's people (demo/data/people.yaml): one account per person, with their roles, school,
job and working groups, and the username aliases of people who hold two roles."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from people import roles
from people.models import StaffProfile, UsernameAlias

from .records import load


def account(username):
    """The user a demo username stands for, whether it is the account's own or an alias."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        alias = UsernameAlias.objects.select_related("user").filter(alias=username).first()
        user = alias.user if alias else None
    return user


def headteachers():
    """{school slug: person record} of each school's headteacher."""
    return {
        person["school"]: person
        for person in load("people")["people"]
        if person["job_role"] == "headteacher"
    }


def load_people(password, schools, groups):
    """Create or update every demo account; returns {username: user}."""
    User = get_user_model()
    staff = Group.objects.get(name=roles.STAFF)
    users = {}
    for person in load("people")["people"]:
        user, created = User.objects.get_or_create(username=person["username"])
        user.first_name, user.last_name = person["first_name"], person["last_name"]
        user.email = f"{person['username']}@lte.education"
        user.is_superuser = user.is_staff = bool(person.get("superuser"))
        if created or not user.check_password(password):
            user.set_password(password)
        user.save()
        led = [groups[slug] for slug in person.get("leads", [])]
        user.groups.add(
            staff,
            *Group.objects.filter(name__in=person.get("roles", [])),
            *[group.lead_group for group in led],
        )
        profile, _ = StaffProfile.objects.get_or_create(user=user)
        profile.school = schools[person["school"]] if person["school"] else None
        profile.job_role, profile.job_title = person["job_role"], person["job_title"]
        profile.save()
        profile.working_groups.add(
            *[groups[slug] for slug in person.get("working_groups", [])], *led
        )
        users[user.username] = user
    for alias in load("people").get("aliases", []):
        UsernameAlias.objects.update_or_create(
            alias=alias["alias"], defaults={"user": users[alias["username"]]}
        )
        # An account of the alias's name, from an older demo, would shadow the alias.
        User.objects.filter(username=alias["alias"]).delete()
    return users
