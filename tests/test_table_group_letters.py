"""A second stub column naming each row's group by the letter the paper gives
its arms ("A", "B" for "Group A", "Group B"), under a label of its own
("Approach", "Technique"), beside "Mean | SD" columns: written here in an
orthopaedic and a dental house style."""

from table_helpers import read

_ARMS = {"a": "Group A", "b": "Group B", "group a": "Group A", "group b": "Group B"}


def _is_arm(label: str) -> bool:
    return label.strip().lower() in _ARMS


def _facts(rows, caption, is_arm=_is_arm):
    return [
        (label, o.name, o.statistic, o.value, o.dispersion.kind if o.dispersion else None)
        for _r, o, label in read(rows, caption, is_arm=is_arm)
    ]


_ROWS = [
    ["Measure", "Approach", "Mean", "SD", "t", "P"],
    ["Blood loss (ml)", "A", "212.4", "40.2", "-4.11", "<0.001"],
    ["Blood loss (ml)", "B", "268.9", "51.7", "-4.11", "<0.001"],
    ["Operating time (min)", "A", "71.5", "10.3", "-2.02", "0.046"],
    ["Operating time (min)", "B", "76.2", "12.8", "-2.02", "0.046"],
]


def test_letters_naming_the_arms_give_each_rows_group():
    got = _facts(_ROWS, "Table 2. Perioperative results by approach")
    assert ("A", "Blood loss (ml)", "mean", 212.4, "sd") in got
    assert ("B", "Blood loss (ml)", "mean", 268.9, "sd") in got  # "B" is the arm, no coefficient
    assert ("B", "Operating time (min)", "mean", 76.2, "sd") in got
    assert len(got) == 4  # the t and P columns give no arm's value


def test_letters_the_paper_does_not_name_as_arms_give_nothing():
    got = _facts(_ROWS, "Table 2. Perioperative results by approach", is_arm=lambda _l: False)
    assert got == []
