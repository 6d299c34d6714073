"""Groups named by a range of designators ("groups 1 to 3", "arms A-C",
"groups I–III") with 'respectively' lists (dental, physiotherapy and
anaesthesia house styles written for these tests)."""

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver
from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence
from litkg.extractor.mentions import designator_range


def _read(sent: str):
    return [
        (m.outcome.name, m.outcome.value, m.arm_label) for m in unkeyed_from_sentence(sent, None)
    ]


def test_ranges_expand_in_order():
    assert [lab for lab, _ in designator_range("plaque scores in groups 1 to 3")] == [
        "group 1",
        "group 2",
        "group 3",
    ]
    assert [lab for lab, _ in designator_range("for arms A-C")] == ["arm A", "arm B", "arm C"]
    assert [lab for lab, _ in designator_range("in groups II–IV")] == [
        "group II",
        "group III",
        "group IV",
    ]


def test_what_is_no_range():
    assert designator_range("groups 1-2.5 mg/kg") == []  # a dose range
    assert designator_range("groups C-A") == []
    assert designator_range("in both groups at 1-3 months") == []


def test_values_of_a_range_respectively():
    got = _read(
        "Mean gingival index in groups I–III was 1.42 ± 0.3, 1.10 ± 0.2 and 0.86 ± 0.2, respectively."
    )
    assert got == [
        ("gingival index", 1.42, "group I"),
        ("gingival index", 1.1, "group II"),
        ("gingival index", 0.86, "group III"),
    ]


def test_range_after_the_values():
    got = _read("Adherence was 48%, 61% and 77% in arms A to C, respectively.")
    assert [(v, a) for _, v, a in got] == [(48.0, "arm A"), (61.0, "arm B"), (77.0, "arm C")]
    res = ArmResolver(
        [
            ArmName("Arm A", "control"),
            ArmName("Arm B", "intervention"),
            ArmName("Arm C", "intervention"),
        ]
    )
    assert [res.index_of(a) for _, _, a in got] == [0, 1, 2]


def test_two_designators_named_after_the_measure():
    got = _read(
        "Mean VAS scores in groups 1 and 2 were 3.4 ± 1.2 and 2.1 ± 0.9, respectively (P = 0.01)."
    )
    assert [(n, v) for n, v, _ in got] == [("VAS scores", 3.4), ("VAS scores", 2.1)]
    assert [a for *_, a in got] == ["arm 1", "arm 2"]
