"""Groups named in an unheaded second stub column under each measure, beside
columns of the occasions they were measured on ("Evaluation 1 | Evaluation 2"):
a row of the whole sample among the groups' rows ("Total (n = 20)"), and a
measure printed for the whole sample alone (its group cell blank) after the
groups' blocks, leave the column the groups'. Written here in an orthotics
house style."""

from table_helpers import read

_ROWS = [
    ["", "", "Evaluation 1", "Evaluation 2", "Evaluation 3", "Friedman χ²", "P"],
    ["Six-minute walk (m)", "Total (n = 20)", "312 [280, 350]", "330 [290, 371]",
     "341 [301, 380]", "9.1", "0.011"],
    ["Six-minute walk (m)", "Brace (n = 10)", "305 [271, 344]", "336 [298, 375]",
     "352 [310, 390]", "", ""],
    ["Six-minute walk (m)", "No brace (n = 10)", "318 [284, 356]", "325 [287, 366]",
     "330 [296, 371]", "", ""],
    ["Knee pain (0–10)", "Total (n = 20)", "5 [4, 6]", "4 [3, 5]", "3 [2, 5]", "12.4", "0.002"],
    ["Knee pain (0–10)", "Brace (n = 10)", "5 [4, 7]", "3 [2, 4]", "2 [1, 3]", "", ""],
    ["Knee pain (0–10)", "No brace (n = 10)", "5 [4, 6]", "5 [3, 6]", "4 [3, 6]", "", ""],
    ["Falls per month", "", "1.1 [0.5, 2.0]", "0.9 [0.4, 1.5]", "0.8 [0.3, 1.4]", "", ""],
]  # fmt: skip


def _is_arm(label: str) -> bool:
    return label.split(" (")[0] in ("Brace", "No brace")


def test_each_group_row_is_that_groups_value_at_each_occasion():
    got = read(_ROWS, "Table 2. Outcomes across the evaluations, median [IQR]", is_arm=_is_arm)
    facts = {(label, o.name, o.value, o.timepoint) for _r, o, label in got}
    assert ("Brace (n = 10)", "Six-minute walk (m)", 352.0, "Evaluation 3") in facts
    assert ("No brace (n = 10)", "Knee pain (0–10)", 4.0, "Evaluation 3") in facts
    assert ("Total (n = 20)", "Knee pain (0–10)", 3.0, "Evaluation 3") in facts
    assert {label for _r, _o, label in got} == {
        "Total (n = 20)",
        "Brace (n = 10)",
        "No brace (n = 10)",
        None,
    }
    # the whole sample's own measure, its group cell blank, is no group's
    assert (None, "Falls per month", 0.8, "Evaluation 3") in facts


def test_the_test_statistic_column_gives_no_value():
    got = read(_ROWS, "Table 2. Outcomes across the evaluations, median [IQR]", is_arm=_is_arm)
    assert not {o.value for _r, o, _label in got} & {9.1, 12.4}
