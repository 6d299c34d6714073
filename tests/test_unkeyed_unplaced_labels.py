"""In a trial of two arms, a sentence's group label that names neither arm
("the high-anxiety group") gives its value no arm, not the intervention by
default; a label that names the treated arm by its role ("the treatment
group") still does (a dental-anxiety trial written for this test)."""

from litkg.extractor.components.unkeyed_roles import names_intervention_role
from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import extract_record

TRIAL = """\
Music versus silence during dental extraction: a randomised trial

# Methods

Eighty adults were randomized to the music group (n = 40) or the silence group (n = 40).

# Results

The mean heart rate was 78 ± 9 bpm in the music group and 86 ± 10 bpm in the silence group.
Mean cortisol was 14.2 ± 3.1 nmol/L in the high-anxiety group.
Mean salivary amylase was 61.5 ± 12.0 U/mL in the treatment group.
"""


def test_a_label_naming_no_arm_gives_no_arm(tmp_path):
    f = tmp_path / "music.txt"
    f.write_text(TRIAL, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    arms = {o["value"]: o["arm"] for o in rec["outcomes"] if o["endpoint"] is None}
    assert arms[78.0] == "intervention" and arms[86.0] == "control"
    assert arms.get(14.2) is None  # "the high-anxiety group" is neither arm
    assert arms[61.5] == "intervention"  # "the treatment group": the treated arm by its role


def test_role_words():
    assert names_intervention_role("treatment")
    assert names_intervention_role("the experimental arm")
    assert not names_intervention_role("high-anxiety")
    assert not names_intervention_role("treatment-naive")


def test_role_words_in_a_row():
    assert names_intervention_role("active treatment")
    assert names_intervention_role("the active-treatment arm")
