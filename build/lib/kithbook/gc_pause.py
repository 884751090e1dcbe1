"""The one home for pausing Python's cycle collector while Kithbook builds or holds a network.

A network is many thousands of small objects in no cycle: the collector only re-scans them. The
loader pauses it while parsing (5x faster), `kith due` while computing, `kith import` while the
loaded network sits in memory.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def garbage_collector_paused() -> Iterator[None]:
    """Parsing allocates many small objects and no cycles; the cycle collector only slows it (5x).

    On the way out, what was made moves straight to the collector's oldest generation (freeze, then
    unfreeze): left young, the first collection after `gc.enable()` would walk all of it (~0.2 s
    for 10,000 contacts). It stays collectable, at the next full collection. When a caller has
    frozen objects of its own (`garbage_collector_frozen`), they stay frozen too, and its unfreeze
    thaws both.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            caller_froze = gc.get_freeze_count() > 0
            gc.freeze()
            if not caller_froze:
                gc.unfreeze()
            gc.enable()


@contextmanager
def garbage_collector_frozen() -> Iterator[None]:
    """Keep the cycle collector off everything allocated so far (a loaded network) until the end:
    each full collection of a long command (`kith import`) would scan it again (~10%)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
