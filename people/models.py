"""The registry: organizations (with the other names they go by), people and the roles they hold."""

import uuid
from functools import partial

from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from newsroom.slugs import save_with_unique_slug
from newsroom.web_addresses import WebURLField
from people.names import display_name, name_key


class OrganizationKind(models.TextChoices):
    GOVERNMENT_AGENCY = "agency", "Government department or agency"
    MINISTRY = "ministry", "Ministry"
    LEGISLATURE = "legislature", "Legislature or committee"
    COUNTRY = "country", "Country or national government"
    SUBNATIONAL = "subnational", "Sub-national government"
    MULTILATERAL = "multilateral", "Multilateral group or body"
    COMPANY = "company", "Company"
    NONPROFIT = "nonprofit", "Non-profit"
    UNIVERSITY = "university", "University"
    MEDIA = "media", "Media"
    OTHER = "other", "Other"


class AliasKind(models.TextChoices):
    SHORT_FORM = "short", "Short form"
    ACRONYM = "acronym", "Acronym"
    FORMER_NAME = "former", "Former name"


class OrganizationQuerySet(models.QuerySet):
    def named(self, name: str) -> "OrganizationQuerySet":
        """Organizations called `name` by their name or an alias (typography and case aside)."""
        key = name_key(name)
        # The aliases' organizations read first (one indexed query), so that the OR is of two
        # indexed conditions: an OR across a join, or with a subquery, reads every
        # organization (milliseconds each time at 20,000, and the importer asks per file).
        aliased = OrganizationAlias.objects.filter(name_key=key).values_list(
            "organization_id", flat=True
        )
        return self.filter(Q(name_key=key) | Q(pk__in=list(aliased)))


class Organization(models.Model):
    name = models.CharField(max_length=300, help_text="The full, official name.")
    name_key = models.CharField(max_length=300, editable=False, db_index=True)
    slug = models.SlugField(max_length=300, unique=True)
    kind = models.CharField(max_length=20, choices=OrganizationKind, default=OrganizationKind.OTHER)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The organization this one is part of (an office inside a department).",
    )
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code of its country, if any."
    )
    website = WebURLField(blank=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="organization_not_own_parent")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name_key = name_key(self.name)
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(self, partial(super().save, *args, **kwargs), self.name)

    def get_absolute_url(self) -> str:
        return reverse("people:organization-detail", kwargs={"slug": self.slug})

    @property
    def name_with_article(self) -> str:
        """The name as it reads after "for": "the Department of State", "Acme Trading"."""
        return article_name(self.name, self.kind)


class OrganizationAlias(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    name_key = models.CharField(max_length=300, editable=False, db_index=True)
    kind = models.CharField(max_length=10, choices=AliasKind, default=AliasKind.SHORT_FORM)
    is_case_sensitive = models.BooleanField(
        default=False,
        help_text="Match only as written (acronyms such as EPA, so that “epa” is not a match).",
    )

    class Meta:
        verbose_name_plural = "organization aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="unique_alias_per_org")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


class PersonQuerySet(models.QuerySet):
    def named(self, name: str) -> "PersonQuerySet":
        return self.filter(name_key=name_key(name))


class Person(models.Model):
    full_name = models.CharField(max_length=200, help_text="As the person signs: “Thomas Pigott”.")
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    nickname = models.CharField(
        max_length=100, blank=True, help_text="The name they go by, if different: “Tommy”."
    )
    slug = models.SlugField(max_length=200, unique=True)
    bio = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs) -> None:
        self.name_key = name_key(self.full_name)
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(self, partial(super().save, *args, **kwargs), self.full_name)

    def get_absolute_url(self) -> str:
        return reverse("people:person-detail", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        """`Thomas "Tommy" Pigott` when a nickname is known, else the full name."""
        return display_name(self.full_name, self.nickname)


class RoleQuerySet(models.QuerySet):
    def current_first(self) -> "RoleQuerySet":
        """Roles still held first (no end date), then the most recently ended; newest first."""
        return self.order_by(F("ended_on").desc(nulls_first=True), "-pk")


class Role(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=300, help_text="As it was at the time: “Deputy Secretary”.")
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="roles",
        help_text="Leave empty for a title that names no organization (“President Jane Roe”).",
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True, help_text="Empty while the role is held.")

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["person__full_name", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="role_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.label}"

    @property
    def label(self) -> str:
        """“Principal Deputy Spokesperson for the Department of State”."""
        if self.organization_id is None:
            return self.title
        return f"{self.title} for {self.organization.name_with_article}"


def article_name(name: str, kind: str = "") -> str:
    """An organization's name as it reads after "for": "the Department of State", "the EPA",
    "Acme Trading", "the United States", "Uzbekistan"."""
    if name[:4].lower() == "the ":
        return name
    if kind == OrganizationKind.COMPANY:
        return name
    if kind == OrganizationKind.COUNTRY:
        plural = name.endswith("s") and not name.endswith(("ss", "us"))
        needs = name.startswith("United ") or "Republic" in name or plural
        return f"the {name}" if needs else name
    if name.endswith(("University", "College")) and " of " not in name:
        return name  # "Northern Arizona University"
    return f"the {name}"


class RegistryStamp(models.Model):
    """One row whose token changes whenever the registry does.

    Every process compares it with the token its suggestion engine was built from, so an alias
    added in the admin is used everywhere at once; a module global alone would go stale. A
    random token rather than a counter: a rolled-back transaction can never make an old value
    come back.
    """

    version = models.UUIDField(default=uuid.uuid4)
    # Whether this process read the stamp since it last moved it (see suggestions.registry_changed)
    read_since_bump = True

    def __str__(self) -> str:
        return f"registry version {self.version}"

    @classmethod
    def current(cls) -> str:
        RegistryStamp.read_since_bump = True
        return str(cls.objects.filter(pk=1).values_list("version", flat=True).first() or "")

    @classmethod
    def bump(cls) -> None:
        RegistryStamp.read_since_bump = False
        if not cls.objects.filter(pk=1).update(version=uuid.uuid4()):
            cls.objects.get_or_create(pk=1)
