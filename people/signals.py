"""Any change to the registry moves its version stamp on, so suggestion engines rebuild;
a registry load that wrote something says so (`registry_loaded`) for whoever follows it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from people import suggestions
from people.models import Organization, OrganizationAlias, Person, Role

# Sent once a load_registry that wrote something has committed; `report` is its RegistryReport.
registry_loaded = Signal()


@receiver([post_save, post_delete], sender=Organization)
@receiver([post_save, post_delete], sender=OrganizationAlias)
@receiver([post_save, post_delete], sender=Person)
@receiver([post_save, post_delete], sender=Role)
def registry_changed(sender, **kwargs) -> None:
    suggestions.registry_changed()
