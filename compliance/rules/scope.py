"""Where a blocklist entry counts: the run's targets whose platform and region it covers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..regions import region_covers


@dataclass(frozen=True)
class RunScope:
    """What every detection rule needs to know about the run: its targets and its date."""

    targets: tuple  # of compliance.platforms.Target
    as_of: dt.date

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.targets)

    def platforms_for(self, entry) -> tuple[str, ...]:
        """``PLATFORM:REGION`` keys on which ``entry`` applies (none when expired)."""
        if entry.expires is not None and self.as_of > entry.expires:
            return ()
        return tuple(t.key for t in self.targets
                     if (not entry.platforms or t.platform.name in entry.platforms)
                     and region_covers(entry.regions, t.region))
