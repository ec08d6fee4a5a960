from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .links import calendar_feed_url
from .models import StaffProfile
from .tokens import reset_calendar_token
from .twofactor import has_second_factor


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)

    class Meta:
        model = StaffProfile
        fields = ["job_title", "working_groups"]
        widgets = {"working_groups": forms.CheckboxSelectMultiple}
        help_texts = {
            "working_groups": "The groups whose news, meetings and resources you want to follow."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups = self.fields["working_groups"]
        groups.queryset = groups.queryset.filter(live=True).order_by("title", "pk")


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
    request.user.profile = profile
    calendar_url = calendar_feed_url(request.user)
    return render(
        request,
        "people/profile.html",
        {
            "form": form,
            "profile": profile,
            "calendar_url": calendar_url,
            "two_factor_on": has_second_factor(request.user),
        },
    )


@require_POST
def reset_calendar(request):
    reset_calendar_token(request.user)
    messages.success(
        request,
        "Your calendar address has been changed. Calendars subscribed to the old address will "
        "stop updating: subscribe again with the new one.",
    )
    return redirect(reverse("my_profile") + "#calendar")
