"""Resource hub views. Every view that touches a resource fetches it through
`visible_resources`, so a resource someone may not see is a plain 404 everywhere."""

import os
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from people.models import StaffProfile
from people.visibility import can_edit_resource, visible_resources

from . import browse as hub_browse
from .extraction import _local_copy
from .forms import EditForm, NewVersionForm, ShareForm
from .models import Resource, ResourceVersion
from .services import (
    add_version,
    count_download,
    create_resources,
    set_withdrawn,
    update_resource,
)
from .staging import StagedUploads


def _visible_or_404(request, pk):
    return get_object_or_404(
        visible_resources(request.user).select_related(
            "resource_type", "school", "uploaded_by_user"
        ),
        pk=pk,
    )


def browse(request):
    from django.conf import settings

    results, facet_ids, sort, query, fallback = hub_browse.run_query(request.user, request.GET)
    page = Paginator(results, settings.HUB_PAGE_SIZE).get_page(request.GET.get("page"))
    if query:
        # Search results are ids, or Wagtail results without their relations: fetch the page's
        # rows in one query.
        ids = [getattr(r, "pk", r) for r in page.object_list]
        rows = (
            Resource.objects.filter(pk__in=ids)
            .select_related("resource_type", "school")
            .defer("extracted_text")
        )
        by_id = {r.pk: r for r in rows}
        items = [by_id[i] for i in ids if i in by_id]
    else:
        items = list(page.object_list)
    facets = hub_browse.facet_counts(facet_ids)
    active = {key: request.GET.get(key, "") for key in hub_browse.FILTER_PARAMS}
    if not active["key_stage"] and request.GET.get("year"):
        active["key_stage"] = request.GET["year"]
    querystring = request.GET.copy()
    querystring.pop("page", None)
    filtering = query or any(active.values())
    context = {
        "page_obj": page,
        "items": items,
        "facets": facets,
        "active": active,
        "query": query,
        "sort": sort,
        "sorts": [(k, label) for k, (_o, label) in hub_browse.SORTS.items()],
        "querystring": querystring.urlencode(),
        "filtering": filtering,
        "search_fallback": fallback,
        "new_this_week": [] if filtering else hub_browse.new_this_week(request.user),
    }
    return render(request, "hub/browse.html", context)


def _share_page(request, form, staged, file_errors=()):
    return render(
        request,
        "hub/share.html",
        {"form": form, "staged": list(staged), "file_errors": list(file_errors)},
    )


@require_http_methods(["GET", "POST"])
def share(request):
    staged = StagedUploads(request.session)
    if request.method != "POST":
        staged.clear()  # a fresh visit starts clean; abandoned staged files are dropped
        profile, _ = StaffProfile.objects.get_or_create(user=request.user)
        return _share_page(
            request,
            ShareForm(initial=ShareForm.initial_for_user(profile), user=request.user),
            staged,
        )
    form = ShareForm(request.POST, request.FILES, user=request.user)
    valid = form.is_valid()
    accepted, file_errors = getattr(form, "accepted", []), getattr(form, "file_errors", [])
    staged.keep_only(request.POST.getlist("keep"))
    if not valid:
        # Keep good files across the round trip so that nothing has to be chosen again.
        for uploaded, kind in accepted:
            staged.add(uploaded, kind)
        return _share_page(request, form, staged, file_errors)
    if not accepted and not staged:
        if not file_errors:
            form.add_error("files", "Choose at least one file to share.")
        return _share_page(request, form, staged, file_errors)
    created = create_resources(
        [(uploaded, uploaded.name, kind) for uploaded, kind in accepted] + staged.files(),
        user=request.user,
        title=form.cleaned_data["title"],
        **form.resource_fields(),
    )
    staged.clear()
    for resource in created:
        messages.success(request, f"Shared “{resource.title}”.")
    if file_errors:
        # Some files failed: show why, keep the details filled in for another go.
        return _share_page(
            request,
            ShareForm(initial=ShareForm.initial_from(request.POST), user=request.user),
            staged,
            file_errors,
        )
    if len(created) == 1:
        return redirect(created[0].get_absolute_url())
    return redirect("hub:browse")


def detail(request, pk, slug):
    resource = _visible_or_404(request, pk)
    if slug != resource.slug:
        return redirect(resource.get_absolute_url(), permanent=True)
    versions = list(resource.versions.select_related("uploaded_by"))
    context = {
        "resource": resource,
        "versions": versions,
        "current_version": versions[0].number if versions else 1,
        "related": hub_browse.related_resources(request.user, resource),
        "can_edit": can_edit_resource(request.user, resource),
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
    from .filetypes import CONTENT_TYPES

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
    from .filetypes import extension_of

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
    cache_name = f"resources/previews/{resource.pk}-{resource.file_hash or 'x'}.png"
    if not default_storage.exists(cache_name):
        png = _render_first_page(resource)
        if png is None:
            raise Http404("No preview")
        default_storage.save(cache_name, ContentFile(png))
    with default_storage.open(cache_name, "rb") as handle:
        response = HttpResponse(handle.read(), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _render_first_page(resource):
    import io

    import pypdfium2 as pdfium

    path = _local_copy(resource.file)
    try:
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[0]
            width = page.get_width() or 595
            image = page.render(scale=min(2.0, 480 / width)).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            return buffer.getvalue()
        finally:
            pdf.close()
    except Exception:
        return None
    finally:
        os.unlink(path)


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
