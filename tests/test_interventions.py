"""Interventions, doses and drug recognition on hand-written texts."""

from __future__ import annotations

import pytest

from litkg.extractor.components.doses import find_cycles, find_days, find_route, parse_doses
from litkg.extractor.components.interventions import extract_interventions, find_drugs
from litkg.extractor.document import Document


def make(text: str) -> Document:
    return Document(doc_id="t", source="t.txt", source_format="text", text=text)


def keys(ivs: list) -> set[tuple[str, float | None, str | None]]:
    return {(i.drug, i.dose, i.unit) for i in ivs}


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("rituximab 375 mg/m² IV on day 1", 375.0, "mg/m2"),
        ("imatinib 400 mg orally once daily", 400.0, "mg/day"),
        ("cyclophosphamide 1 g/m2 on day 1", 1000.0, "mg/m2"),
        ("TBI 12 Gy in 6 fractions", 12.0, "Gy"),
        ("TBI 200 cGy", 2.0, "Gy"),
        ("blinatumomab 28 μg/d", 28.0, "ug/day"),
        ("blinatumomab 9 mcg/day", 9.0, "ug/day"),
        ("15 µg/m²/day", 15.0, "ug/m2/day"),
        ("cytarabine 30 mg/m2/d", 30.0, "mg/m2/day"),
        ("etoposide 100 mg/m2 daily", 100.0, "mg/m2/day"),
        ("ATG 2.5 mg/kg/day", 2.5, "mg/kg/day"),
        ("melphalan 140 mg/m2", 140.0, "mg/m2"),
        ("busulfan 3.2 mg/kg", 3.2, "mg/kg"),
        ("fludarabine 1,800 mg/m²", 1800.0, "mg/m2"),
    ],
)
def test_parse_doses(text: str, value: float, unit: str) -> None:
    doses = parse_doses(text)
    assert (doses[0].value, doses[0].unit) == (value, unit)


def test_dose_caps_and_strengths_are_not_dose_levels() -> None:
    doses = parse_doses("5 µg/m²/day [maximum: 9 µg/day] given as 2 mg moxidectin tablets")
    assert [(d.value, d.unit, d.capped) for d in doses] == [
        (5.0, "ug/m2/day", False),
        (9.0, "ug/day", True),
        (2.0, "mg", True),
    ]


def test_twice_daily_is_not_a_daily_total() -> None:
    assert parse_doses("dasatinib 50 mg twice daily")[0].unit == "mg"


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("given intravenously over 1 h", "iv"),
        ("as a continuous IV infusion", "iv"),
        ("by subcutaneous injection", "sc"),
        ("taken orally with food", "po"),
        ("no route stated", None),
    ],
)
def test_find_route(text: str, route: str | None) -> None:
    assert find_route(text) == route


def test_days_and_cycles() -> None:
    assert find_days("on days 1 through 28 of each cycle") == "1-28"
    assert find_days("on days 1–7") == "1-7"
    assert find_days("on days 1, 8, and 15") == "1,8,15"
    assert find_cycles("for up to 4 cycles") == 4
    assert find_cycles("four courses were planned") == 4
    assert find_cycles("every 21 days for 6 cycles") == 6
    assert find_cycles("patients received a median of 2 courses") is None
    assert find_cycles("at least one cycle") is None


def test_drug_recognition() -> None:
    found = {d.drug for d in find_drugs("ATG, TBI, Gleevec, PT-CY and the new agent zorifertinib.")}
    assert found == {
        "anti-thymocyte globulin",
        "total body irradiation",
        "imatinib",
        "cyclophosphamide",
        "zorifertinib",
    }


def test_rituximab_schedule() -> None:
    text = (
        "Rituximab maintenance in follicular lymphoma: a phase 2 trial\n\n"
        "We aimed to assess rituximab maintenance. Patients received rituximab 375 mg/m² IV on "
        "day 1 every 21 days for 6 cycles."
    )
    ivs = extract_interventions(make(text))
    assert keys(ivs) == {("rituximab", 375.0, "mg/m2")}
    iv = ivs[0]
    assert (iv.route, iv.days, iv.cycles) == ("iv", "1", 6)
    assert iv.provenance is not None and "375 mg/m²" in iv.provenance.quote


def test_imatinib_daily_and_background_drugs() -> None:
    text = (
        "Imatinib for chronic myeloid leukaemia in chronic phase\n\n"
        "Patients were treated with imatinib 400 mg orally once daily. "
        "Antiemetic prophylaxis with ondansetron 8 mg was given before each dose. "
        "Dasatinib was previously shown to be active.[3]"
    )
    ivs = extract_interventions(make(text))
    assert keys(ivs) == {("imatinib", 400.0, "mg/day")}
    assert ivs[0].route == "po"


def test_conditioning_is_background_unless_studied() -> None:
    text = (
        "Drug X maintenance after allogeneic transplantation\n\n"
        "Conditioning consisted of cyclophosphamide 1 g/m2 and TBI 12 Gy. "
        "Patients then received drug X maintenance."
    )
    assert {i.drug for i in extract_interventions(make(text))} == set()  # drug X is no drug name
    text2 = (
        "Cyclophosphamide and total body irradiation conditioning in adults: a phase 2 trial\n\n"
        "Conditioning consisted of cyclophosphamide 1 g/m2 and TBI 12 Gy."
    )
    assert keys(extract_interventions(make(text2))) == {
        ("cyclophosphamide", 1000.0, "mg/m2"),
        ("total body irradiation", 12.0, "Gy"),
    }


def test_step_up_schedule_and_local_abbreviation() -> None:
    text = (
        "Blinatumomab (BLIN) after transplant in children\n\n"
        "BLIN was given as a continuous infusion at 9 μg/day on days 1–7 and 28 μg/day thereafter, "
        "for up to 2 cycles."
    )
    ivs = extract_interventions(make(text))
    assert keys(ivs) == {("blinatumomab", 9.0, "ug/day"), ("blinatumomab", 28.0, "ug/day")}
    assert all(i.route == "iv" and i.cycles == 2 for i in ivs)
    assert [i.days for i in ivs][0] == "1-7"


def test_two_arms_and_sentences_as_spans() -> None:
    text = (
        "Moxidectin versus ivermectin for onchocerciasis: a randomised trial\n\n"
        "Participants were randomly allocated to a single oral dose of 8 mg moxidectin or "
        "150 µg/kg ivermectin."
    )
    spans = [(0, 66), (68, len(text))]
    ivs = extract_interventions(make(text), spans)
    assert keys(ivs) == {("moxidectin", 8.0, "mg"), ("ivermectin", 150.0, "ug/kg")}


def test_editorial_has_no_interventions() -> None:
    text = (
        "Better outcomes with drug blinatumomab\n\n"
        "In this issue of Blood, Roe and colleagues report that blinatumomab 28 µg/day helps."
    )
    assert extract_interventions(make(text)) == []


def test_the_paper_wide_radiotherapy_search_waits_for_a_studied_radiotherapy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Which site-specific radiotherapy a bare "radiotherapy" means is asked of
    the whole paper only when a radiotherapy is studied; the answer is the same."""
    from litkg.extractor.components import interventions as iv_mod

    asked: list[str] = []
    real = iv_mod._paper_radiotherapy

    def spy(text: str) -> str | None:
        asked.append(text)
        return real(text)

    monkeypatch.setattr(iv_mod, "_paper_radiotherapy", spy)
    no_rt = (
        "Metformin for bladder pain: a randomised trial\n\n"
        "Thoracic radiotherapy had been given to two participants years before. "
        "Participants were randomly assigned to metformin 500 mg orally or placebo."
    )
    assert {i.drug for i in extract_interventions(make(no_rt))} == {"metformin"}
    assert asked == []
    with_rt = (
        "Pelvic radiotherapy with weekly cisplatin in cervical carcinoma\n\n"
        "Pelvic radiotherapy was given with cisplatin 40 mg/m2 weekly. "
        "Radiotherapy was delivered to 45 Gy in 25 fractions."
    )
    assert {i.drug for i in extract_interventions(make(with_rt))} == {
        "pelvic radiotherapy",
        "cisplatin",
    }
    assert len(asked) == 1


def test_sentences_about_other_trials_are_not_searched_for_drugs(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An introduction sentence describing other trials is skipped before its
    drugs are looked for; the studied treatments are the same."""
    from litkg.extractor.components import interventions as iv_mod
    from litkg.extractor.ingest import load_document

    asked: list[str] = []
    real = iv_mod.find_drugs

    def spy(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(iv_mod, "find_drugs", spy)
    f = tmp_path / "weight_trial.txt"
    f.write_text(
        "# Metformin for weight gain in adolescents: a randomised trial\n\n"
        "# Introduction\n\n"
        "Ibuprofen was compared with aspirin in earlier trials [3].\n\n"
        "# Methods\n\n"
        "Adolescents were randomly assigned to metformin 500 mg orally or placebo.\n",
        encoding="utf-8",
    )
    ivs = extract_interventions(load_document(f))
    assert {i.drug for i in ivs} == {"metformin"}
    assert not any("earlier trials" in t for t in asked)
