"""The loose reading of a sentence's group label (`ArmResolver.role_of_group`):
the role the label's arms share, or the one arm whose name it abbreviates
(arm names composed for these tests)."""

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver


def test_an_abbreviation_of_one_arms_name():
    res = ArmResolver(
        [ArmName("Mindfulness training group", "intervention"), ArmName("Waiting list", "control")]
    )
    assert res.role_of("MT") is None  # the strict reading does not know it
    assert res.role_of_group("MT") == "intervention"
    assert res.role_of_group("WL") == "control"
    assert res.role_of_group("XR") is None


def test_the_abbreviation_that_fits_best():
    res = ArmResolver(
        [ArmName("subcutaneous heparin", "intervention"), ArmName("subcutaneous saline", "control")]
    )
    # "SH" starts both words of the first name, only the first word of the second
    assert res.role_of_group("SH") == "intervention"
    assert res.role_of_group("SS") == "control"


def test_an_abbreviation_two_names_fit_alike_names_none():
    res = ArmResolver([ArmName("Doxepin", "intervention"), ArmName("Desloratadine", "control")])
    assert res.role_of_group("DX") == "intervention"  # no x in the second name
    assert res.role_of_group("DN") is None  # d..n fits both names alike


def test_a_label_several_arms_share_by_role():
    res = ArmResolver(
        [
            ArmName("Younger cohort zinc syrup", "intervention"),
            ArmName("Younger cohort placebo syrup", "control"),
            ArmName("Older cohort zinc syrup", "intervention"),
            ArmName("Older cohort placebo syrup", "control"),
        ]
    )
    assert res.role_of("zinc syrup") is None  # two arms
    assert res.role_of_group("zinc syrup") == "intervention"
    assert res.role_of_group("syrup") is None  # every arm, both roles


def test_abbreviations_fitting_arms_of_one_role_alike():
    res = ArmResolver(
        [
            ArmName("Walking", "intervention"),
            ArmName("Walking and Behavioural support", "intervention"),
            ArmName("Self-directed control", "control"),
        ]
    )
    assert res.role_of_group("WK") == "intervention"  # both walking arms fit alike
    assert res.role_of_group("WB") == "intervention"


def test_a_label_writing_out_an_arm_named_by_its_abbreviation():
    res = ArmResolver([ArmName("TXA", "intervention"), ArmName("Saline", "control")])
    assert res.role_of("tranexamic acid") is None
    assert res.role_of_group("tranexamic acid") == "intervention"
    assert res.role_of_group("topical heparin") is None  # t..x..a: no x
