"""The literal gates of `mentions.arm_cues` skip only sentences that no cue
can match: with and without them, the cues found are the same."""

from __future__ import annotations

import pytest

from litkg.extractor import mentions

SENTENCES = [
    "Pain fell more in the lidocaine group (2.1 ± 0.4) than in the saline group (3.5 ± 0.6).",
    "Group B+D had a response rate of 41% versus 22% in Arm A.",
    "Relapse occurred in 12 controls and in 4 placebo recipients.",
    "Median survival was 14.2 months (erlotinib arm) and 11.0 months (placebo).",
    "Adherence was high (comparison group, 91.5%; intervention group: 94.0%).",
    "Nausea affected 16% of treatment and 11% of the control group.",
    "Scores rose for the intervention and fell in control.",
    "between the yoga (12.1 ± 3.0) and the stretching (14.2 ± 2.9) groups",
    "Reaction times were shorter in the caffeine condition than under the placebo condition.",
    "Mean HbA1c was 7.1% in the \u017fham arm and 7.4% in usual care.",
    "The COHORT 2 patients and the GROUPS of the study were analysed.",
    "No differences were seen at 12 weeks (p = 0.41).",
    "",
]


def _ungated(monkeypatch: pytest.MonkeyPatch, sent: str) -> list[mentions.Mention]:
    with monkeypatch.context() as m:
        m.setattr(mentions, "_ARM_CUE_NEEDLES", (None,) * len(mentions._ARM_CUE_RES))
        return mentions.arm_cues(sent)


@pytest.mark.parametrize("sent", SENTENCES)
def test_gates_change_no_cue(monkeypatch: pytest.MonkeyPatch, sent: str) -> None:
    assert mentions.arm_cues(sent) == _ungated(monkeypatch, sent)


def test_gated_sentences_still_give_cues() -> None:
    labels = {m.label for s in SENTENCES for m in mentions.arm_cues(s)}
    assert {"lidocaine", "placebo", "caffeine", "yoga"} <= labels


def test_one_gate_per_cue() -> None:
    assert len(mentions._ARM_CUE_NEEDLES) == len(mentions._ARM_CUE_RES)
