"""Resource hub views. Every view that touches a resource fetches it through
`visible_resources`, so a resource someone may not see is a plain 404 everywhere."""

import os
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from people.visibility import can_edit_resource, visible_resources

from . import browse as hub_browse
from . import usage
from .extraction import preview_name
from .filetypes import CONTENT_TYPES, extension_of
from .filters import SORTS
from .forms import EditForm, NewVersionForm
from .models import Resource, ResourceVersion
from .services import add_version, count_download, set_withdrawn, update_resource
from .sharing import near_duplicates


def _visible_or_404(request, pk):
    return get_object_or_404(
        visible_resources(request.user).select_related(
            "resource_type", "school", "uploaded_by_user"
        ),
        pk=pk,
    )


def browse(request):
    if request.GET.get("rtype") or request.GET.get("ks"):
        return _renamed(request)  # the names /search/ used to have, in a shared link
    run = hub_browse.Browse(request.user, request.GET)
    context = run.run(request.GET.get("page"))
    selected = run.selected
    context |= {
        "filterset": run.filterset,
        "active": selected,
        "chips": _chips(request, run, context["facets"]),
        "query": run.query,
        "sort": run.sort,
        # What the form submits: an order chosen, else best match, so that words typed into
        # the box are ranked by relevance (the page without words still lists newest first).
        "sort_choice": run.filterset.value("sort") or "relevance",
        "sorts": [(k, label) for k, (_o, label) in SORTS.items()],
        "filtering": run.filtering,
        "active_count": sum(len(v) for v in selected.values()),
        "search_fallback": run.fallback,
        "corrected": run.corrected,
        "exact_url": _exact_url(request) if run.corrected else "",
        "accessible_only": bool(run.filterset.value("accessible")),
    }
    return render(request, "hub/browse.html", context)


def _exact_url(request):
    """This search without spelling correction ("search instead for" what was typed)."""
    params = request.GET.copy()
    params.pop("page", None)
    params["exact"] = "1"
    return f"?{params.urlencode()}"


def _renamed(request):
    params = request.GET.copy()
    for old, new in (("rtype", "type"), ("ks", "key_stage")):
        if old in params:
            params.setlist(new, params.getlist(new) + params.pop(old))
    return redirect(f"{request.path}?{params.urlencode()}", permanent=True)


def _chips(request, run, facets):
    """One removable chip per active filter value: (label, URL without that value)."""
    labels = {name: {v: label for v, label, _n in values} for name, values in facets.items()}
    names = dict(hub_browse.CHIP_NAMES)
    chips = []
    for name, values in run.selected.items():
        for value in values:
            params = request.GET.copy()
            params.pop("page", None)
            params.setlist(name, [v for v in params.getlist(name) if v != value])
            if name == "key_stage":
                params.setlist("year", [v for v in params.getlist("year") if v != value])
            label = labels.get(name, {}).get(value, value)
            chips.append(
                {"name": names[name], "label": label, "url": f"{request.path}?{params.urlencode()}"}
            )
    return chips


def detail(request, pk, slug):
    resource = _visible_or_404(request, pk)
    if slug != resource.slug:
        return redirect(resource.get_absolute_url(), permanent=True)
    versions = list(resource.versions.select_related("uploaded_by"))
    can_edit = can_edit_resource(request.user, resource)
    context = {
        "resource": resource,
        "versions": versions,
        "current_version": versions[0].number if versions else 1,
        "related": hub_browse.related_resources(request.user, resource),
        "can_edit": can_edit,
        # What to fix, and resources with nearly the same text, are for those who can act.
        "findings": resource.accessibility_findings if can_edit else [],
        "similar": near_duplicates(request.user, resource.extracted_text, exclude=resource)
        if can_edit
        else [],
        **usage.signals(request.user, resource),
        "excerpt": (resource.extracted_text or "")[:1500],
        "working_groups": resource.working_groups.all(),
        "key_stages": resource.key_stages.all(),
        "restricted_to": resource.restricted_to.all(),
        "tags": resource.tags.all(),
    }
    return render(request, "hub/detail.html", context)


def _attachment_name(resource, original_name):
    ext = os.path.splitext(original_name)[1].lower()
    return f"{resource.slug}{ext}"


def serve_file(field_file, filename, content_type):
    """Hand over a file after the permission check: a short-lived presigned URL on S3, a
    stream from local storage. Always as an attachment, never rendered by the browser."""
    storage = field_file.storage
    disposition = f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}"
    if hasattr(storage, "bucket_name") and hasattr(storage, "connection"):
        # Signing an address needs no call to S3: ask for the object first, so that an outage
        # or a missing file is answered here (intranet/resilience.py) and not by the bucket.
        if not storage.exists(field_file.name):
            raise Http404("File missing")
        url = storage.url(
            field_file.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
        )
        response = HttpResponseRedirect(url)
    else:
        try:
            handle = storage.open(field_file.name, "rb")
        except FileNotFoundError as exc:
            raise Http404("File missing") from exc
        response = FileResponse(handle, content_type=content_type)
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _content_type(kind):
    return CONTENT_TYPES.get(kind, "application/octet-stream")


def by_id(request, pk):
    """`/hub/<id>/`: where rich-text links to a resource point. The id alone says nothing about
    the resource; only someone who may see it is sent on to its page."""
    return redirect(_visible_or_404(request, pk).get_absolute_url())


def document_link(request, pk, filename=""):
    """Wagtail's document address (`/documents/<id>/<name>`), kept working for links made
    before the hub: the same check, counting and headers as the hub's own download."""
    resource = _visible_or_404(request, pk)
    if resource.withdrawn:
        raise Http404("Not found")
    return redirect(resource.get_download_url())


def download(request, pk, slug):
    resource = _visible_or_404(request, pk)
    count_download(resource, request.user)
    return serve_file(
        resource.file,
        _attachment_name(resource, resource.file.name),
        _content_type(resource.file_type),
    )


def version_download(request, pk, slug, number):
    resource = _visible_or_404(request, pk)
    version = get_object_or_404(ResourceVersion, resource=resource, number=number)
    count_download(resource, request.user)
    ext = os.path.splitext(version.file.name)[1].lower()
    return serve_file(
        version.file,
        f"{resource.slug}-v{number}{ext}",
        _content_type(extension_of(version.file.name)),
    )


def preview(request, pk, slug):
    """First page of a PDF as a PNG, rendered once and kept beside the resource's files."""
    resource = _visible_or_404(request, pk)
    if resource.file_type in {"png", "jpg"}:
        # Pictures are their own preview; the type was checked from the content on upload.
        with resource.file.open("rb") as handle:
            response = HttpResponse(handle.read(), content_type=_content_type(resource.file_type))
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'"
        return response
    if resource.file_type != "pdf" or resource.preview_status != Resource.PREVIEW_READY:
        raise Http404("No preview")
    # Rendered by the extraction job (hub/extraction.py), never in the request.
    name = preview_name(resource)
    if not default_storage.exists(name):
        raise Http404("No preview")
    with default_storage.open(name, "rb") as handle:
        response = HttpResponse(handle.read(), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _editable_or_404(request, pk):
    resource = _visible_or_404(request, pk)
    if not can_edit_resource(request.user, resource):
        raise PermissionDenied("Only the uploader, the group's leads or an administrator")
    return resource


@require_http_methods(["GET", "POST"])
def edit(request, pk, slug):
    resource = _editable_or_404(request, pk)
    if request.method == "POST":
        form = EditForm(request.POST, user=request.user, current_school=resource.school)
        if form.is_valid():
            update_resource(
                resource,
                user=request.user,
                title=form.cleaned_data["title"],
                withdrawn=form.cleaned_data["withdrawn"],
                **form.resource_fields(),
            )
            messages.success(request, "Changes saved.")
            return redirect(resource.get_absolute_url())
    else:
        form = EditForm(
            initial=EditForm.initial_for(resource),
            user=request.user,
            current_school=resource.school,
        )
    return render(request, "hub/edit.html", {"form": form, "resource": resource})


@require_http_methods(["GET", "POST"])
def withdraw(request, pk, slug):
    resource = _editable_or_404(request, pk)
    if request.method == "POST":
        set_withdrawn(resource, request.POST.get("action") != "restore", user=request.user)
        messages.success(
            request,
            "Withdrawn: colleagues can no longer see it."
            if resource.withdrawn
            else "Restored: colleagues can see it again.",
        )
        return redirect(resource.get_absolute_url())
    return render(request, "hub/withdraw.html", {"resource": resource})


@require_POST
def adapt(request, pk, slug):
    """ "Adapt this resource": a linked copy for the adapter's school to change."""
    resource = _visible_or_404(request, pk)
    if not usage.can_adapt(request.user, resource):
        raise PermissionDenied("Only resources shared with the whole trust can be adapted")
    copy = usage.adapt_resource(resource, request.user)
    messages.success(
        request,
        "Your copy is ready. Upload your changed file as a new version, then choose who can "
        "see it.",
    )
    return redirect(copy.get_absolute_url())


@require_http_methods(["GET", "POST"])
def new_version(request, pk, slug):
    resource = _editable_or_404(request, pk)
    if request.method == "POST":
        form = NewVersionForm(request.POST, request.FILES)
        if form.is_valid():
            uploaded = form.cleaned_data["file"]
            version = add_version(
                resource,
                uploaded,
                name=uploaded.name,
                kind=form.kind,
                user=request.user,
                change_note=form.cleaned_data["change_note"],
            )
            messages.success(request, f"Version {version.number} uploaded.")
            return redirect(resource.get_absolute_url())
    else:
        form = NewVersionForm()
    return render(request, "hub/new_version.html", {"form": form, "resource": resource})
