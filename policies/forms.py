"""Forms of the policy pages: what staff, heads and administrators post."""

from django import forms

from .models import DigestPreference, PolicyChangeReview, SchoolAdaptation
from .services.merging import Decision
from .textdiff import paragraphs


class AcknowledgeForm(forms.Form):
    # The version the reader was shown; blank means "the current one".
    version = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    # services.text_fingerprint of the text shown: the acknowledgement is for exactly that.
    fingerprint = forms.RegexField(regex=r"^[0-9a-f]{64}$", required=False)


class AdaptationForm(forms.ModelForm):
    class Meta:
        model = SchoolAdaptation
        fields = ["text", "note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 24})}
        labels = {"text": "Your school's text"}


# The parts of a school's text. Stored as plain text (textdiff's form: '## ' headings, '- '
# bullets, blank lines between paragraphs) so merges and diffs work on paragraphs, but a head
# edits labelled parts and never sees those markers.
BLOCK_KINDS = [
    ("h2", "Section heading"),
    ("h3", "Sub-heading"),
    ("p", "Paragraph"),
    ("li", "Bullet point"),
]
BLOCK_PREFIX = {"h2": "## ", "h3": "### ", "li": "- ", "p": ""}


class BlockForm(forms.Form):
    kind = forms.ChoiceField(label="Type", choices=BLOCK_KINDS, initial="p")
    text = forms.CharField(
        label="Text", required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 3})
    )


BlockFormSet = forms.formset_factory(
    BlockForm, extra=3, can_order=True, max_num=1000, validate_max=True
)


def text_to_blocks(text):
    blocks = []
    for para in paragraphs(text):
        for kind in ("h3", "h2", "li"):
            if para.startswith(BLOCK_PREFIX[kind]):
                blocks.append({"kind": kind, "text": para[len(BLOCK_PREFIX[kind]) :]})
                break
        else:
            blocks.append({"kind": "p", "text": para})
    return blocks


def blocks_to_text(formset):
    """The parts in the order asked for (empty parts dropped), as the stored text."""
    parts = []
    for form in formset.ordered_forms if formset.can_order else formset.forms:
        text = " ".join(form.cleaned_data.get("text", "").split())
        if text:
            parts.append(BLOCK_PREFIX[form.cleaned_data.get("kind") or "p"] + text)
    return "\n\n".join(parts)


class DigestForm(forms.ModelForm):
    class Meta:
        model = DigestPreference
        fields = ["weekly_digest"]


REMINDER_INTERVALS = [(1, "1 day"), (3, "3 days"), (7, "a week"), (14, "two weeks")]


class ReminderForm(forms.Form):
    interval = forms.TypedChoiceField(
        choices=REMINDER_INTERVALS, coerce=int, required=False, empty_value=7
    )


class MergeForm(forms.Form):
    """One decision per model change (services.merging): accept, adapt (with the school's
    wording) or decline (with a reason). Changes left blank stay open: partial progress."""

    def __init__(self, proposal, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        for item in proposal.items:
            if item.region.same:
                continue
            review = item.review
            self.fields[f"decision-{item.key}"] = forms.ChoiceField(
                label=f"Change {item.number}",
                choices=PolicyChangeReview.DECISIONS,
                required=False,
                widget=forms.RadioSelect,
                initial=review.decision if review else None,
            )
            self.fields[f"text-{item.key}"] = forms.CharField(
                label="Our wording (if adapting)",
                required=False,
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 5}),
                initial=(review.text if review and review.text else None)
                or (item.school_text if item.conflict else item.model_text),
            )
            self.fields[f"reason-{item.key}"] = forms.CharField(
                label="Why we decline it (if declining)",
                required=False,
                max_length=2000,
                initial=review.reason if review else "",
            )

    def clean(self):
        data = super().clean()
        for item in self.proposal.items:
            decision = data.get(f"decision-{item.key}")
            if (
                decision == PolicyChangeReview.ADAPT
                and not data.get(f"text-{item.key}", "").strip()
            ):
                self.add_error(f"text-{item.key}", "Give your wording, or choose another option.")
            if (
                decision == PolicyChangeReview.DECLINE
                and not data.get(f"reason-{item.key}", "").strip()
            ):
                self.add_error(f"reason-{item.key}", "Say why you decline this change.")
        return data

    def decisions(self):
        out = {}
        for item in self.proposal.items:
            decision = self.cleaned_data.get(f"decision-{item.key}")
            if decision:
                out[item.key] = Decision(
                    decision,
                    self.cleaned_data.get(f"text-{item.key}", ""),
                    self.cleaned_data.get(f"reason-{item.key}", ""),
                )
        return out

    def rows(self):
        """(item, decision field, text field, reason field) for the template, in reading order."""
        return [
            (
                item,
                self[f"decision-{item.key}"],
                self[f"text-{item.key}"],
                self[f"reason-{item.key}"],
            )
            for item in self.proposal.items
            if not item.region.same
        ]
