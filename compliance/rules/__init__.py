"""Rules, registered by code. Importing this package registers every rule module below."""
from .base import REGISTRY, register

# Importing a module registers its rules; a new rule module is added to this list.
from . import listing_text  # noqa: F401  LS000-LS009, AU001
from . import contact  # noqa: F401  CT001-CT004
from . import markup  # noqa: F401  HT001-HT002
from . import trademark  # noqa: F401  TM001-TM004, TM006
from . import counterfeit  # noqa: F401  CF001-CF002
from . import patent  # noqa: F401  PT001
from . import prohibited  # noqa: F401  PR001
from . import region  # noqa: F401  RG001-RG007
from . import marketplace  # noqa: F401  MP001-MP006

__all__ = ["REGISTRY", "register"]
