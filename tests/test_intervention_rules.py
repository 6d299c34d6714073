"""Intervention rules on hand-written papers in house styles the dev set does not use."""

from __future__ import annotations

import pytest

from litkg.extractor.components.doses import parse_doses
from litkg.extractor.components.drug_names import find_drugs, local_abbreviations
from litkg.extractor.components.interventions import extract_interventions
from litkg.extractor.document import Document, Heading


def paper(title: str, *sections: tuple[str, str]) -> Document:
    text = f"# {title}\n\n"
    headings = [Heading(title=title, level=1, char_start=2)]
    for head, body in sections:
        headings.append(Heading(title=head, level=2, char_start=len(text) + 3))
        text += f"## {head}\n\n{body}\n\n"
    return Document(doc_id="p", source="p.txt", source_format="text", text=text, headings=headings)


def keys(doc: Document) -> set[tuple[str, float | None, str | None]]:
    return {(i.drug, i.dose, i.unit) for i in extract_interventions(doc)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dose given on each day of a range, or for a stretch of days, is a daily dose
        ("capecitabine 2000 mg/m2 on days 1 to 14", [(2000.0, "mg/m2/day")]),
        ("prednisone 100 mgPO on days 1-5", [(100.0, "mg/day")]),
        ("sunitinib (37.5 mg) or matching placebo on a 4 days on, 2 days off schedule", [(37.5, "mg/day")]),
        ("temozolomide (150 mg/m2 x 5 days)", [(150.0, "mg/m2/day")]),
        ("oxaliplatin (85 mg/m2) and 5-FU (600 mg/m2) for 4 days", [(85.0, "mg/m2/day"), (600.0, "mg/m2/day")]),
        # twice daily keeps the per-dose unit; days 1 and 8 are two single days
        ("capecitabine 825 mg/m2 twice daily on days 1-14", [(825.0, "mg/m2")]),
        ("gemcitabine 1250 mg/m2 on days 1 and 8", [(1250.0, "mg/m2")]),
        # unit spellings
        ("panitumumab 6 mg/Kg every 2 weeks", [(6.0, "mg/kg")]),
        ("paclitaxel 175 mg m\u22122 and carboplatin", [(175.0, "mg/m2")]),
        ("trastuzumab 4 mg kg\u207b\u00b9 loading dose", [(4.0, "mg/kg")]),
        # radiotherapy: never per day
        ("50.4 Gy in 28 daily fractions", [(50.4, "Gy")]),
        # carboplatin by target AUC; a daily total restating a twice-daily dose is not a level
        ("carboplatin AUC 5 and, in cohort 2, carboplatin (AUC = 6 mg/mL/min)", [(5.0, "AUC"), (6.0, "AUC")]),
        ("capecitabine 1000 mg/m2 twice daily (2000 mg/m2/day) on days 1-14", [(1000.0, "mg/m2")]),
        ("cisplatin 80 mg/m(2) on day 1", [(80.0, "mg/m2")]),
    ],
)  # fmt: skip
def test_dose_units(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(d.value, d.unit) for d in parse_doses(text) if not d.capped] == expected


@pytest.mark.parametrize(
    "text",
    [
        "creatinine clearance of at least 50 mL/min",
        "haemoglobin below 100 g/L or bilirubin above 2 mg/dL",
        "the dose was reduced to 600 mg/m2 after grade 3 diarrhoea",
        "a median cumulative dose of 1200 mg",
        "in 25 fractions of 1.8 Gy",
        "2 Gy per fraction",
        "at least 4 mg of dexamethasone",
    ],
)
def test_not_planned_dose_levels(text: str) -> None:
    assert [d for d in parse_doses(text) if not d.capped] == []


def test_dose_first_and_drug_first_styles() -> None:
    doc = paper(
        "Oxaliplatin and capecitabine with or without panitumumab in gastric cancer",
        (
            "Methods",
            "Patients were randomly assigned to receive 130 mg/m2 intravenous oxaliplatin on "
            "day 1 and 1000 mg/m2 oral capecitabine on days 1 to 14, with or without "
            "panitumumab (9 mg/Kg) on day 1, every 21 days.",
        ),
    )
    assert keys(doc) == {
        ("oxaliplatin", 130.0, "mg/m2"),
        ("capecitabine", 1000.0, "mg/m2/day"),
        ("panitumumab", 9.0, "mg/kg"),
    }


def test_regimen_in_title_and_listed_protocol() -> None:
    doc = paper(
        "ICE versus observation after autologous transplantation in lymphoma",
        (
            "Treatment",
            "The ICE arm was given in hospital, and the protocol comprised the following:\n"
            "Ifosfamide 5000 mg/m2 on day 2, carboplatin 400 mg/m2 on day 2 and etoposide "
            "100 mg/m2 on days 1 to 3. Antiemetic premedication with dexamethasone 8 mg was used.",
        ),
    )
    assert keys(doc) == {
        ("ifosfamide", 5000.0, "mg/m2"),
        ("carboplatin", 400.0, "mg/m2"),
        ("etoposide", 100.0, "mg/m2/day"),
    }


def test_radiotherapy_total_doses_and_site() -> None:
    doc = paper(
        "Chemoradiotherapy with weekly cisplatin in cervical cancer: a phase 2 trial",
        (
            "Methods",
            "All patients received pelvic radiotherapy (PRT) of 50.4 Gy in 28 fractions of "
            "1.8 Gy, followed by a brachytherapy boost of 7 Gy. Cisplatin 40 mg/m2 was given "
            "weekly during PRT.",
        ),
    )
    assert keys(doc) == {("pelvic radiotherapy", 50.4, "Gy"), ("cisplatin", 40.0, "mg/m2")}


def test_radiotherapy_total_printed_as_a_range_has_no_single_dose() -> None:
    doc = paper(
        "Induction chemotherapy followed by radiotherapy in head and neck cancer",
        (
            "Methods",
            "The gross tumour was irradiated to a total dose of 66-70 Gy with 2 Gy/day.",
        ),
    )
    assert keys(doc) == {("radiotherapy", None, "Gy")}


def test_placebo_prior_therapy_and_other_trials_left_out() -> None:
    doc = paper(
        "Sorafenib versus placebo after failure of oxaliplatin-based chemotherapy",
        (
            "Introduction",
            "A previous trial gave sorafenib 800 mg daily to unselected patients.",
        ),
        (
            "Methods",
            "Patients were randomly assigned to sorafenib (400 mg) or placebo. Sorafenib was "
            "taken at 400 mg once daily until progression.",
        ),
        (
            "Discussion",
            "Lee et al [7] used 600 mg daily, and we used 400 mg once daily.",
        ),
    )
    assert keys(doc) == {("sorafenib", 400.0, "mg/day")}


def test_combination_abbreviation_is_not_its_last_drug() -> None:
    text = "patients received paclitaxel and carboplatin (PC) or gemcitabine (Gem2)"
    assert local_abbreviations(text) == {"Gem2": "gemcitabine"}
    assert {d.drug for d in find_drugs("hemithoracic irradiation and WBRT")} == {
        "hemithoracic radiotherapy",
        "whole brain radiotherapy",
    }


def test_doses_listed_after_a_colon_are_assigned() -> None:
    doc = paper(
        "Two salvage schedules in relapsed lymphoma",
        (
            "Methods",
            "Patients allocated to the second schedule were treated as follows:\n\n"
            "Ifosfamide 5000 mg/m2 on day 2 and etoposide 100 mg/m2 on days 1 to 3.\n\n"
            "Ondansetron 8 mg on days 1 to 3.",
        ),
    )
    assert keys(doc) == {("ifosfamide", 5000.0, "mg/m2"), ("etoposide", 100.0, "mg/m2/day")}


def test_treatment_section_doses_are_assigned_but_not_supportive_drugs() -> None:
    doc = paper(
        "Second-line therapy for advanced urothelial cancer",
        ("Methods", "Eligible patients had progressed after platinum."),
        (
            "Study treatment",
            "Vinflunine 320 mg/m2 on day 1 every 3 weeks.\n\n"
            "Granisetron 3 mg on day 1.\n\nSteroids were allowed; at least 8 mg of "
            "dexamethasone was recommended.",
        ),
        ("Prior therapy", "Cisplatin 70 mg/m2 on day 1 had been given before study entry."),
    )
    assert keys(doc) == {("vinflunine", 320.0, "mg/m2")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # thousands grouped by spaces (SI style), never a dose of "000 IU"
        ("ergocalciferol 50 000 IU once a week", [(50000.0, "IU")]),
        ("dalteparin 5\u2009000 IU subcutaneously", [(5000.0, "IU")]),
        ("heparin begun at 12 000 units/day", [(12000.0, "U/day")]),
        # a single unit is a unit too
        ("insulin aspart 0.1 unit/kg per hour", [(0.1, "U/kg/h")]),
        # a pharmacokinetic exposure over an interval is no target AUC
        ("the ciclosporin AUC0\u201312 rose by week 4", []),
        ("tacrolimus AUC 0 to 24 h and trough levels", []),
        ("AUC 0.81 for the risk score", []),
        ("carboplatin AUC6 on day 1 every 3 weeks", [(6.0, "AUC")]),
    ],
)  # fmt: skip
def test_doses_that_are_not_what_their_digits_look_like(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(d.value, d.unit) for d in parse_doses(text) if not d.capped] == expected
