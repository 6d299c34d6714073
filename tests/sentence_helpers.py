"""Reading a sentence written in a test: the one call the sentence-value tests share."""

from __future__ import annotations

from litkg.extractor.components.arm_resolver import ArmResolver
from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def read_sentence(sent: str, resolver: ArmResolver | None = None) -> list:
    """The results the sentence reader gives for `sent`, with the arms of
    `resolver` (their names and where the sentence mentions them) as its cues;
    no arms when `resolver` is None."""
    spans = [(m.start, m.end) for m in resolver.mentions(sent)] if resolver else []
    names = [a.label for a in resolver.arms] if resolver else []
    return unkeyed_from_sentence(sent, None, names, spans)
