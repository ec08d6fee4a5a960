"""Sign-in with a username alias (people.models.UsernameAlias): the password is the account's
own, every check of the account applies, and the session belongs to the one real user."""

from django.contrib.auth.backends import ModelBackend

from .models import UsernameAlias


class UsernameAliasBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        alias = UsernameAlias.objects.select_related("user").filter(alias=username).first()
        if alias is None:
            return None
        return super().authenticate(
            request, username=alias.user.get_username(), password=password, **kwargs
        )
