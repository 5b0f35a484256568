"""YAML data files (platform packs, cue patterns) read with libyaml's C parser when present."""
from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same safe subset, several times faster


def load_yaml(text: str):
    return yaml.load(text, Loader=_LOADER)
