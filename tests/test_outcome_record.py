"""The record shape of results outside the endpoint keys (RECORD.md)."""

from litkg.extractor.records import Dispersion, Outcome, Provenance, Study, StudyRecord
from litkg.kg.records_io import record_from_dict

QUOTE = "Mean systolic blood pressure fell to 128.4 ± 11.2 mmHg with the diuretic."


def _record() -> StudyRecord:
    prov = Provenance("bp_trial", 0, len(QUOTE), QUOTE, "test")
    sbp = Outcome(
        endpoint=None,
        statistic="mean",
        value=128.4,
        unit="mmHg",
        arm="intervention",
        provenance=prov,
        name="systolic blood pressure",
        dispersion=Dispersion("sd", 11.2),
        n=212,
        timepoint="at 12 weeks",
        timepoint_months=2.8,
        primary=True,
    )
    os_ = Outcome("OS", "rate", 91.0, "%", 12, "intervention", provenance=prov)
    return StudyRecord("bp_trial", Study(), outcomes=(os_,), other_outcomes=(sbp,))


def test_unkeyed_outcome_is_listed_with_endpoint_null_and_its_fields():
    rec = _record().to_record()
    keyed, unkeyed = rec["outcomes"]
    assert keyed["endpoint"] == "OS" and "name" not in keyed
    assert unkeyed["endpoint"] is None
    assert unkeyed["name"] == "systolic blood pressure"
    assert unkeyed["dispersion"] == {"kind": "sd", "value": 11.2}
    assert (unkeyed["n"], unkeyed["primary"], unkeyed["timepoint"]) == (212, True, "at 12 weeks")
    assert unkeyed["evidence"] == QUOTE


def test_record_form_round_trips_unkeyed_outcomes_to_other_outcomes():
    back = record_from_dict(_record().to_record(), text=QUOTE)
    assert [o.endpoint for o in back.outcomes] == ["OS"]
    (sbp,) = back.other_outcomes
    assert sbp.endpoint is None and sbp.name == "systolic blood pressure"
    assert sbp.dispersion == Dispersion("sd", 11.2)
    assert sbp.primary is True and sbp.n == 212


def test_interval_dispersion_keeps_both_bounds():
    d = Dispersion("iqr", (3.0, 9.5))
    assert d.to_record() == {"kind": "iqr", "value": [3.0, 9.5]}
