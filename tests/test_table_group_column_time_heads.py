"""Arms printed in a second stub column, one row each under every measure, with
time points and their statistic as the column heads ("Pre-test Mean±SD |
Post-test Mean±SD"), a row of the groups' test among the groups' rows ("Between
groups: P") and a test's p glued to its name ("Paired t-testP value"). Each arm's
cell is read at its column's time; the test row and the p column give no arm's
value. Tables written in physiotherapy-education and sleep-clinic house styles."""

from table_helpers import read, table

from litkg.extractor.components.unkeyed_tables import _is_p_column
from litkg.extractor.tables import read_table

_ARMS = {"Coached group", "Leaflet group"}


def _is_arm(label: str) -> bool:
    return label.strip() in _ARMS


def test_arms_in_a_stub_column_under_time_heads_are_read_at_their_times():
    rows = [
        ["Measure and group", "", "Pre-test Mean±SD", "Post-test Mean±SD", "Wilcoxon testP value"],
        ["Sleep efficiency (%)", "Coached group", "71.2±8.0", "84.5±6.1", "0.002"],
        ["Sleep efficiency (%)", "Leaflet group", "70.8±7.7", "73.0±7.9", "0.310"],
        ["Sleep efficiency (%)", "Between groups: P", "0.801", "0.001", ""],
        ["Sleep latency (min)", "Coached group", "38.1±9.2", "21.4±8.8", "0.001"],
        ["Sleep latency (min)", "Leaflet group", "37.5±9.9", "34.9±9.0", "0.210"],
        ["Sleep latency (min)", "Between groups: P", "0.770", "0.002", ""],
    ]
    got = read(rows, "Table 2. Sleep outcomes of the two groups", is_arm=_is_arm)
    values = {(label, o.name, o.value, o.timepoint) for _r, o, label in got if not o.comparator}
    assert ("Coached group", "Sleep efficiency", 84.5, "Post-test") in values
    assert ("Leaflet group", "Sleep latency (min)", 37.5, "Pre-test") in values
    assert {label for label, *_x in values} == _ARMS  # no "Between groups: P" row, no p column
    assert not {v for _l, _n, v, _t in values} & {0.002, 0.31, 0.801, 0.77}


def test_a_p_glued_to_its_tests_name_is_a_p_column_but_a_follow_up_value_is_not():
    rows = [
        ["Outcome", "Splint Follow-up value", "Sham Follow-up value", "Paired t-testP value"],
        ["Grip (kg)", "24.1", "21.0", "0.04"],
    ]
    cols = read_table(table(rows, "Table 3. Grip")).columns
    assert [_is_p_column(c) for c in cols] == [False, False, True]
