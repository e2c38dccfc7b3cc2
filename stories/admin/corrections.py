"""Corrections, clarifications and update notes: added on the story form, retracted here.

The story form has a "Corrections and updates" section: an editor picks the kind, writes the
note and saves the story; stories.corrections.add_correction does the rest (the "Updated" time,
the link to the revision). Notes are never edited nor deleted: the Corrections list retracts
one with a reason, and readers see both.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from newsroom.text import PlainTextField
from stories.corrections import add_correction, may_correct, retract_correction
from stories.models import Correction, StoryStatus


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["kind", "text"]
        field_classes = {"text": PlainTextField}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class CorrectionFormSet(forms.BaseInlineFormSet):
    request = None  # set by CorrectionInline.get_formset

    @property
    def user(self):
        return self.request.user

    def save_new(self, form, commit=True):
        try:
            correction = add_correction(
                self.instance,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                by=self.user,
            )
        except ValidationError as error:  # checked in clean(); a race with an unpublish
            raise ValidationError(error.messages) from error
        self.request._new_corrections = [*getattr(self.request, "_new_corrections", []), correction]
        return correction


class CorrectionInline(admin.StackedInline):
    """On a published story's form: its notes (read-only) and one blank note to add."""

    model = Correction
    form = CorrectionForm
    formset = CorrectionFormSet
    fields = ["kind", "text"]
    extra = 1
    verbose_name = "correction or update"
    verbose_name_plural = "corrections and updates"
    classes = ["corrections"]

    def get_queryset(self, request):
        # Django's inline asks has_view_permission(request) without the story, which is false
        # here (see below), and would list no note at all; the form only shows this inline
        # where has_view_permission(request, story) allowed it.
        return super(admin.options.InlineModelAdmin, self).get_queryset(request)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type("BoundCorrectionFormSet", (formset,), {"request": request})

    def get_readonly_fields(self, request, obj=None):
        return ["published_at", "retraction"]

    def get_fields(self, request, obj=None):
        return ["kind", "text", "published_at", "retraction"]

    def has_add_permission(self, request, obj=None):
        return bool(obj and obj.status == StoryStatus.PUBLISHED and may_correct(request.user))

    def has_view_permission(self, request, obj=None):
        # Shown on a published story's form, and on any story that has notes.
        if obj is None or not (obj.status == StoryStatus.PUBLISHED or obj.revised_at):
            return False
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return False  # a note, once there, is retracted, never edited

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Retracted")
    def retraction(self, obj):
        if obj is None or not obj.pk or not obj.is_retracted:
            return "—"
        return f"{obj.retracted_at:%Y-%m-%d %H:%M}: {obj.retraction_note}"


class RetractionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["retraction_note"]
        field_classes = {"retraction_note": PlainTextField}

    def clean_retraction_note(self):
        note = self.cleaned_data["retraction_note"].strip()
        if not note:
            raise ValidationError("Say why the note is withdrawn: readers see it.")
        return note


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    form = RetractionForm
    list_display = ["story", "kind", "published_at", "retracted_at"]
    list_filter = ["kind", ("retracted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["story"]
    search_fields = ["text", "story__headline"]
    date_hierarchy = "published_at"
    readonly_fields = ["story", "kind", "text", "published_at", "created_by", "retracted_at"]
    fields = [*readonly_fields, "retraction_note"]

    def has_add_permission(self, request):
        return False  # notes are added on the story form

    def has_delete_permission(self, request, obj=None):
        return False  # never deleted: retracted

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or not obj.is_retracted)

    def save_model(self, request, obj, form, change):
        note = form.cleaned_data["retraction_note"]
        obj.retraction_note = ""  # retract_correction sets it with the time
        retract_correction(obj, note=note, by=request.user)
        self.message_user(request, "The note is retracted; readers see why.", messages.SUCCESS)
