"""The installed distribution holds every package of the checkout.

The top-level folders are mapped under the `litkg` namespace by an explicit
package list in pyproject.toml; a sub-package missing from that list still
imports in an editable install (the tests' one) but not in a wheel, where a
build failed at its end with ModuleNotFoundError.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_in_the_distribution() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        "litkg." + ".".join(init.parent.relative_to(REPO).parts)
        for top in ("extractor", "kg", "ontology")
        for init in (REPO / top).rglob("__init__.py")
    }
    assert found, "no package folder found"
    assert found - listed == set(), "add these to [tool.setuptools] packages"
