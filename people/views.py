from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render

from pages.models import WorkingGroupPage

from .models import StaffProfile


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    working_groups = forms.ModelMultipleChoiceField(
        queryset=WorkingGroupPage.objects.live().order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The groups whose news, meetings and resources you want to follow.",
    )

    class Meta:
        model = StaffProfile
        fields = ["job_title", "working_groups"]


def my_profile(request):
    profile, _ = StaffProfile.objects.select_related("school").get_or_create(user=request.user)
    form = ProfileForm(
        request.POST or None,
        instance=profile,
        initial={"first_name": request.user.first_name, "last_name": request.user.last_name},
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        request.user.first_name = form.cleaned_data["first_name"]
        request.user.last_name = form.cleaned_data["last_name"]
        request.user.save(update_fields=["first_name", "last_name"])
        messages.success(request, "Your profile has been saved.")
        return redirect("my_profile")
    return render(request, "people/profile.html", {"form": form, "profile": profile})
