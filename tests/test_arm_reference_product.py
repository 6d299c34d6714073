"""The reference product of a bioequivalence or biosimilar trial is its
comparator, whichever of the two the paper prints first ("the reference brand
or the test formulation"; "originator" and "innovator" say the same)."""

from __future__ import annotations

from litkg.extractor.components.arm_resolver import assign_roles


def test_the_reference_product_is_the_control_printed_first_or_second() -> None:
    assert assign_roles(["reference tablet (R)", "test tablet (T)"]) == ["control", "intervention"]
    assert assign_roles(["Test capsule", "Reference capsule"]) == ["intervention", "control"]
    assert assign_roles(["originator etanercept", "biosimilar etanercept"]) == [
        "control",
        "intervention",
    ]
    assert assign_roles(["innovator suspension", "generic suspension"]) == [
        "control",
        "intervention",
    ]


def test_a_value_stated_for_the_test_product_is_the_intervention_arms() -> None:
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import extract_record

    text = (
        "# Two losartan tablets compared in fasting volunteers\n\n## Methods\n\n"
        "Thirty men were randomly assigned to receive the reference brand (n = 15) or the test "
        "formulation (n = 15) in period one, and the other product after a washout.\n\n"
        "## Results\n\n"
        "The mean Cmax was 412.5 ng/mL with the test formulation and 398.1 ng/mL with the reference "
        "brand.\n"
    )
    rec = extract_record(parse_text(text, doc_id="be")).to_record()
    roles = {a["label"]: a["role"] for a in rec["arms"]}
    assert roles == {"reference brand": "control", "test formulation": "intervention"}
    values = {o["value"]: o["arm"] for o in rec["outcomes"] if o.get("name") == "Cmax"}
    assert values == {412.5: "intervention", 398.1: "control"}
