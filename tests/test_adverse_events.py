"""Adverse-event extraction: sentences in styles the seed papers do not use, and AE tables."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from litkg.extractor.components.adverse_events import (
    AEMatch,
    adverse_events_from_table,
    canonical_ae_term,
    find_adverse_events,
    find_adverse_events_in_text,
    merge_adverse_events,
    to_adverse_event,
)
from litkg.extractor.document import Table


def facts(sentence: str) -> list[tuple[str, str | None, int | None, float | None]]:
    return [(m.term, m.grade, m.n, m.percent) for m in find_adverse_events(sentence)]


# (sentence, expected (term, grade, n, percent) in text order), checked by hand
CASES = [
    (
        "Neutropenia of grade 3 or higher was observed in 15 of 60 patients (25%).",
        [("neutropenia", ">=3", 15, 25.0)],
    ),
    ("G3/4 thrombocytopenia affected 9% of patients.", [("thrombocytopenia", "3-4", None, 9.0)]),
    (
        "Anaemia (grade 3–4) developed in twelve patients (20.0%).",
        [("anemia", "3-4", 12, 20.0)],
    ),
    (
        "Nausea (any grade) was reported by 40% of participants, mostly grade 1.",
        [("nausea", None, None, 40.0)],
    ),
    ("Grade ≥ 3 infections occurred in 4/30 patients.", [("infection", ">=3", 4, None)]),
    (
        "≥grade 3 ALT increase was seen in 2 patients (3%).",
        [("transaminase increased", ">=3", 2, 3.0)],
    ),
    (
        "The most common treatment-related adverse events were fatigue (32%), nausea (28%) "
        "and rash (15%).",
        [
            ("fatigue", None, None, 32.0),
            ("nausea", None, None, 28.0),
            ("rash", None, None, 15.0),
        ],
    ),
    ("Two deaths were attributed to sepsis.", [("sepsis", "5", 2, None)]),
    (
        "Grade 4 neutropenia and thrombocytopenia occurred in 6 and 4 patients, respectively.",
        [("neutropenia", "4", 6, None), ("thrombocytopenia", "4", 4, None)],
    ),
    (
        "Among the 45 patients, CRS occurred in 30 (67%), including grade 3 in 2 (4%).",
        [("cytokine release syndrome", None, 30, 67.0), ("cytokine release syndrome", "3", 2, 4.0)],
    ),
    ("Grade 2 ICANS was reported in one patient.", [("neurotoxicity", "2", 1, None)]),
    (
        "Grade 3-4 adverse events occurred in 41 (63%) of 65 patients.",
        [("any adverse event", "3-4", 41, 63.0)],
    ),
    ("Fatal infections occurred in 3 patients (5%).", [("infection", "5", 3, 5.0)]),
    ("Pneumonia was fatal in two cases.", [("lung infection", "5", 2, None)]),
    ("Grade 2 acute GVHD developed in 3 patients.", [("acute gvhd", "2", 3, None)]),
    (
        "Peripheral neuropathy (all grades) occurred in 22 patients (34%), and grade ≥3 in 3 (5%).",
        [
            ("peripheral neuropathy", None, 22, 34.0),
            ("peripheral neuropathy", ">=3", 3, 5.0),
        ],
    ),
    (
        "Adverse events of any grade were reported in 58 patients (89%).",
        [("any adverse event", None, 58, 89.0)],
    ),
    (
        "Grade 3 neutropenia: 10 (15.4%); grade 4 neutropenia: 4 (6.2%).",
        [("neutropenia", "3", 10, 15.4), ("neutropenia", "4", 4, 6.2)],
    ),
    ("Seven (11%) patients developed grade 2 CRS.", [("cytokine release syndrome", "2", 7, 11.0)]),
    (
        "Grade 1–2 CRS was observed in 18 patients (28%) and grade 3 CRS in 2 patients (3%).",
        [
            ("cytokine release syndrome", "1-2", 18, 28.0),
            ("cytokine release syndrome", "3", 2, 3.0),
        ],
    ),
    ("Of the 20 patients, 5 developed mucositis (25%).", [("mucositis oral", None, 5, 25.0)]),
    ("Alopecia occurred in 45%.", [("alopecia", None, None, 45.0)]),
    ("Hypertension was reported in 3 patients.", [("hypertension", None, 3, None)]),
    (
        "Vomiting and diarrhoea were each reported in 5 patients.",
        [("vomiting", None, 5, None), ("diarrhea", None, 5, None)],
    ),
    (
        "Hyponatremia (G3) was seen in 4 patients, while no patient had grade 4 hypokalemia.",
        [("hyponatremia", "3", 4, None)],
    ),
    ("Two patients had grade 5 sepsis.", [("sepsis", "5", 2, None)]),
    ("Grade 3 or 4 anemia occurred in 8 patients (12%).", [("anemia", "3-4", 8, 12.0)]),
    (
        "Sixteen patients (24.6%) experienced at least one grade ≥3 adverse event.",
        [("any adverse event", ">=3", 16, 24.6)],
    ),
    (
        "Grades 1 and 2 rash occurred in 10 (15%) and 3 (5%) patients, respectively.",
        [("rash", "1", 10, 15.0), ("rash", "2", 3, 5.0)],
    ),
    (
        "Serious infections, such as pneumonia and sepsis, were seen in 9 patients.",
        [
            ("infection", None, 9, None),
            ("lung infection", None, None, None),
            ("sepsis", None, None, None),
        ],
    ),
    (
        "One participant (#104) developed grade 3 hyperglycaemia.",
        [("hyperglycemia", "3", 1, None)],
    ),
    (
        "Deaths due to adverse events occurred in four patients: two from sepsis and one from "
        "pulmonary embolism.",
        [
            ("any adverse event", "5", 4, None),
            ("sepsis", "5", 2, None),
            ("thromboembolic event", "5", 1, None),
        ],
    ),
    (
        "Elevated liver enzymes (grade ≤2) were noted in 11 patients.",
        [("transaminase increased", "1-2", 11, None)],
    ),
    (
        "The rate of grade 3 diarrhoea was 7.5%.",
        [("diarrhea", "3", None, 7.5)],
    ),
    (
        "Anemia was the most common hematologic adverse event, occurring in 35 patients (54%), "
        "of whom 10 (15%) had grade 3 anemia.",
        [("anemia", None, 35, 54.0), ("anemia", "3", 10, 15.0)],
    ),
    (
        "Hypertension (any grade) was reported in 10 patients; 2 of these events were grade 3.",
        [("hypertension", None, 10, None), ("hypertension", "3", 2, None)],
    ),
    (
        "Three patients (5%) discontinued treatment because of grade 3 fatigue.",
        [("fatigue", "3", 3, 5.0)],
    ),
    (
        "Two patients developed grade 4 sepsis and one had grade 5 pneumonia.",
        [("sepsis", "4", 2, None), ("lung infection", "5", 1, None)],
    ),
    (
        "One death from intracranial hemorrhage was considered treatment related.",
        [("intracranial hemorrhage", "5", 1, None)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(sentence: str, expected: list) -> None:
    assert facts(sentence) == expected


NONE_CASES = [
    "No patient experienced febrile neutropenia.",
    "Febrile neutropenia was not observed.",
    "There were no cases of grade ≥3 hypertension.",
    "Neither CRS nor ICANS was observed.",
    "Unlike in previous studies, no ICANS occurred.",
    "CRS did not occur in any patient.",
    "No grade 5 events were observed.",
    "None of the patients developed grade 3 or higher cytokine release syndrome.",
    "The regimen was given without any grade 4 neutropenia.",
    "Eleven patients (17%) had at least one serious adverse event.",
    # GVHD incidences with a percentage are outcomes, not adverse events
    "The incidence of grade 2–4 acute GVHD was 35%.",
    "Chronic GVHD occurred in 4 patients (20%).",
    # hypotheticals, eligibility, baseline, citations, references
    "Patients received tocilizumab to reduce the risk of ICANS.",
    "To minimise the risk of tumour lysis syndrome, patients received allopurinol.",
    "Patients with active infection or grade ≥2 neuropathy were not eligible.",
    "At baseline, 12 patients had grade 1 anemia.",
    "Smith et al. reported grade 3 neutropenia in 40% of patients.",
    "Doe J, Roe R. Neutropenia after chemotherapy. Blood. 2019;133(4):1-10.",
    "Adverse events were graded according to CTCAE version 5.0.",
    "CRS: cytokine release syndrome; ICANS: immune effector cell-associated neurotoxicity "
    "syndrome; TLS: tumour lysis syndrome.",
    "Infection prophylaxis with acyclovir was mandatory.",
    "Patients with uncontrolled infection or grade ≥2 peripheral neuropathy were ineligible.",
    "The primary endpoint was the incidence of grade ≥3 neutropenia during cycle 1.",
    # a count of dose reductions or discontinuations is not a total of adverse events
    "Dose reductions for toxicity were required in 14 patients (22%).",
    "Treatment was discontinued because of adverse events in 6 patients (9%).",
    "Febrile neutropenia is a frequent complication of intensive chemotherapy.",
    "Previous studies reported grade 3 CRS in up to 20% of patients [12].",
    # a specifier of the event just named, not a second event
    "One patient had grade 2 neurotoxicity in the form of aphasia.",
]


@pytest.mark.parametrize("sentence", NONE_CASES, ids=[c[:40] for c in NONE_CASES])
def test_not_an_adverse_event(sentence: str) -> None:
    found = facts(sentence)
    if sentence.startswith("One patient had grade 2 neurotoxicity"):
        assert found == [("neurotoxicity", "2", 1, None)]
    else:
        assert found == []


def test_but_none_developed_keeps_the_positive_part() -> None:
    s = "Four patients developed grade 1 CRS, but none developed grade ≥2 CRS."
    assert facts(s) == [("cytokine release syndrome", "1", 4, None)]


def test_spans_and_rules() -> None:
    s = "In this cohort, grade 3 febrile neutropenia occurred in 6 patients (10%)."
    (m,) = find_adverse_events(s)
    assert s[m.char_start : m.char_end] == "febrile neutropenia"
    assert "count_after" in m.rule and "grade.pre" in m.rule
    assert isinstance(m, AEMatch)


def test_number_words_and_single_patient() -> None:
    assert facts("Twenty-one patients experienced grade 1 fatigue.") == [("fatigue", "1", 21, None)]
    assert facts("A single patient developed grade 4 sepsis.") == [("sepsis", "4", 1, None)]


def test_numberless_event_needs_a_trigger() -> None:
    assert facts("The most common toxicities observed were cytopenias.") == [
        ("cytopenia", None, None, None)
    ]
    assert facts("Anemia and nausea are common side effects of chemotherapy.") == []


# --------------------------------------------------------------------------- tables


def arm_grade_table() -> Table:
    rows = [
        ["", "Drug A (N=65)", "", "Placebo (N=64)", ""],
        ["Adverse event", "Any grade", "Grade ≥3", "Any grade", "Grade ≥3"],
        ["Neutropenia", "20 (30.8%)", "12 (18.5%)", "5 (7.8%)", "—"],
        ["Nausea", "15 (23.1)", "1 (1.5)", "10 (15.6)", "0"],
        ["Hand-foot syndrome", "8/65", "—", "2/64", "—"],
        ["Weird event xyz", "3 (4.6)", "—", "1 (1.6)", "—"],
    ]
    return Table(rows=rows, caption="Table 2. Treatment-emergent adverse events by arm")


def test_table_arms_by_grades() -> None:
    got = [
        (m.term, m.grade, m.n, m.percent, m.arm, r)
        for m, r in adverse_events_from_table(arm_grade_table())
    ]
    assert got == [
        ("neutropenia", None, 20, 30.8, "Drug A", 2),
        ("neutropenia", ">=3", 12, 18.5, "Drug A", 2),
        ("neutropenia", None, 5, 7.8, "Placebo", 2),
        ("nausea", None, 15, 23.1, "Drug A", 3),
        ("nausea", ">=3", 1, 1.5, "Drug A", 3),
        ("nausea", None, 10, 15.6, "Placebo", 3),
        ("palmar-plantar erythrodysesthesia syndrome", None, 8, None, "Drug A", 4),
        ("palmar-plantar erythrodysesthesia syndrome", None, 2, None, "Placebo", 4),
        ("weird event xyz", None, 3, 4.6, "Drug A", 5),
        ("weird event xyz", None, 1, 1.6, "Placebo", 5),
    ]
    m, r = adverse_events_from_table(arm_grade_table())[1]
    row_text = "\t".join(arm_grade_table().rows[r])
    assert row_text[m.char_start : m.char_end] == "12 (18.5%)"
    assert m.rule == "ae.table.vocab.graded"


def test_table_markdown_rows() -> None:
    rows = [
        ["Toxicity", "Grade 1–2, n (%)", "Grade 3–4, n (%)"],
        ["---", "---", "---"],
        ["Diarrhoea", "6 (10)", "1 (2)"],
        ["ALT increased", "4 (7)", "2 (3)"],
        ["Fatigue", "12 (20)", "–"],
        ["Total patients", "60", "60"],
    ]
    got = [
        (m.term, m.grade, m.n, m.percent, m.arm) for m, _ in adverse_events_from_table(Table(rows))
    ]
    assert got == [
        ("diarrhea", "1-2", 6, 10.0, None),
        ("diarrhea", "3-4", 1, 2.0, None),
        ("transaminase increased", "1-2", 4, 7.0, None),
        ("transaminase increased", "3-4", 2, 3.0, None),
        ("fatigue", "1-2", 12, 20.0, None),
    ]


def test_unknown_row_label_dropped_without_ae_context() -> None:
    rows = [
        ["Event", "Grade 3", "Grade 4"],
        ["Neutropenia", "5 (10%)", "2 (4%)"],
        ["Something odd", "1 (2%)", "—"],
    ]
    got = [(m.term, m.grade) for m, _ in adverse_events_from_table(Table(rows))]
    assert got == [("neutropenia", "3"), ("neutropenia", "4")]


def test_characteristics_table_is_not_an_ae_table() -> None:
    rows = [
        ["Characteristic", "Drug (N=40)", "Control (N=80)"],
        ["Age, median (range)", "45 (18-70)", "50 (20-72)"],
        ["Aplastic anemia, n (%)", "2 (5)", "3 (4)"],
        ["Prior infection, n (%)", "10 (25)", "22 (28)"],
    ]
    assert adverse_events_from_table(Table(rows)) == []


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("ALT elevation", "transaminase increased"),
        ("Oral mucositis", "mucositis oral"),
        ("Neutropenias", "neutropenia"),
        ("ICANS", "neurotoxicity"),
        ("Pyrexia", "fever"),
        ("Anaemia, n (%)", "anemia"),
        ("Epstein-Barr virus reactivation", "ebv reactivation"),
        ("Lymphocyte count decreased", "lymphopenia"),
        ("Adverse events", "any adverse event"),
        ("non-hematologic toxicities", None),
        ("Aplastic anemia", None),
        ("fooitis", None),
        ("", None),
    ],
)
def test_canonical_ae_term(text: str, term: str | None) -> None:
    assert canonical_ae_term(text) == term


def test_merge_fills_missing_numbers() -> None:
    a = AEMatch("cytokine release syndrome", "1", 3, None, 0, 3, "r1")
    b = AEMatch("cytokine release syndrome", "1", None, 14.3, 10, 13, "r2")
    c = AEMatch("neutropenia", "4", 1, None, 20, 31, "r3")
    merged = merge_adverse_events([a, b, c])
    assert [(m.term, m.n, m.percent) for m in merged] == [
        ("cytokine release syndrome", 3, 14.3),
        ("neutropenia", 1, None),
    ]
    assert to_adverse_event(merged[1]).grade == "4"


def test_text_fallback_skips_references_and_gives_document_offsets() -> None:
    text = (
        "Results\n\nGrade 3 neutropenia occurred in 4 patients (10%). No CRS was seen.\n\n"
        "References\n\n1. Doe J. Grade 3 anemia occurred in 9 patients. Blood. 2020;1:2-3.\n"
    )
    found = find_adverse_events_in_text(text)
    assert [(m.term, m.grade, m.n) for m in found] == [("neutropenia", "3", 4)]
    assert text[found[0].char_start : found[0].char_end] == "neutropenia"


def test_vocabulary_is_data_with_a_version() -> None:
    path = files("litkg.ontology") / "vocab" / "adverse_events.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"]
    terms = {t["term"] for t in data["terms"]}
    for canonical in (
        "neutropenia", "leukopenia", "lymphopenia", "thrombocytopenia", "anemia",
        "febrile neutropenia", "cytopenia", "cytokine release syndrome", "neurotoxicity",
        "confusion", "diarrhea", "infection", "catheter-related infection",
        "bloodstream infection", "respiratory infection", "transaminase increased",
        "acute gvhd", "chronic gvhd", "ebv reactivation", "thrombotic microangiopathy",
        "covid-19",
    ):  # fmt: skip
        assert canonical in terms
    assert all(t == t.lower() for t in terms)


def test_table_header_cells_naming_arm_and_grade_together() -> None:
    from litkg.extractor.components.adverse_events import adverse_events_from_table
    from litkg.extractor.document import Table

    t = Table(
        rows=[
            [
                "Event",
                "Drug A (n=50) grade 1-2",
                "Drug A (n=50) grade ≥3",
                "Placebo (n=48) grade 1-2",
            ],
            ["Rash", "10 (20%)", "2 (4%)", "3 (6%)"],
        ]
    )
    got = [(m.term, m.grade, m.n, m.percent, m.arm) for m, _ in adverse_events_from_table(t)]
    assert got == [
        ("rash", "1-2", 10, 20.0, "Drug A"),
        ("rash", ">=3", 2, 4.0, "Drug A"),
        ("rash", "1-2", 3, 6.0, "Placebo"),
    ]


def test_nested_table_with_grade_in_the_caption() -> None:
    from litkg.extractor.components.adverse_events import adverse_events_from_table
    from litkg.extractor.document import Table

    t = Table(
        caption="Table 4. Frequency of grade 3 or 4 adverse events during chemotherapy",
        rows=[
            ["", "", "Drug A (n=100)", "Control (n=98)", "p value"],
            ["Any grade 3 or 4 toxic effect", "", "60 (60%)", "40 (41%)", "0.01"],
            ["Haematological", "", "", "", ""],
            ["", "Anaemia", "9 (9%)", "6 (6%)", "0.45"],
        ],
    )
    got = [(m.term, m.grade, m.n, m.percent, m.arm) for m, _ in adverse_events_from_table(t)]
    assert got == [
        ("any adverse event", "3-4", 60, 60.0, "Drug A"),
        ("any adverse event", "3-4", 40, 41.0, "Control"),
        ("anemia", "3-4", 9, 9.0, "Drug A"),
        ("anemia", "3-4", 6, 6.0, "Control"),
    ]


def test_events_counted_per_arm_in_parentheses() -> None:
    from litkg.extractor.components.adverse_events import arm_breakdowns

    sent = (
        "The most frequent reactions were pruritus (drug A 43 [4%] of 978 participants, drug B 12 [2%] "
        "of 494 participants) and conjunctivitis (A 40 [4%] participants vs B 15 [3%] participants)."
    )
    got = [(m.term, m.n, m.percent, m.arm) for m in arm_breakdowns(sent)]
    assert got == [
        ("pruritus", 43, 4.0, "drug A"),
        ("pruritus", 12, 2.0, "drug B"),
        ("conjunctivitis", 40, 4.0, "A"),
        ("conjunctivitis", 15, 3.0, "B"),
    ]


# --------------------------------------------------------------------------- table model port


def test_table_by_period_grade_rows_and_zero_cells() -> None:
    from litkg.extractor.components.ae_tables import table_adverse_events

    rows = [
        ["Event", "Induction", "", "Consolidation", ""],
        ["", "Regimen P (n=40)", "Regimen Q (n=38)", "Regimen P (n=40)", "Regimen Q (n=38)"],
        ["Mucositis", "", "", "", ""],
        ["Grade 0", "30", "29", "35", "33"],
        ["Grade 3", "4", "0", "2", "—"],
    ]
    t = Table(rows=rows, caption="Table 3. Toxicity per treatment phase", grid=True,
              header_rows=2, spans=[(0, 1, 1, 2), (0, 3, 1, 2)])  # fmt: skip
    got = [
        (e.match.term, e.match.grade, e.match.n, e.match.arm, e.period)
        for e in table_adverse_events(t)
    ]
    assert got == [
        ("mucositis oral", "3", 4, "Regimen P", "Induction"),
        ("mucositis oral", "3", 2, "Regimen P", "Consolidation"),
    ]


def test_footnote_names_the_events_of_an_other_row() -> None:
    from litkg.extractor.components.ae_tables import table_adverse_events

    t = Table(
        rows=[
            ["Toxicity", "Arm X (n = 20)", "Arm Y (n = 21)"],
            ["Vomiting", "2 (10)", "1 (4.8)"],
            ["Metabolic", "1 (5)", "2 (9.5)"],
            ["Other", "3§ (15)", "0"],
        ],
        caption="Table 4. Grade 3-4 toxicities",
        footnotes=["§ Hiccups, fainting and facial oedema."],
        footnote_spans=[(100, 137)],
    )
    got = [
        (e.match.term, e.match.grade, e.match.n, e.match.arm, e.footnote)
        for e in table_adverse_events(t)
    ]
    assert got == [
        ("vomiting", "3-4", 2, "Arm X", None),
        ("vomiting", "3-4", 1, "Arm Y", None),
        ("hiccups", "3-4", None, "Arm X", 0),
        ("syncope", "3-4", None, "Arm X", 0),
        ("edema face", "3-4", None, "Arm X", 0),
    ]


def test_row_term_glosses_british_spellings_and_flat_marks() -> None:
    from litkg.extractor.components.ae_tables import row_term

    assert row_term("Neuropathy (sensory)", True)[0] == "peripheral sensory neuropathy"
    assert row_term("Infection (with normal ANC)", True)[0] == "infection"
    assert row_term("Any toxicity (each patient counted once)", True)[0] == "any adverse event"
    assert row_term("Leucopenia", True)[0] == "leukopenia"
    assert row_term("Oesophagitis", True)[0] == "esophagitis"
    assert row_term("Nausea2", True)[0] == "nausea"
    assert row_term("Elevated AST level", True)[0] == "transaminase increased"
    assert row_term("Reduction in left ventricular ejection fraction", True)[0] == (
        "ejection fraction decreased"
    )
    assert row_term("Rash", True)[0] == "rash"
    assert row_term("Cardiac", True)[0] is None  # an organ class
    assert row_term("Electrolyte disturbances", True)[0] is None
    assert row_term("Other events", True)[0] is None
    assert row_term("Renal toxicity", True)[0] == "renal toxicity"


def test_table_arm_roles() -> None:
    from litkg.extractor.components.ae_tables import table_arm_roles

    roles = table_arm_roles(["Short course", "Long course"], [])
    assert roles["Short course"] == "intervention" and roles["Long course"] == "control"
    roles = table_arm_roles(["Sham + rehab", "Device + rehab"], [])
    assert roles["Sham + rehab"] == "control" and roles["Device + rehab"] == "intervention"
    paper = [("weekly dosing arm", "control"), ("daily dosing arm", "intervention")]
    roles = table_arm_roles(["Weekly dosing", "Daily dosing"], paper)
    assert roles == {"Weekly dosing": "control", "Daily dosing": "intervention", None: None}
    assert table_arm_roles([None], [("all treated", "overall"), ("drug", "intervention")])[
        None
    ] == ("overall")


def test_merge_keeps_a_restatement_with_another_value() -> None:
    a = AEMatch("fatigue", "3", 4, 10.0, 0, 0, "r", arm="intervention")
    b = AEMatch("fatigue", "3", None, 10.0, 0, 0, "r", arm="intervention")
    c = AEMatch("fatigue", "3", 6, 15.0, 0, 0, "r", arm="intervention")
    merged = merge_adverse_events([a, b, c])
    assert [(m.n, m.percent) for m in merged] == [(4, 10.0), (6, 15.0)]


def test_other_row_footnote_listing_events_per_grade_and_arm() -> None:
    from litkg.extractor.components.ae_tables import table_adverse_events

    t = Table(
        rows=[
            ["", "Weekly arm", "", "Daily arm", ""],
            ["", "Grade 3", "Grade 4", "Grade 3", "Grade 4"],
            ["Fatigue", "5 (8%)", "..", "7 (11%)", "1 (2%)"],
            ["Others†", "6 (9%)", "2 (3%)", "3 (5%)", ".."],
        ],
        caption="Table 2 Adverse events",
        footnotes=[
            "† Other grade 3 events comprised hiccups (n=4) and syncope (n=2) in the weekly "
            "arm; and anorexia (n=3) in the daily arm. Other grade 4 events were fast atrial "
            "fibrillation (n=2) in the weekly arm."
        ],
        footnote_spans=[(0, 10)],
    )
    got = [
        (e.match.term, e.match.grade, e.match.n, e.match.arm)
        for e in table_adverse_events(t)
        if e.footnote is not None
    ]
    assert got == [
        ("hiccups", "3", 4, "Weekly arm"),
        ("syncope", "3", 2, "Weekly arm"),
        ("anorexia", "3", 3, "Daily arm"),
        ("atrial fibrillation", "4", 2, "Weekly arm"),
    ]


def test_two_table_cells_with_equal_values_stay_two_events() -> None:
    a = AEMatch("anemia", "3", 3, None, 0, 0, "ae.table.vocab.graded", arm="intervention")
    b = AEMatch("anemia", "3", 3, None, 0, 0, "ae.table.vocab.graded", arm="intervention")
    s = AEMatch("anemia", "3", 3, None, 0, 0, "ae.sentence", arm="intervention")
    assert len(merge_adverse_events([a, b])) == 2
    assert len(merge_adverse_events([a, s])) == 1


def test_notes_run_into_one_line_and_a_note_narrowing_a_grade() -> None:
    from litkg.extractor.components.ae_tables import table_adverse_events

    t = Table(
        rows=[
            ["Event", "Cohort I (n = 30)", "Cohort II (n = 31)"],
            ["", "Grade 1–2", "Grade 1–2"],
            ["Neuritis", "2 (7%)¶", "1 (3%)"],
            ["Others", "2‡ (7%)", "0"],
        ],
        caption="Table 3 Late toxicity",
        footnotes=[
            "* Assessed at 6 months.‡ Tremor and vertigo.¶ Every case of neuritis was grade 1."
        ],
        footnote_spans=[(0, 10)],
    )
    got = [(e.match.term, e.match.grade, e.match.n, e.match.arm) for e in table_adverse_events(t)]
    assert got == [
        ("neuritis", "1", 2, "Cohort I"),
        ("neuritis", "1-2", 1, "Cohort II"),
        ("tremor", "1-2", None, "Cohort I"),
        ("vertigo", "1-2", None, "Cohort I"),
    ]


def test_a_sentence_restating_a_cell_keeps_the_cell_and_its_arm() -> None:
    s = AEMatch("rash", "3", 5, 12.5, 0, 0, "ae.sentence.count", arm="intervention")
    c1 = AEMatch("rash", "3", 5, 12.5, 0, 0, "ae.table.vocab.graded", arm="control")
    c2 = AEMatch("rash", "3", 2, 5.0, 0, 0, "ae.table.vocab.graded", arm="intervention")
    other = AEMatch("rash", "3", 9, 22.0, 0, 0, "ae.sentence.count", arm="intervention")
    merged = merge_adverse_events([s, other, c1, c2])
    assert [(m.n, m.arm, m.rule) for m in merged] == [
        (9, "intervention", "ae.sentence.count"),
        (5, "control", "ae.table.vocab.graded"),
        (2, "intervention", "ae.table.vocab.graded"),
    ]


def test_grade_rows_under_a_class_of_events_are_totals() -> None:
    t = Table(
        rows=[
            ["", "Low dose (n=120)", "High dose (n=118)"],
            ["Treatment-related adverse events", "", ""],
            ["All grades", "40 (33%)", "52 (44%)"],
            ["3", "6 (5%)", "0"],
        ],
        caption="Table 4 Safety",
    )
    got = [(m.term, m.grade, m.n, m.arm) for m, _ in adverse_events_from_table(t)]
    assert got == [
        ("any adverse event", None, 40, "Low dose"),
        ("any adverse event", None, 52, "High dose"),
        ("any adverse event", "3", 6, "Low dose"),
    ]


def test_subgroup_columns_carry_their_population() -> None:
    from litkg.extractor.components.ae_tables import table_adverse_events

    t = Table(
        rows=[
            ["", "All patients", "", "Women", ""],
            ["", "Drug Z", "Usual care", "Drug Z", "Usual care"],
            ["Headache", "12 (5.7)", "9 (4.4)", "6 (12.5)", "0"],
        ],
        caption="Table 3 Adverse events",
    )
    got = [(e.match.arm, e.subgroup) for e in table_adverse_events(t)]
    assert got == [
        ("Drug Z", None),
        ("Usual care", None),
        ("Drug Z", "Women, Drug Z"),
    ]


def test_pregnancy_events_and_implied_grade() -> None:
    from litkg.extractor.components.ae_vocab import canonical_term, implied_grade

    assert canonical_term("Spontaneous abortions") == "pregnancy loss"
    assert canonical_term("Still birth") == "pregnancy loss"
    assert canonical_term("Neonatal deaths") == "death neonatal"
    # a neonatal death is fatal by definition (CTCAE v5 grade 5); other terms imply no grade
    assert implied_grade("death neonatal") == "5"
    assert implied_grade("pregnancy loss") is None
    assert implied_grade("neutropenia") is None


def test_count_as_predicate_with_the_second_arm() -> None:
    from litkg.extractor.components.adverse_events import second_arm_value

    s = (
        "The number of children who had at least one adverse event was 31 (24%) in the "
        "splint group and 12 (10%) in the control group."
    )
    got = [(m.term, m.n, m.percent) for m in find_adverse_events(s)]
    assert got == [("any adverse event", 31, 24.0)]
    assert second_arm_value(s, find_adverse_events(s)[0]) == (12, 10.0, "control")
    # a duration is no count of patients
    assert find_adverse_events("The median duration of each adverse event was 3 days.") == []


def test_a_capitalised_or_higher_in_the_caption_is_an_open_band() -> None:
    t = Table(
        caption="Table 3. Toxicities of Grade 2 or Higher During Radiotherapy",
        rows=[
            ["", "Hypofractionated (n=80)", "Conventional (n=82)"],
            ["Dermatitis", "12 (15%)", "20 (24%)"],
        ],
    )
    got = [(m.term, m.grade, m.n) for m, _ in adverse_events_from_table(t)]
    assert [g for _, g, _ in got] == [">=2", ">=2"]


def test_a_band_below_grade_1_is_no_grade() -> None:
    from litkg.extractor.tables import labels

    assert labels.grade("Grade 2 or Higher").grade == ">=2"
    assert labels.grade("Grade 2 OR HIGHER").grade == ">=2"
    assert labels.grade("<1", allow_bare=True).grade is None  # never "1-0"
    assert labels.grade("<2", allow_bare=True).grade == "1"


def test_a_change_by_a_percentage_is_not_the_share_with_the_event() -> None:
    got = facts(
        "Headache frequency increased by 140% in the sumatriptan arm during the first month."
    )
    assert all(p is None for *_, p in got)
    got = facts("Nausea was reported by 12% of the patients given ondansetron.")
    assert [(t, p) for t, _, _, p in got] == [("nausea", 12.0)]


def test_a_parenthesis_above_100_in_an_event_table_is_no_percentage() -> None:
    t = Table(
        caption="Table 5. Adverse events, number (rate per 1000 person-years)",
        rows=[
            ["", "Denosumab (n=120)", "Placebo (n=118)"],
            ["Infection", "34 (212.5)", "29 (188.0)"],
            ["Rash", "5 (4.2)", "3 (2.5)"],
        ],
    )
    got = [(m.term, m.n, m.percent) for m, _ in adverse_events_from_table(t)]
    assert got == [("rash", 5, 4.2), ("rash", 3, 2.5)]


def test_a_sentence_naming_no_event_is_not_read_for_reasons_to_skip(monkeypatch) -> None:
    """The reasons to skip a sentence (citation, eligibility, baseline) are
    asked only of one that names an event; the events found are the same."""
    from litkg.extractor.components import adverse_events as ae_mod

    asked: list[str] = []
    real = ae_mod._skip_sentence

    def spy(s: str) -> str:
        asked.append(s)
        return real(s)

    monkeypatch.setattr(ae_mod, "_skip_sentence", spy)
    assert ae_mod.find_adverse_events("Gait speed was measured at each visit [4].") == []
    assert asked == []
    assert ae_mod.find_adverse_events("Headache was reported by others [4].") == []
    found = ae_mod.find_adverse_events("Headache occurred in 6 (12%) participants.")
    assert [(m.term, m.n) for m in found] == [("headache", 6)]
    assert len(asked) == 2
