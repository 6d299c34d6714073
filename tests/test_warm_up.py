"""The batch warm-up: its text reaches every component, a batch's workers run
it and one-file runs do not."""

from __future__ import annotations

from litkg.extractor import parallel, warm_up
from litkg.extractor.ingest.text import parse_text
from litkg.extractor.pipeline import extract_record


def test_warm_up_text_reaches_every_component() -> None:
    # a warm-up that no component answers would compile nothing ahead
    rec = extract_record(parse_text(warm_up.WARM_UP_TEXT, doc_id="w")).to_record()
    assert rec["study"]["registrations"] == ["NCT01234567"]
    assert [(a["role"], a["n"]) for a in rec["arms"]] == [("intervention", 60), ("control", 60)]
    assert [i["drug"] for i in rec["interventions"]] == ["cisplatin"]
    assert {"OS"} <= {o["endpoint"] for o in rec["outcomes"]}
    assert any(o["endpoint"] is None and o["name"] == "Response" for o in rec["outcomes"])
    assert {"neutropenia", "nausea"} <= {a["term"] for a in rec["adverse_events"]}
    assert len(rec["references"]) == 2


def test_only_a_batch_worker_warms_up(monkeypatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(warm_up, "warm_up", lambda: calls.append(True))
    parallel._warm()
    assert calls == []
    parallel._warm(batch=True)
    assert calls == [True]


def test_a_failing_warm_up_leaves_the_worker_usable(monkeypatch, caplog) -> None:
    def fail() -> None:
        raise ValueError("no")

    monkeypatch.setattr(warm_up, "warm_up", fail)
    parallel._warm(batch=True)  # logs, does not raise
    assert "warm-up failed" in caplog.text
