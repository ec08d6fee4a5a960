from django.urls import path

from . import share_views, views

app_name = "hub"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("share/", share_views.share, name="share"),
    path("share/check/", share_views.share_check, name="share_check"),
    path("share/duplicate/", share_views.share_duplicate, name="share_duplicate"),
    path("<int:pk>/", views.by_id, name="by_id"),
    path("<int:pk>-<slug:slug>/", views.detail, name="detail"),
    path("<int:pk>-<slug:slug>/download/", views.download, name="download"),
    path("<int:pk>-<slug:slug>/preview.png", views.preview, name="preview"),
    path(
        "<int:pk>-<slug:slug>/versions/<int:number>/download/",
        views.version_download,
        name="version_download",
    ),
    path("<int:pk>-<slug:slug>/versions/new/", views.new_version, name="new_version"),
    path("<int:pk>-<slug:slug>/edit/", views.edit, name="edit"),
    path("<int:pk>-<slug:slug>/adapt/", views.adapt, name="adapt"),
    path("<int:pk>-<slug:slug>/withdraw/", views.withdraw, name="withdraw"),
]
