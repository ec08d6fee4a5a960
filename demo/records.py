"""The demo's data: YAML records in demo/data/, one file per kind of thing."""

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


@cache
def load(name):
    """The parsed contents of demo/data/<name>.yaml (read once per process)."""
    with open(DATA / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def apply_changes(text, changes):
    """Apply [{replace: old, with: new}, ...] in order. A change whose text is not there is a
    mistake in the data, so it stops the load rather than leaving the change out."""
    for change in changes:
        if change["replace"] not in text:
            raise ValueError(f"Demo data: {change['replace']!r} is not in the text it changes")
        text = text.replace(change["replace"], change["with"])
    return text
