"""The share form: several files, details suggested from each file, the same file already in
the hub offered instead of a copy, and (with JavaScript) a check of each file as it is chosen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from people.visibility import can_edit_resource, visible_resources

from .filetypes import validate_upload
from .forms import ShareForm
from .services import add_version
from .sharing import held_duplicates, inspect, share_files
from .staging import DUPLICATES_KEY, StagedUploads


def _share_page(request, form, staged, file_errors=(), status=200):
    duplicates = StagedUploads(request.session, DUPLICATES_KEY)
    return render(
        request,
        "hub/share.html",
        {
            "form": form,
            "staged": list(staged),
            "file_errors": list(file_errors),
            "duplicates": held_duplicates(request.user, duplicates),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def share(request):
    staged = StagedUploads(request.session)
    duplicates = StagedUploads(request.session, DUPLICATES_KEY)
    if request.method != "POST":
        # A fresh visit starts clean; abandoned staged files are dropped.
        staged.clear()
        duplicates.clear()
        return _share_page(
            request,
            ShareForm(initial=ShareForm.initial_for_user(request.user), user=request.user),
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
    held_before = len(duplicates)
    created = share_files(
        request.user,
        [(uploaded, uploaded.name, kind) for uploaded, kind in accepted] + staged.files(),
        title=form.cleaned_data["title"],
        fields=form.resource_fields(),
        duplicates=duplicates,
    )
    staged.clear()
    for resource in created:
        messages.success(request, f"Shared “{resource.title}”.")
    if file_errors or len(duplicates) > held_before:
        # Some files failed or are already in the hub: say so, keep the details filled in.
        return _share_page(
            request,
            ShareForm(initial=ShareForm.initial_from(request.POST), user=request.user),
            staged,
            file_errors,
        )
    if len(created) == 1:
        return redirect(created[0].get_absolute_url())
    return redirect("hub:browse")


@require_POST
def share_duplicate(request):
    """Resolve a held duplicate: add it as a new version of the resource it matches (only for
    someone who may edit that resource), or let it go."""
    duplicates = StagedUploads(request.session, DUPLICATES_KEY)
    item = duplicates.get(request.POST.get("token", ""))
    if item is None:
        raise Http404("That file is no longer waiting; choose it again.")
    resource = get_object_or_404(visible_resources(request.user), pk=item["duplicate_of"])
    if request.POST.get("action") != "version":
        duplicates.remove(item["token"])
        messages.info(request, f"“{item['name']}” was not shared again.")
        return redirect(resource.get_absolute_url())
    if not can_edit_resource(request.user, resource):
        raise PermissionDenied("Only the uploader, the group's leads or an administrator")
    ((fileobj, name, kind),) = StagedUploads.files_of([item])
    with fileobj:
        version = add_version(
            resource, fileobj, name=name, kind=kind, user=request.user, change_note="Shared again"
        )
    duplicates.remove(item["token"])
    messages.success(request, f"Added as version {version.number}.")
    return redirect(resource.get_absolute_url())


@require_POST
def share_check(request):
    """One file, sent by the share page's script as soon as it is chosen: stage it and say
    what the hub knows about it (same file, similar text, suggested details) as JSON."""
    uploaded = request.FILES.get("file")
    if uploaded is None:
        return JsonResponse({"error": "Send one file in the field “file”."}, status=400)
    try:
        kind = validate_upload(uploaded)
    except ValidationError as exc:
        return JsonResponse({"name": uploaded.name, "error": " ".join(exc.messages)}, status=400)
    found = inspect(request.user, uploaded, uploaded.name, kind)
    item = StagedUploads(request.session).add(uploaded, kind)
    duplicate = found["duplicate"]
    return JsonResponse(
        {
            "token": item["token"],
            "name": item["name"],
            "suggestions": found["suggestions"],
            "duplicate": duplicate
            and {
                "title": duplicate.title,
                "url": duplicate.get_absolute_url(),
                "can_add_version": can_edit_resource(request.user, duplicate),
            },
            "similar": [
                {"title": r.title, "url": r.get_absolute_url(), "percent": round(score * 100)}
                for score, r in found["similar"]
            ],
        }
    )
