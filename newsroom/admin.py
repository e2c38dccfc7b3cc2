"""django-taggit's tag admin, with the permission checks it lacks.

taggit's "Merge selected tags" action and its merge-tags page check nothing beyond staff
status: anyone who could see the tag list (a reporter) could merge tags and so change the tags
of every story, published ones included; and posting the page without a selection in the
session answered 500. Merging needs the permissions to change and to delete tags.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    @admin.action(description="Merge selected tags", permissions=["merge"])
    def render_tag_form(self, request, queryset):
        return super().render_tag_form(request, queryset)

    def merge_tags_view(self, request):
        if not self.has_merge_permission(request):
            raise PermissionDenied
        chosen = request.session.get("selected_tag_ids", "").split(",")
        ids = [int(i) for i in chosen if i.isdigit()]
        existing = [str(i) for i in Tag.objects.filter(pk__in=ids).values_list("pk", flat=True)]
        if not existing:
            self.message_user(request, "Select the tags to merge first.", messages.WARNING)
            return redirect("admin:taggit_tag_changelist")
        request.session["selected_tag_ids"] = ",".join(existing)
        return super().merge_tags_view(request)

    def has_merge_permission(self, request) -> bool:
        return self.has_change_permission(request) and self.has_delete_permission(request)
