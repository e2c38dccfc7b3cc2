"""A registry load that wrote something queues a retag of the archive for the worker."""

from django.dispatch import receiver

from people.signals import registry_loaded


@receiver(registry_loaded)
def resuggest_after_registry_load(sender, **kwargs) -> None:
    from stories.ingest.tasks import resuggest_organizations  # the queue's code, on first use

    resuggest_organizations.enqueue()
