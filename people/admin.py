from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from people.duplicates import possible_duplicate_organizations, possible_duplicate_people
from people.merging import merge_organizations, merge_people
from people.models import Organization, OrganizationAlias, Person, Role


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    fields = ["name", "kind", "is_case_sensitive"]
    extra = 1


class ChildOrganizationInline(admin.TabularInline):
    model = Organization
    fk_name = "parent"
    fields = ["name", "kind"]
    readonly_fields = ["name", "kind"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "offices and bodies inside it"

    def has_add_permission(self, request, obj=None):
        return False


class MergeAdminMixin:
    """ "Merge selected …" action and a "Possible duplicates" page for a registry model."""

    merge_function = None
    duplicate_groups = None

    @admin.action(description="Merge selected…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        records = list(queryset.order_by("pk"))
        if len(records) < 2:
            self.message_user(request, "Select at least two to merge.", messages.WARNING)
            return None
        survivor_id = request.POST.get("survivor")
        if "apply" in request.POST and survivor_id:
            survivor = next((r for r in records if str(r.pk) == survivor_id), None)
            if survivor is not None:
                others = [r for r in records if r.pk != survivor.pk]
                names = ", ".join(str(o) for o in others)
                self.log_deletions(request, others)
                type(self).merge_function(survivor, others, by=request.user)
                self.log_change(
                    request, survivor, [{"changed": {"fields": [f"Merged in: {names}"]}}]
                )
                url = reverse(
                    f"admin:{survivor._meta.app_label}_{survivor._meta.model_name}_change",
                    args=[survivor.pk],
                )
                self.message_user(
                    request,
                    format_html('Merged {} into <a href="{}">{}</a>.', names, url, survivor),
                    messages.SUCCESS,
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {len(records)} {self.model._meta.verbose_name_plural}",
            "records": records,
            "opts": self.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/people/merge.html", context)

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def get_urls(self):
        info = (self.model._meta.app_label, self.model._meta.model_name)
        return [
            path(
                "duplicates/",
                self.admin_site.admin_view(self.duplicates_view),
                name=f"{info[0]}_{info[1]}_duplicates",
            ),
            *super().get_urls(),
        ]

    def duplicates_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"Possible duplicate {self.model._meta.verbose_name_plural}",
            "groups": type(self).duplicate_groups(),
            "opts": self.model._meta,
            "changelist_url": reverse(
                f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_changelist"
            ),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/people/duplicates.html", context)


@admin.register(Organization)
class OrganizationAdmin(MergeAdminMixin, admin.ModelAdmin):
    merge_function = merge_organizations
    duplicate_groups = possible_duplicate_organizations
    actions = ["merge_selected"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "parent", "country", "story_count", "updated_at"]
    list_filter = ["kind"]
    ordering = ["name"]
    search_fields = ["name", "slug", "aliases__name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganizationAliasInline, ChildOrganizationInline]
    fields = ["name", "slug", "kind", "parent", "country", "website", "description"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("story_links"))

    @admin.display(description="Stories", ordering="story_count")
    def story_count(self, obj):
        return obj.story_count


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "kind", "is_case_sensitive"]
    list_filter = ["kind", "is_case_sensitive"]
    search_fields = ["name", "organization__name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]


class RoleInline(admin.TabularInline):
    model = Role
    fields = ["title", "organization", "started_on", "ended_on"]
    autocomplete_fields = ["organization"]
    extra = 1


@admin.register(Person)
class PersonAdmin(MergeAdminMixin, admin.ModelAdmin):
    merge_function = merge_people
    duplicate_groups = possible_duplicate_people
    actions = ["merge_selected"]
    list_display = ["full_name", "nickname", "role_count", "story_count", "updated_at"]
    search_fields = ["full_name", "nickname", "slug"]
    ordering = ["full_name"]
    prepopulated_fields = {"slug": ["full_name"]}
    fields = ["full_name", "nickname", "slug", "bio"]
    inlines = [RoleInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                role_count=Count("roles", distinct=True),
                story_count=Count("story_links", distinct=True),
            )
        )

    @admin.display(description="Roles", ordering="role_count")
    def role_count(self, obj):
        return obj.role_count

    @admin.display(description="Stories", ordering="story_count")
    def story_count(self, obj):
        return obj.story_count


class HeldNowFilter(admin.SimpleListFilter):
    title = "held"
    parameter_name = "held"

    def lookups(self, request, model_admin):
        return [("now", "Now"), ("past", "In the past")]

    def queryset(self, request, queryset):
        if self.value() == "now":
            return queryset.filter(ended_on__isnull=True)
        if self.value() == "past":
            return queryset.filter(ended_on__isnull=False)
        return queryset


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "organization", "started_on", "ended_on"]
    list_filter = [HeldNowFilter, "organization__kind"]
    search_fields = ["person__full_name", "person__nickname", "title", "organization__name"]
    list_select_related = ["person", "organization"]
    autocomplete_fields = ["person", "organization"]

    def get_queryset(self, request):
        # Autocomplete results print "person, title for organization": fetch them in one query.
        return super().get_queryset(request).select_related("person", "organization")
