"""Optional: `path("search/", include("search.urls"))` in intranet/urls.py instead of the single
`search/` route. The autocomplete also answers at /search/?ac=1&q=... without this."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="search_autocomplete"),
]
