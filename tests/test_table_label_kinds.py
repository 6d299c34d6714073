"""Column labels the readers would give as an arm's that name none: a time
point printed with its statistic ("Mean pre-test", "Mean ± SD (After)"), a
p-value's column whose note mark stuck to it ("P-valuea)"), a regression
coefficient ("b (SE)"). Written in nursing-education, nutrition and
health-services house styles."""

from table_helpers import read

from litkg.extractor.components.unkeyed_tables import _label_kind


def _facts(rows, caption, header_rows=1):
    return [
        (r, label, o.name, o.statistic, o.value, o.timepoint_months)
        for r, o, label in read(rows, caption, header_rows=header_rows)
    ]


def test_label_kinds():
    assert _label_kind("Mean pre-test") == "time"
    assert _label_kind("Mean ± SD (After)") == "time"
    assert _label_kind("Median (IQR) post-intervention") == "time"
    assert _label_kind("P-valueb)") == "none"
    assert _label_kind("b (SE)") == "none"
    assert _label_kind("Self-efficacy β (SE)") == "none"
    assert _label_kind("Mean (SD)") == "none"
    assert _label_kind("No./Total") == "none"
    assert _label_kind("n (%)") == "none"
    assert _label_kind("Between groups (yoga and waitlist)") == "none"
    assert _label_kind("Mean difference") == "none"
    for arm in ("Placebo", "Yoga (n = 24)", "Group B", "CBT mean (SD)", "Week 12", "Post-test"):
        assert _label_kind(arm) == "arm", arm


def test_a_time_point_with_its_statistic_is_no_arm():
    got = _facts(
        [
            ["Knowledge domain", "Mean pre-test", "Mean post-test", "t", "p"],
            ["Hand hygiene", "6.1", "8.4", "5.2", "<0.001"],
            ["Sharps safety", "5.3", "7.9", "4.8", "<0.001"],
        ],
        "Table 2. Knowledge scores of the nursing students before and after the course",
    )  # fmt: skip
    assert all(label is None for _r, label, *_x in got)  # one group's values, no arm's
