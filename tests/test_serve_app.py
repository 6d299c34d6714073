"""`litkg serve`'s page data (studies by citation, the compare table, a paper's
facts beside its text) and its safety rules (loopback Host, same-origin POST
with the session's CSRF token, the start token off loopback)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from serve_support import shared_build
from starlette.testclient import TestClient

from litkg.cli import cli
from litkg.kg.serve import ServeError, bind_socket
from litkg.kg.serve.app import ASSETS, create_app
from litkg.kg.serve.security import Guard, Refused, is_loopback
from litkg.kg.serve.stores import LiveStore

BASE = "http://127.0.0.1:8000"
CORPUS_PDF = Path(__file__).resolve().parents[1] / "corpus" / "pdf"


@pytest.fixture(scope="module")
def out():
    return shared_build()


def client_for(out, host: str = "127.0.0.1", token: str | None = None, base: str = BASE):
    app = create_app(LiveStore(str(out / "store"), 60.0, False), Guard(host, token))
    return TestClient(app, base_url=base)


@pytest.fixture(scope="module")
def client(out):
    return client_for(out)


def test_studies_are_named_by_citation(client):
    studies = client.get("/api/studies").json()
    labels = [s["label"] for s in studies]
    assert labels == sorted(labels)
    assert "Luskin 2025, Haematologica" in labels
    assert all(s["iri"].startswith("http") for s in studies)


def test_compare_table_is_filtered_like_the_command_line(client, out):
    whole = client.get("/api/compare").json()
    assert len(whole["papers"]) == 2
    assert whole["header"][1:] == [p["label"] for p in whole["papers"]]
    # a synonym resolves as `litkg compare --endpoint` resolves it
    os_ = client.get("/api/compare", params={"endpoint": "overall survival"}).json()
    assert os_["filters"]["endpoint"] == "OS"
    assert all(row[0].startswith("OS") for row in os_["rows"][10:])
    res = CliRunner().invoke(
        cli, ["compare", "--endpoint", "OS", "--format", "json", "--store", str(out / "store")]
    )
    assert [s["paper"]["label"] for s in __import__("json").loads(res.output)] == [
        p["label"] for p in os_["papers"]
    ]
    bad = client.get("/api/compare", params={"drug": "nosuchdrugatall"})
    assert bad.status_code == 400 and "nosuchdrugatall" in bad.json()["error"]
    assert client.get("/api/compare", params={"timepoint": "soon"}).status_code == 400


def test_filter_choices_come_from_the_graph(client):
    f = client.get("/api/filters").json()
    assert "OS" in f["endpoint"] and "blinatumomab" in f["drug"]
    assert 12 in f["timepoint"]


def test_paper_has_its_text_and_facts_whose_evidence_is_in_it(client):
    studies = client.get("/api/studies").json()
    luskin = next(s for s in studies if s["label"].startswith("Luskin"))
    data = client.get("/api/paper", params={"iri": luskin["iri"]}).json()
    text = data["document"]["text"]
    assert data["paper"]["label"] == luskin["label"]
    assert text and "blinatumomab" in text
    quoted = [f for f in data["facts"] if f["evidence"]["quote"]]
    assert len(quoted) >= 5
    for f in quoted:
        assert f["evidence"]["quote"] in text  # verbatim, so the page can highlight it
    # by document id too, as `litkg show` finds papers
    again = client.get("/api/paper", params={"iri": luskin["document"]}).json()
    assert again["paper"]["iri"] == luskin["iri"]
    assert client.get("/api/paper", params={"iri": "nosuchpaper"}).status_code == 404


def test_page_and_assets_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    for name in ("app.js", "app.css"):
        assert client.get(f"/assets/{name}").status_code == 200
    for asset in ASSETS.iterdir():  # nothing fetched from another host
        body = re.sub(r'xmlns="[^"]*"', "", asset.read_text(encoding="utf-8"))
        assert not re.search(r"https?:|//[\w.-]+\.[a-z]{2,}/", body), asset.name


def test_a_loopback_server_answers_loopback_names_only(out):
    assert client_for(out, base="http://localhost:8000").get("/api/studies").status_code == 200
    assert client_for(out, base="http://[::1]:8000").get("/api/studies").status_code == 200
    rebound = client_for(out, base="http://attacker.example:8000").get("/api/studies")
    assert rebound.status_code == 403
    # bound to another address, any Host name is answered (writes need the token)
    assert (
        client_for(out, host="0.0.0.0", base="http://lab-server:8000")
        .get("/api/studies")
        .status_code
        == 200
    )


def test_session_reports_the_write_policy(out):
    s = client_for(out).get("/api/session")
    assert "litkg_session" in s.cookies
    d = s.json()
    assert d["token_required"] is False and len(d["csrf"]) == 64
    open_lan = client_for(out, host="0.0.0.0").get("/api/session").json()
    assert open_lan["writable"] is False  # another address, no token: read only
    with_token = client_for(out, host="0.0.0.0", token="s3cret").get("/api/session").json()
    assert with_token["writable"] is True and with_token["token_required"] is True


# --- the write checks, on the guard itself --------------------------------------


def good_headers(guard: Guard, session: str, origin: str = BASE) -> dict[str, str]:
    return {"origin": origin, "x-litkg-csrf": guard.csrf_token(session)}


def test_guard_accepts_a_same_origin_post_with_the_csrf_token():
    g = Guard("127.0.0.1")
    g.check_write("POST", good_headers(g, "sid"), "sid", BASE)
    # no Origin: the Referer's origin counts
    h = {"referer": BASE + "/#/paper?iri=x", "x-litkg-csrf": g.csrf_token("sid")}
    g.check_write("POST", h, "sid", BASE)


@pytest.mark.parametrize(
    "change",
    [
        {"method": "GET"},
        {"origin": "http://evil.example"},
        {"origin": None},
        {"csrf": None},
        {"csrf": "0" * 64},
        {"session": None},
        {"session": "another"},  # a token of another session
    ],
)
def test_guard_refuses_cross_site_or_tokenless_changes(change):
    g = Guard("127.0.0.1")
    headers = good_headers(g, "sid", change.get("origin", BASE) or BASE)
    if "origin" in change and change["origin"] is None:
        headers.pop("origin")
    if "csrf" in change:
        if change["csrf"] is None:
            headers.pop("x-litkg-csrf")
        else:
            headers["x-litkg-csrf"] = change["csrf"]
    session = change.get("session", "sid")
    with pytest.raises(Refused) as e:
        g.check_write(change.get("method", "POST"), headers, session, BASE)
    assert e.value.status in (403, 405)


def test_guard_off_loopback_needs_the_start_token():
    lan = "http://10.0.0.5:8000"
    g = Guard("0.0.0.0")
    with pytest.raises(Refused, match="read only"):
        g.check_write("POST", good_headers(g, "sid", lan), "sid", lan)
    g = Guard("0.0.0.0", token="s3cret")
    with pytest.raises(Refused, match="token"):
        g.check_write("POST", good_headers(g, "sid", lan), "sid", lan)
    with pytest.raises(Refused, match="token"):
        g.check_write("POST", good_headers(g, "sid", lan) | {"x-litkg-token": "guess"}, "sid", lan)
    g.check_write("POST", good_headers(g, "sid", lan) | {"x-litkg-token": "s3cret"}, "sid", lan)


@pytest.mark.parametrize(
    ("host", "loop"),
    [("127.0.0.1", True), ("127.3.4.5", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("0.0.0.0", False), ("192.168.1.2", False), ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


def test_serve_help_says_what_happens_off_loopback():
    res = CliRunner().invoke(cli, ["serve", "--help"])
    assert res.exit_code == 0
    assert "read only" in res.output and "--token" in res.output and "127.0.0.1" in res.output


def test_serve_names_a_taken_port_and_a_missing_store(tmp_path, out):
    sock = bind_socket("127.0.0.1", 0)
    try:
        port = sock.getsockname()[1]
        with pytest.raises(ServeError, match=f"127.0.0.1:{port}"):
            bind_socket("127.0.0.1", port)
        res = CliRunner().invoke(cli, ["serve", "--store", str(out / "store"), "--port", str(port)])
        assert res.exit_code == 1 and "choose another --port" in res.output
    finally:
        sock.close()
    res = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none")])
    assert res.exit_code == 1 and "litkg build" in res.output
    assert "Traceback" not in res.output


# --- verdicts through the page's API ----------------------------------------------


@pytest.fixture()
def reviewing(out, tmp_path, monkeypatch):
    """A client with a session over a copy of the shared build (verdicts update
    its store's curation graph), its verdicts in a file of its own."""
    monkeypatch.setenv("LITKG_CURATION", str(tmp_path / "curation.jsonl"))
    mine = tmp_path / "out"
    shutil.copytree(out, mine)

    def make(host: str = "127.0.0.1", token: str | None = None, base: str = BASE):
        c = client_for(mine, host, token, base)
        csrf = c.get("/api/session").json()["csrf"]
        studies = c.get("/api/studies").json()
        paper = next(s for s in studies if s["label"].startswith("Luskin"))["iri"]
        facts = c.get("/api/paper", params={"iri": paper}).json()["facts"]
        headers = {"Origin": base, "X-Litkg-CSRF": csrf}
        return c, headers, paper, facts

    return make


def test_a_verdict_is_recorded_and_shown(reviewing, tmp_path):
    c, headers, paper, facts = reviewing()
    outcome = next(f for f in facts if f["kind"] == "outcome")
    body = {"fact_id": outcome["id"], "verdict": "correct", "field": "value", "new": "0.99",
            "reviewer": "Ada", "paper": paper, "comment": "Table 2"}  # fmt: skip
    r = c.post("/api/verdicts", json=body, headers=headers)
    assert r.status_code == 200, r.text
    v = r.json()["verdict"]
    assert (v["old"], v["new"], v["reviewer"]) == (outcome["fields"]["value"], 0.99, "Ada")
    assert (tmp_path / "curation.jsonl").is_file()
    after = c.get("/api/paper", params={"iri": paper}).json()["facts"]
    mine = next(f for f in after if f["id"] == outcome["id"])
    assert mine["status"] == "corrected" and mine["fields"]["value"] == 0.99
    assert mine["verdict"]["comment"] == "Table 2"
    # the graph carries the review status at once (the curation graph, as `litkg review` writes it)
    assert r.json()["graph"] == "updated"
    q = f'SELECT ?s WHERE {{ ?r lkg:factId "{outcome["id"]}" ; lkg:reviewStatus ?s }}'
    rows = c.get("/sparql", params={"query": q}).json()["results"]["bindings"]
    assert [b["s"]["value"].rsplit("/", 1)[-1] for b in rows] == ["corrected"]


def test_bad_verdicts_are_refused_with_a_reason(reviewing):
    c, headers, paper, facts = reviewing()
    fid = facts[0]["id"]
    base = {"fact_id": fid, "verdict": "confirm", "reviewer": "Ada", "paper": paper}
    for change, status in (
        ({"verdict": "approve"}, 400),
        ({"reviewer": " "}, 400),
        ({"fact_id": "f-0000000000000000"}, 404),
        ({"verdict": "correct", "field": "no_such_field", "new": "1"}, 400),
        ({"paper": "nosuchpaper"}, 404),
    ):
        r = c.post("/api/verdicts", json=base | change, headers=headers)
        assert r.status_code == status, (change, r.text)
        assert r.json()["error"]
    r = c.post(
        "/api/verdicts", content=b"confirm it", headers=headers | {"Content-Type": "text/plain"}
    )
    assert r.status_code == 415


def test_an_added_fact_needs_verbatim_evidence_at_its_span(reviewing):
    c, headers, paper, _ = reviewing()
    text = c.get("/api/paper", params={"iri": paper}).json()["document"]["text"]
    start = text.index("ERA2")
    fact = {"kind": "outcome", "fields": {"name": "x", "value": "3"},
            "evidence": {"quote": text[start : start + 30], "char_start": start, "char_end": start + 30}}  # fmt: skip
    body = {"verdict": "add", "reviewer": "Ada", "paper": paper, "fact": fact}
    wrong = dict(fact, evidence=dict(fact["evidence"], quote="ERA2 patients did very well indeed"))
    r = c.post("/api/verdicts", json=body | {"fact": wrong}, headers=headers)
    assert r.status_code == 400 and "not the document's text" in r.json()["error"]
    r = c.post("/api/verdicts", json=body, headers=headers)
    assert r.status_code == 200, r.text
    added = [
        f
        for f in c.get("/api/paper", params={"iri": paper}).json()["facts"]
        if f["status"] == "added"
    ]
    assert len(added) == 1 and added[0]["fields"]["value"] == 3
    assert added[0]["evidence"]["char_start"] == start and added[0]["evidence"]["page"] == 1


def test_cross_site_and_tokenless_verdicts_are_refused(reviewing, tmp_path):
    c, headers, paper, facts = reviewing()
    body = {"fact_id": facts[0]["id"], "verdict": "reject", "reviewer": "Mallory", "paper": paper}
    assert c.get("/api/verdicts").status_code == 405
    no_csrf = {"Origin": BASE}
    assert c.post("/api/verdicts", json=body, headers=no_csrf).status_code == 403
    other = headers | {"Origin": "http://evil.example"}
    assert c.post("/api/verdicts", json=body, headers=other).status_code == 403
    # a cross-site form post: no custom header can be sent, the content type is a form's
    form = c.post("/api/verdicts", data=body, headers={"Origin": "http://evil.example"})
    assert form.status_code == 403
    assert not (tmp_path / "curation.jsonl").exists()

    lan = "http://10.1.2.3:8000"
    c, headers, paper, facts = reviewing(host="0.0.0.0", base=lan)
    r = c.post("/api/verdicts", json=body, headers=headers)
    assert r.status_code == 403 and "read only" in r.json()["error"]
    c, headers, paper, facts = reviewing(host="0.0.0.0", token="s3cret", base=lan)
    assert c.post("/api/verdicts", json=body, headers=headers).status_code == 403
    r = c.post("/api/verdicts", json=body, headers=headers | {"X-Litkg-Token": "s3cret"})
    assert r.status_code == 200, r.text
    assert (tmp_path / "curation.jsonl").is_file()


# --- a PDF page with the evidence marked ------------------------------------------


def orange_pixels(png: bytes) -> int:
    import io

    import numpy as np
    from PIL import Image

    px = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    r, g, b = px[..., 0], px[..., 1], px[..., 2]
    return int(((r > 200) & (g > 100) & (g < 140) & (b < 30)).sum())


def test_a_pdf_page_is_rendered_with_the_quote_outlined():
    from litkg.kg.serve.pages import PageError, page_png

    pdf = CORPUS_PDF / "004_eed059982c442256.pdf"
    plain = page_png(pdf, 1)
    marked = page_png(pdf, 1, "ERA2 patients had a lower cumulative incidence of relapse")
    assert plain[:8] == b"\x89PNG\r\n\x1a\n"
    assert orange_pixels(plain) == 0
    assert orange_pixels(marked) > 200  # the outline drawn around the words
    assert orange_pixels(page_png(pdf, 1, "words printed on no page of this paper")) == 0
    with pytest.raises(PageError, match="no page 9"):
        page_png(pdf, 9)


def test_page_images_only_for_papers_read_from_a_pdf(client):
    paper = client.get("/api/studies").json()[0]["iri"]
    r = client.get("/api/page-image", params={"iri": paper, "page": 1})
    assert r.status_code == 404 and "not read from a PDF" in r.json()["error"]
    assert client.get("/api/page-image", params={"iri": paper, "page": "x"}).status_code == 400


def outcome_lines(table: dict, label: str) -> list[str]:
    """The outcome lines of one study's column of the compare table."""
    col = table["header"].index(label)
    return [line for row in table["rows"][10:] for line in row[col].split("\n") if line]


def test_compare_applies_the_verdicts(reviewing):
    c, headers, paper, facts = reviewing()
    label = next(s["label"] for s in c.get("/api/studies").json() if s["iri"] == paper)
    before = outcome_lines(c.get("/api/compare").json(), label)
    outcomes = [f for f in facts if f["kind"] == "outcome"]
    base = {"reviewer": "Ada", "paper": paper}
    r = c.post(
        "/api/verdicts",
        json=base | {"fact_id": outcomes[0]["id"], "verdict": "reject"},
        headers=headers,
    )
    assert r.status_code == 200
    after = outcome_lines(c.get("/api/compare").json(), label)
    assert len(after) == len(before) - 1
    r = c.post(
        "/api/verdicts",
        json=base | {"fact_id": outcomes[1]["id"], "verdict": "confirm"},
        headers=headers,
    )
    assert r.status_code == 200
    reviewed = c.get("/api/compare", params={"reviewed_only": "1"}).json()
    assert reviewed["filters"]["reviewed_only"] is True
    assert len(outcome_lines(reviewed, label)) == 1


def test_review_status_counts_the_reviewed_papers_only(reviewing):
    c, headers, paper, facts = reviewing()
    assert c.get("/api/review-status").json() == {"papers": [], "orphans": []}
    body = {"fact_id": facts[0]["id"], "verdict": "confirm", "reviewer": "Ada", "paper": paper}
    assert c.post("/api/verdicts", json=body, headers=headers).status_code == 200
    status = c.get("/api/review-status").json()
    assert status["papers"] == [{"paper": paper, "facts": len(facts), "reviewed": 1}]
    assert status["orphans"] == []
