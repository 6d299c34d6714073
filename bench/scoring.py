"""Field comparison as ../shared/eval/score.py does it, for the bench scripts."""

from __future__ import annotations

import re
import unicodedata


def fold(text: object) -> str:
    """Case-folded, diacritics removed, white space collapsed (as score.py)."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).strip().lower()


def compact(text: object) -> str:
    """`fold` without dots, dashes and spaces (as score.py for journals)."""
    return re.sub(r"[\s.\-]", "", fold(text))


def field_ok(field: str, gold: object, pred: object) -> bool:
    """Whether a predicted reference field matches the expected one."""
    if field == "journal":
        return compact(gold) == compact(pred)
    return fold(gold) == fold(pred)
