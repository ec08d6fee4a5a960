"""Forms of the policy pages: what staff, heads and administrators post."""

from django import forms

from .models import DigestPreference, SchoolAdaptation


class AcknowledgeForm(forms.Form):
    # The version the reader was shown; blank means "the current one".
    version = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class AdaptationForm(forms.ModelForm):
    class Meta:
        model = SchoolAdaptation
        fields = ["text", "note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 24})}
        labels = {"text": "Your school's text"}


class DigestForm(forms.ModelForm):
    class Meta:
        model = DigestPreference
        fields = ["weekly_digest"]


REMINDER_INTERVALS = [(1, "1 day"), (3, "3 days"), (7, "a week"), (14, "two weeks")]


class ReminderForm(forms.Form):
    interval = forms.TypedChoiceField(
        choices=REMINDER_INTERVALS, coerce=int, required=False, empty_value=7
    )
