"""The forms of the story screens: the story form, adding an organization to many stories, and
bringing releases in."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from newsroom.text import PlainTextField
from newsroom.web_addresses import WebURLFormField
from people.models import Organization
from stories.images import validate_upload
from stories.importers.plaintext import MARKER
from stories.models import Story, StoryOrganization
from stories.revisions import diff_html, snapshot_of_story, snapshot_of_version, version_for_number


def organization_field(admin_site, *, required: bool = True, label: str = "Organization"):
    """An organization picker that searches names and aliases as the editor types."""
    field = StoryOrganization._meta.get_field("organization")
    return forms.ModelChoiceField(
        queryset=Organization.objects.all(),
        widget=AutocompleteSelect(field, admin_site),
        required=required,
        label=label,
    )


class AddOrganizationForm(forms.Form):
    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"] = organization_field(admin_site)


class StoryForm(forms.ModelForm):
    """The story form, refusing to overwrite a save made since it was opened."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    organization_to_add = forms.ModelChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        label="Add an organization",
        help_text="Any organization of the registry, by name or alias; it goes at the end.",
    )
    mark_updated = forms.BooleanField(
        required=False,
        label="Show readers this story was updated",
        help_text="For a change readers should know of; a typo fix needs none. A correction or "
        "update note below shows the time anyway.",
    )
    source_url = WebURLFormField(
        max_length=500, required=False, assume_scheme="https", label="Source URL"
    )

    class Meta:
        model = Story
        fields = [  # the admin narrows this to the fieldsets
            "headline", "slug", "dek", "body", "tags", "source_role", "source_attribution",
            "source_label", "source_url", "lead_image", "image_asset_id", "image_format",
            "image_alt",
            "image_credit", "image_caption",
        ]  # fmt: skip
        # Browsers post a textarea's text with CRLF: normalized, unchanged text stays unchanged.
        field_classes = {"dek": PlainTextField, "body": PlainTextField}
        widgets = {"headline": forms.TextInput(attrs={"class": "vLargeTextField headline-input"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def is_pasted_release(self) -> bool:
        """A whole release pasted into the body of a new story ("Add story")."""
        body = self.data.get("body", "") if self.is_bound else ""
        return not self.instance.pk and MARKER in body.upper()

    def clean_lead_image(self):
        upload = self.cleaned_data.get("lead_image")
        if upload and "lead_image" in self.changed_data:
            validate_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk and loaded is not None:
            # Locked until this save commits: two saves cannot both pass this check.
            current = Story.objects.select_for_update().get(pk=self.instance.pk)
            if current.version != loaded:
                before = version_for_number(current, loaded)
                meanwhile = diff_html(
                    snapshot_of_version(before) if before else {}, snapshot_of_story(current)
                )
                raise ValidationError(
                    format_html(
                        "Someone else saved this story while you were editing it (version {} is "
                        "now {}). Nothing was saved and your text is still below: open the "
                        "story again to work on the newest version. What changed meanwhile: {}",
                        loaded,
                        current.version,
                        meanwhile,
                    ),
                    code="edit_conflict",
                )
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (drop or choose many, or a whole folder)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportReleasesForm(forms.Form):
    files = MultipleFileField(
        required=False,
        label="Release files",
        help_text="One or many .txt files, or drop them here.",
    )
    pasted = PlainTextField(
        required=False,
        label="Or paste a release",
        widget=forms.Textarea(attrs={"rows": 12, "class": "vLargeTextField"}),
        help_text="The whole release: headline, image line, source line, the markers and body.",
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("files") and not cleaned.get("pasted", "").strip():
            raise ValidationError("Choose or drop release files, or paste a release.")
        return cleaned
