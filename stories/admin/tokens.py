"""Keys for staff scripts using /exports/."""

from django.contrib import admin, messages

from stories.models import ExportToken


@admin.register(ExportToken)
class ExportTokenAdmin(admin.ModelAdmin):
    """Keys for staff scripts using /exports/. The key is shown once, when it is issued."""

    list_display = ["name", "user", "created_at", "revoked_at"]
    list_select_related = ["user"]
    fields = ["name", "user", "revoked_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        token, key = ExportToken.issue(obj.user, obj.name)
        obj.pk, obj.key_hash, obj.created_at = token.pk, token.key_hash, token.created_at
        self.message_user(
            request,
            f"Export key for “{obj.name}” (copy it now, it is not shown again): {key}",
            messages.WARNING,
        )
