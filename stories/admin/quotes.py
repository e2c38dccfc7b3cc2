"""The quotes on the story form: each with its speaker, to confirm or correct.

The engine finds them (stories/quotes.py); the editor picks the speaker (a person or an
organization, by autocomplete), ticks "Confirm" when the engine was right, and assigns a speaker
to the quotes it could not attribute. A changed speaker makes the quote "edited"; confirmed and
edited quotes are never replaced when the quotes are found again.
"""

from django import forms
from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.utils.html import format_html

from people.names import name_key
from stories.models import QuoteOrigin, SpeakerKind, StoryQuote

SPEAKER_FIELDS = {"speaker_person", "speaker_organization", "speaker_name", "speaker_title"}


class StoryQuoteForm(forms.ModelForm):
    confirm = forms.BooleanField(
        required=False, label="Confirm", help_text="The quote and its speaker are right."
    )

    class Meta:
        model = StoryQuote
        fields = ["speaker_person", "speaker_organization", "speaker_name", "speaker_title"]

    def save(self, commit=True):
        quote = super().save(commit=False)
        changed = SPEAKER_FIELDS & set(self.changed_data)
        if changed:
            person, organization = quote.speaker_person, quote.speaker_organization
            if "speaker_person" in changed and person is not None:
                quote.speaker_name = person.full_name
            elif person is None and organization is not None and "speaker_name" not in changed:
                if quote.speaker_kind != SpeakerKind.PERSON or not quote.speaker_name:
                    quote.speaker_name = organization.name
            quote.speaker_kind = _kind(quote)
            quote.origin = QuoteOrigin.EDITED
        elif self.cleaned_data.get("confirm") and quote.origin == QuoteOrigin.FOUND:
            quote.origin = QuoteOrigin.CONFIRMED
        if commit:
            quote.save()
        return quote


def _kind(quote: StoryQuote) -> str:
    """A person's quote when a person is named; an organization's when only it is."""
    organization = quote.speaker_organization
    if quote.speaker_person_id:
        return SpeakerKind.PERSON
    if quote.speaker_name and (
        organization is None or name_key(quote.speaker_name) != organization.name_key
    ):
        return SpeakerKind.PERSON
    return SpeakerKind.ORGANIZATION if organization else ""


class StoryQuoteInline(admin.TabularInline):
    model = StoryQuote
    form = StoryQuoteForm
    fields = [
        "quotation", "speaker_person", "speaker_organization", "speaker_name", "speaker_title",
        "origin", "confirm",
    ]  # fmt: skip
    readonly_fields = ["quotation", "origin"]
    autocomplete_fields = ["speaker_person", "speaker_organization"]
    extra = 0
    can_delete = False
    verbose_name = "quote"
    verbose_name_plural = "quotes and who said them"
    classes = ["quotes"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("speaker_person", "speaker_organization")
        )

    def has_add_permission(self, request, obj=None):
        return False  # the engine finds quotes in the body; editors confirm or correct them

    def has_delete_permission(self, request, obj=None):
        return False  # found again, a deleted quote would come back: correct it instead

    @admin.display(description="Quote")
    def quotation(self, obj):
        if obj is None or not obj.pk:
            return ""
        missing = "" if obj.is_attributed else "No speaker yet: choose one."
        return format_html(
            "“{}”<br><small>Paragraph {}.</small> <strong>{}</strong>",
            obj.text,
            obj.paragraph,
            missing,
        )


class UnattributedQuotesFilter(admin.SimpleListFilter):
    """Stories with a quote whose speaker no one has named yet."""

    title = "quotes"
    parameter_name = "quotes"

    def lookups(self, request, model_admin):
        return [("unattributed", "With a quote to attribute")]

    def queryset(self, request, queryset):
        if self.value() != "unattributed":
            return queryset
        unattributed = StoryQuote.objects.filter(
            story=OuterRef("pk"),
            speaker_person__isnull=True,
            speaker_organization__isnull=True,
        ).filter(Q(speaker_name=""))
        return queryset.filter(Exists(unattributed))
