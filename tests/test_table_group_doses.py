"""Dose groups named in a second stub column ("Placebo | 10 mg | 20 mg" under each
measure), headed "Dose" or not headed at all: the unit after the number names the
group, it is no note mark, and each row is its dose group's. Written here in a
pharmacology and an anaesthesia house style."""

from table_helpers import read

_DOSES = {"Placebo", "10 mg", "20 mg"}


def _is_arm(label: str) -> bool:
    return label in _DOSES


def test_unheaded_dose_column_under_occasion_heads_gives_each_dose_its_values():
    got = read(
        [
            ["Test", "Predose score", "", "Postdose score", ""],
            ["", "", "", "4 weeks", "8 weeks"],
            ["Reaction time (ms)", "Placebo", "512 ± 40", "505 ± 38", "498 ± 41"],
            ["Reaction time (ms)", "10 mg", "509 ± 44", "490 ± 39", "472 ± 35"],
            ["Reaction time (ms)", "20 mg", "515 ± 37", "481 ± 36", "455 ± 33"],
            ["Errors per test", "Placebo", "6.1 ± 2.0", "5.9 ± 2.1", "5.7 ± 1.8"],
            ["Errors per test", "10 mg", "6.3 ± 2.2", "5.2 ± 1.9", "4.8 ± 1.7"],
            ["Errors per test", "20 mg", "6.0 ± 1.9", "4.9 ± 1.6", "4.1 ± 1.5"],
        ],
        "Table 2. Effect of the extract on cognitive tests",
        header_rows=2,
        is_arm=_is_arm,
    )
    at_8 = {(label, o.name, o.value) for _r, o, label in got if o.timepoint == "8 weeks"}
    assert ("20 mg", "Reaction time (ms)", 455.0) in at_8
    assert ("10 mg", "Errors per test", 4.8) in at_8
    assert ("Placebo", "Errors per test", 5.7) in at_8
    assert {label for _r, _o, label in got} == {"Placebo", "10 mg", "20 mg"}


def test_a_column_headed_dose_names_each_rows_group():
    got = read(
        [
            ["Variable", "Dose", "Before induction", "5 min after induction"],
            ["Heart rate (bpm)", "25 mg", "82 ± 9", "74 ± 8"],
            ["", "50 mg", "80 ± 10", "69 ± 7"],
            ["MAP (mmHg)", "25 mg", "94 ± 11", "86 ± 9"],
            ["", "50 mg", "95 ± 10", "81 ± 8"],
        ],
        "Table 3. Haemodynamic changes with the two doses",
    )
    after = {(label, o.name, o.value) for _r, o, label in got if o.timepoint_months != 0.0}
    assert after == {
        ("25 mg", "Heart rate (bpm)", 74.0),
        ("50 mg", "Heart rate (bpm)", 69.0),
        ("25 mg", "MAP (mmHg)", 86.0),
        ("50 mg", "MAP (mmHg)", 81.0),
    }
