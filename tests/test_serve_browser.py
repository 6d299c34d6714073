"""The review page in a real browser (Debian's headless Chromium through
Playwright; skipped when /usr/bin/chromium is absent): open a paper, see a
fact's evidence highlighted, confirm one fact, correct another's value,
reject a third, add a missing one from a text selection; reload; rebuild the
store from the same inputs and find the four verdicts applied; change the
paper's input file, rebuild, and find the orphaned verdict listed."""

from __future__ import annotations

import re
import shutil
import urllib.parse
from pathlib import Path

import pytest
from serve_support import CORPUS, build, running

playwright = pytest.importorskip("playwright.sync_api")
expect, sync_playwright = playwright.expect, playwright.sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAPER = "004_eed059982c442256.txt"  # has a DOI: its IRI survives an edit of the file

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")


@pytest.fixture()
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def card(page, fact_id: str):
    return page.locator(f'.fact[data-fact="{fact_id}"]')


def status_of(page, fact_id: str) -> str:
    return card(page, fact_id).locator(".status").inner_text()


def pick(facts: list[dict]) -> dict[str, dict]:
    """Three facts with three different pieces of evidence (so editing one
    quote later orphans only the first): an outcome to confirm, a fact with a
    numeric value to correct, and a reference to reject."""
    quoted = [f for f in facts if f["evidence"]["quote"] and f["evidence"]["char_end"]]
    confirm = next(f for f in quoted if f["kind"] == "outcome")
    correct = next(
        f
        for f in quoted
        if f["kind"] == "outcome"
        and isinstance(f["fields"].get("value"), int | float)
        and f["evidence"]["quote"] != confirm["evidence"]["quote"]
    )
    used = {confirm["evidence"]["quote"], correct["evidence"]["quote"]}
    reject = next(
        f for f in quoted if f["kind"] == "reference" and f["evidence"]["quote"] not in used
    )
    return {"confirm": confirm, "correct": correct, "reject": reject}


def test_review_in_the_browser_survives_rebuilds_and_lists_orphans(tmp_path, browser):
    inputs = tmp_path / "in"
    inputs.mkdir()
    source = inputs / PAPER
    shutil.copy(CORPUS / PAPER, source)
    out = tmp_path / "out"
    build(inputs, out)

    with running(out / "store") as url:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/")
        page.get_by_role("link", name=re.compile("Luskin 2025")).click()
        page.wait_for_selector("#facts[data-ready]")
        iri = urllib.parse.unquote(page.url.split("iri=", 1)[1])
        data = page.request.get(url + "/api/paper?iri=" + urllib.parse.quote(iri)).json()
        chosen = pick(data["facts"])

        # the evidence of a fact is highlighted where it stands in the text
        target = chosen["confirm"]
        card(page, target["id"]).locator(".summary").click()
        active = page.locator("#doc-text mark.active")
        assert active.count() >= 1
        assert "".join(active.all_inner_texts()) == target["evidence"]["quote"]

        # the facts can be narrowed to one kind
        page.select_option(".fact-filter select[name=kind]", "reference")
        kinds = page.locator("#facts .fact:not([hidden])").evaluate_all(
            "cards => cards.map((c) => c.dataset.kind)"
        )
        assert kinds and set(kinds) == {"reference"}
        page.select_option(".fact-filter select[name=kind]", "")

        page.fill("#reviewer", "Ada Reviewer")
        card(page, target["id"]).get_by_role("button", name="Confirm").click()
        expect(card(page, target["id"]).locator(".status")).to_have_text("confirmed")

        fix = chosen["correct"]
        new_value = round(float(fix["fields"]["value"]) + 1.5, 2)
        card(page, fix["id"]).get_by_role("button", name="Correct…").click()
        form = card(page, fix["id"]).locator("form.correct")
        form.locator("select").select_option("value")
        form.locator("input[name=value]").fill(str(new_value))
        form.locator("input[name=comment]").fill("the table says otherwise")
        form.get_by_role("button", name="Save").click()
        expect(card(page, fix["id"]).locator(".status")).to_have_text("corrected")

        gone = chosen["reject"]
        card(page, gone["id"]).get_by_role("button", name="Reject").click()
        expect(card(page, gone["id"]).locator(".status")).to_have_text("rejected")

        # add a fact by selecting its evidence: text no fact quotes yet
        added_quote = page.evaluate(
            """() => {
              const span = [...document.querySelectorAll('#doc-text span[data-s]')]
                .find((s) => /\\w{4,} \\w{4,} \\w{4,}/.test(s.textContent) && s.textContent.trim().length > 60);
              const node = span.firstChild;
              const text = node.textContent;
              const start = text.search(/\\w/);
              const range = document.createRange();
              range.setStart(node, start);
              range.setEnd(node, start + 40);
              const sel = window.getSelection();
              sel.removeAllRanges();
              sel.addRange(range);
              document.getElementById('doc-text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
              return text.slice(start, start + 40).trim();
            }"""
        )
        panel = page.locator("#add-panel")
        panel.wait_for(state="visible")
        panel.locator("select").select_option("outcome")
        panel.locator("textarea").fill("name = a missed result\nvalue = 42\nunit = %")
        panel.get_by_role("button", name="Add fact").click()
        page.wait_for_selector(".fact.added")
        added_card = page.locator(".fact.added")
        assert "a missed result" in added_card.inner_text()

        def all_four_applied() -> None:
            page.wait_for_selector("#facts[data-ready]")
            assert status_of(page, target["id"]) == "confirmed"
            assert status_of(page, fix["id"]) == "corrected"
            assert str(new_value) in card(page, fix["id"]).locator(".summary").inner_text()
            assert status_of(page, gone["id"]) == "rejected"
            added = page.locator(".fact.added")
            assert added.count() == 1 and added_quote in added.inner_text()
            assert page.locator("#doc-text mark.added").count() >= 1

        page.reload()
        all_four_applied()

        # rebuild from the same inputs (every file re-extracted): the same fact ids
        build(inputs, out, "--force")
        page.reload()
        all_four_applied()
        assert page.locator("#orphans").count() == 0

        # the paper changes where the confirmed fact was read: its verdict is orphaned
        quote = target["evidence"]["quote"]
        raw = source.read_text(encoding="utf-8")
        assert quote in raw
        digit = re.search(r"\d", quote)
        assert digit
        edited = quote[: digit.start()] + str((int(digit.group()) + 1) % 10) + quote[digit.end() :]
        source.write_text(raw.replace(quote, edited), encoding="utf-8")
        build(inputs, out)
        page.reload()
        page.wait_for_selector("#facts[data-ready]")
        orphans = page.locator("#orphans")
        assert orphans.count() == 1
        assert "confirm by Ada Reviewer" in orphans.inner_text()
        assert card(page, target["id"]).count() == 0
        assert status_of(page, fix["id"]) == "corrected"  # the other verdicts stand
        assert status_of(page, gone["id"]) == "rejected"
        page.goto(url + "/")
        page.wait_for_selector("table.studies")
        note = page.locator(".orphans")
        assert "1 verdict needs re-review" in note.inner_text()
        assert note.get_by_role("link", name=re.compile("Luskin 2025")).count() == 1
        assert not errors, errors
