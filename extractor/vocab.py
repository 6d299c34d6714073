"""Vocabularies shipped as data in `litkg.ontology/vocab/*.json`."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load_vocab(name: str) -> dict[str, Any]:
    """Parse `ontology/vocab/<name>.json` ("endpoints" or "endpoints.json"; cached,
    the files are read-only data)."""
    path = files("litkg.ontology") / "vocab" / f"{name.removesuffix('.json')}.json"
    return json.loads(path.read_text(encoding="utf-8"))
