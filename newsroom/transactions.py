"""Once per transaction: whether a callback is already waiting for the transaction's commit.

Used as a mark for work that a transaction needs once however many rows it changes (the page
generation, the registry's version stamp): the mark goes away with a savepoint rolled back, so
the work is done again when what it covered is undone.
"""

from collections.abc import Callable

from django.db import transaction


def pending_in_transaction(callback: Callable[[], None]) -> bool:
    """Whether `callback` is registered with on_commit in the current transaction."""
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        func is callback for _, func, _ in connection.run_on_commit
    )
