"""Rules, registered by code. Importing this package registers every rule module below."""
# Importing a module registers its rules (the order does not matter: every use sorts by code); a
# new rule module is added to this list.
from . import (
    contact,  # noqa: F401 (CT001-CT004)
    counterfeit,  # noqa: F401 (CF001-CF003)
    listing_text,  # noqa: F401 (LS000-LS009, AU001)
    marketplace,  # noqa: F401 (MP001-MP006)
    markup,  # noqa: F401 (HT001-HT002)
    patent,  # noqa: F401 (PT001)
    prohibited,  # noqa: F401 (PR001)
    region,  # noqa: F401 (RG001-RG007)
    register_marks,  # noqa: F401 (TM007, with --register)
    trademark,  # noqa: F401 (TM001-TM006)
)
from .base import REGISTRY, register

__all__ = ["REGISTRY", "register"]
