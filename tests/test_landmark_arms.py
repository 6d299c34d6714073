"""One arm's rates at several landmarks, listed before the arm's name ("The 1-,
2- and 3-year rates were a%, b%, and c% in group X and ..."), are that arm's:
a paper in plain text with Markdown headings, in a house style of its own."""

from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import extract_record

PAPER = """# Acupuncture versus sham for chronic neck pain: a randomised trial

# Methods

Eighty adults were randomly assigned to the acupuncture group (n = 40) or the sham group (n = 40).

# Results

The 6-, 12-, and 24-month overall survival rates were 97.5%, 95.0%, and 90.0% in the acupuncture group and 100%, 92.5%, and 87.5% in the sham group.
"""


def test_landmark_list_values_take_the_arm_named_after_them(tmp_path):
    f = tmp_path / "neck_trial.txt"
    f.write_text(PAPER, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    got = {(o["value"], o["timepoint_months"], o["arm"]) for o in rec["outcomes"]}
    assert got >= {
        (97.5, 6.0, "intervention"),
        (95.0, 12.0, "intervention"),
        (90.0, 24.0, "intervention"),
        (100.0, 6.0, "control"),
        (92.5, 12.0, "control"),
        (87.5, 24.0, "control"),
    }
