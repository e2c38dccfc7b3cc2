from django.contrib import admin
from django.db import models
from django.db.models import Count

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


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
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
class PersonAdmin(admin.ModelAdmin):
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
