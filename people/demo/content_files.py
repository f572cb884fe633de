"""The demo's content as data files: every app keeps its demo content in a YAML file
beside its demo loader (`courses/demo/content.yaml`, `phrases/demo/content.yaml`), and
this one function reads them all."""

from functools import lru_cache
from pathlib import Path

import yaml


@lru_cache(maxsize=8)
def read_demo_content(path: Path | str) -> dict | None:
    """The mapping in the YAML file at `path`, or None when there is no such file.
    Read once per process (the hyte card reads its tips on every request)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return yaml.safe_load(text) or {}
