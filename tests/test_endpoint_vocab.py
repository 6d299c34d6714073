"""Endpoint synonyms of RECORD.md's newer keys (PR, DCR, PCR, TTP, DOR), on
sentences written in other house styles."""

from litkg.extractor.components.outcomes import find_outcomes


def _read(sent: str) -> set[tuple[str, str, float]]:
    return {(o.endpoint, o.statistic, o.value) for o in find_outcomes(sent)}


def test_partial_response_and_disease_control_rates():
    got = _read("A partial response was seen in 18% of the women; disease control rate was 71%.")
    assert ("PR", "rate", 18.0) in got
    assert ("DCR", "rate", 71.0) in got


def test_pathological_complete_response_is_not_plain_complete_response():
    got = _read("Pathological complete response was achieved in 23.5% of patients.")
    assert got == {("PCR", "rate", 23.5)}


def test_time_to_tumour_progression_and_duration_of_response_medians():
    got = _read(
        "Median time to tumour progression was 7.2 months and median duration of response was 11.0 months."
    )
    assert ("TTP", "median", 7.2) in got
    assert ("DOR", "median", 11.0) in got


def test_responded_is_an_objective_response():
    assert ("ORR", "rate", 44.0) in _read(
        "Twenty-two of the 50 men (44%) responded to the combination."
    )


def test_completed_treatment_as_planned():
    got = _read("Treatment was completed as planned in 81% of the children.")
    assert ("COMPLETION", "rate", 81.0) in got


def test_patients_who_responded_are_a_subset_not_a_response_rate():
    got = _read("Of the 9 men who responded, 6 (66.7%) responded within the first 8 weeks.")
    assert not any(e == "ORR" for e, _, _ in got)
