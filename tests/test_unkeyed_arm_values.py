"""Values stated with or for an arm in one sentence (nutrition, anaesthesia and
pharmacology house styles written for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms=()):
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, list(arms))
    ]


def test_people_who_had_a_change_in_a_measure_versus_control():
    sent = (
        "Patients treated with zinc had a smaller fall in hemoglobin "
        "(mean -0.31 g/dL [95% CI -0.45 to -0.17]) versus control "
        "(mean -0.62 g/dL [95% CI -0.80 to -0.44]; P = 0.01)."
    )
    assert _read(sent, ["zinc", "control"]) == [
        ("fall in hemoglobin", "mean", -0.31, "zinc"),
        ("fall in hemoglobin", "mean", -0.62, "control"),
    ]
    got = unkeyed_from_sentence(sent, None, ["zinc", "control"])
    assert [m.outcome.ci for m in got] == [(-0.45, -0.17), (-0.8, -0.44)]


def test_compared_with_control_is_the_control_not_the_arm_named_before():
    sent = (
        "Children given zinc showed a greater gain in weight at 6 months "
        "(mean 1.9 kg [95% CI 1.5-2.3]) compared with control (mean 1.2 kg [95% CI 0.9-1.5])."
    )
    assert [a for *_, a in _read(sent, ["zinc", "control"])] == ["zinc", "control"]


def test_rates_with_each_arm():
    assert _read(
        "Wound infection occurred in 31% (95% CI 25%-37%) with zinc and 12% (95% CI 8%-16%) with control.",
        ["zinc", "control"],
    ) == [
        ("Wound infection", "rate", 31.0, "zinc"),
        ("Wound infection", "rate", 12.0, "control"),
    ]


def test_designator_before_each_value():
    assert _read("Pain scores were group T 3.2 ± 1.1 vs group C 4.5 ± 1.3.") == [
        ("Pain scores", "mean", 3.2, "group T"),
        ("Pain scores", "mean", 4.5, "group C"),
    ]
    got = _read(
        "Mean arterial pressure at intubation was group A: 92 ± 9 mmHg, group B: 104 ± 11 mmHg (P < 0.01)."
    )
    assert [(v, a) for _, _, v, a in got] == [(92.0, "group A"), (104.0, "group B")]


def test_labelled_list_in_one_parenthesis():
    arms = ["DX40 group", "DX80 group", "placebo group"]
    got = _read(
        "At week 8, serum IL-6 was lower in both active groups "
        "(DX40: 12.1 ± 3.0; DX80: 11.4 ± 2.9; placebo: 15.2 ± 3.3; P = 0.01).",
        arms,
    )
    assert got == [
        ("serum IL-6", "mean", 12.1, "DX40"),
        ("serum IL-6", "mean", 11.4, "DX80"),
        ("serum IL-6", "mean", 15.2, "placebo"),
    ]


def test_arm_sizes_in_a_labelled_list_are_no_result():
    assert (
        _read(
            "Retention was higher with DX40 (DX40: n = 48; DX80: n = 40; placebo: n = 35).",
            ["DX40 group", "DX80 group", "placebo group"],
        )
        == []
    )


def test_a_baseline_characteristic_in_a_labelled_list_is_no_result():
    arms = ["MPS", "Placebo"]
    assert (
        _read(
            "There were no differences between the groups with respect to age "
            "(MPS: 50.2 ± 12 years; placebo: 46.9 ± 9 years; P = 0.2).",
            arms,
        )
        == []
    )
    assert (
        _read("The groups were similar (MPS: 50.2 ± 12; placebo: 46.9 ± 9; P = 0.2).", arms) == []
    )


def test_compared_with_usual_care_names_no_group_of_a_value_before_it():
    got = unkeyed_from_sentence(
        "The curve showed a probability of 89% that the program was cost-effective compared with "
        "usual care and decreased thereafter.",
        None,
        ["program", "usual care"],
    )
    assert [m.arm_label for m in got] == [None] * len(got)


def test_a_numbered_group_is_no_percentage():
    from litkg.extractor.mentions import arm_cues

    assert [c.label for c in arm_cues("(placebo group 16%, active group 34%)")] == []
    assert [c.label for c in arm_cues("in group 2 and in cohort 3")] == ["group 2", "cohort 3"]


def test_people_scoring_lower_name_the_measure_of_a_labelled_list():
    got = _read(
        "Women given MPS achieved significantly lower anxiety scores on the Hamilton scale at week 6 "
        "(F (1,40) = 6.1, P = 0.01; MPS: 11.2 ± 4.0; placebo: 15.9 ± 5.1).",
        ["MPS", "Placebo"],
    )
    assert got == [
        ("anxiety scores on the Hamilton scale", "mean", 11.2, "MPS"),
        ("anxiety scores on the Hamilton scale", "mean", 15.9, "placebo"),
    ]


def test_a_median_with_its_interval_before_the_unit():
    got = unkeyed_from_sentence(
        "Median serum calcidiol was 61.5 (44.0, 80.2) nmol/l in the vitamin D arm and "
        "38.1 (25.3, 52.0) nmol/l in the placebo arm.",
        None,
        ["vitamin D", "placebo"],
    )
    assert [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.outcome.unit, m.arm_label)
        for m in got
    ] == [
        ("serum calcidiol", "median", 61.5, "nmol/l", "vitamin D"),
        ("serum calcidiol", "median", 38.1, "nmol/l", "placebo"),
    ]


def test_a_median_with_its_iqr_after_a_time_point():
    got = unkeyed_from_sentence(
        "Median serum calcidiol at 12 weeks was 61.5 nmol/l (IQR 44.0-80.2) in the vitamin D arm "
        "and 38.1 nmol/l (IQR 25.3-52.0) in the placebo arm.",
        None,
        ["vitamin D", "placebo"],
    )
    assert [(m.outcome.value, m.outcome.dispersion.value, m.arm_label) for m in got] == [
        (61.5, (44.0, 80.2), "vitamin D"),
        (38.1, (25.3, 52.0), "placebo"),
    ]
    assert {m.outcome.name for m in got} == {"serum calcidiol"}


def test_a_rate_per_person_time():
    got = _read(
        "The rate of falls was 12.4 per 10,000 person-days in the vitamin D arm and "
        "18.9 per 10,000 person-days in the placebo arm.",
        ["vitamin D", "placebo"],
    )
    assert got == [
        ("rate of falls", "rate", 12.4, "vitamin D"),
        ("rate of falls", "rate", 18.9, "placebo"),
    ]


def test_a_time_point_is_no_name():
    got = unkeyed_from_sentence(
        "Median serum 25(OH)D at 12 weeks was 61.5 (44.0, 80.2) nmol/l in the vitamin D arm.",
        None,
        ["vitamin D", "placebo"],
    )
    assert all(m.outcome.name is None or "12 weeks" not in m.outcome.name for m in got)


def test_respectively_with_one_group_of_a_pair_named_leaves_the_arms_open():
    got = unkeyed_from_sentence(
        "The median change in girth during sertraline vs placebo was 2 (1; 4) cm vs −1 (−3; 0) cm, "
        "respectively, P = 0.01.",
        None,
        ["Sertraline", "Placebo"],
    )
    assert [m.arm_label for m in got] == [None] * len(got)


def test_a_clause_ending_in_mean_is_no_name():
    got = unkeyed_from_sentence(
        "These women had a mean of 0.6 ± 0.7 (range: 0–3), 1.2 ± 0.5 (0–3), and 1.3 ± 0.4 (1–3) visits."
    )
    assert all(m.outcome.name is None or not m.outcome.name.endswith("mean") for m in got)
