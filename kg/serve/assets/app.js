// litkg serve: the studies, the compare table and the review of one paper.
// Paper text and facts are untrusted: they are only ever set as text
// (textContent / text nodes), never parsed as HTML.
"use strict";

const state = { session: null, paper: null, active: null, selection: null };
const DONE = { confirm: "Confirmed", correct: "Corrected", reject: "Rejected", add: "Added" };
const KINDS = ["study", "arm", "intervention", "outcome", "adverse_event", "reference"];
const FIELD_HINTS = {
  study: "field = value (title, phase, design, ...)",
  arm: "label = ...\nrole = intervention | control\nn = ...",
  intervention: "drug = ...\ndose = ...\nunit = ...",
  outcome: "endpoint = OS\nstatistic = rate\nvalue = ...\nunit = %\ntimepoint_months = 12\narm = ...",
  adverse_event: "term = ...\ngrade = 3-4\nn = ...\npercent = ...\narm = ...",
  reference: "index = ...\nfirst_author = ...\nyear = ...\ndoi = ...",
};

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    e.append(kid instanceof Node ? kid : String(kid));
  }
  return e;
}

function say(text, error = false) {
  const m = document.getElementById("message");
  m.textContent = text || "";
  m.hidden = !text;
  m.className = error ? "error" : "";
}

async function getJSON(path) {
  const r = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  const data = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(data.error || `HTTP ${r.status}`);
  return data;
}

async function postJSON(path, body) {
  const headers = { "Content-Type": "application/json", "X-Litkg-CSRF": state.session.csrf };
  const token = document.getElementById("token").value || sessionStorage.getItem("litkg.token");
  if (token) headers["X-Litkg-Token"] = token;
  const r = await fetch(path, { method: "POST", credentials: "same-origin", headers, body: JSON.stringify(body) });
  const data = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(data.error || `HTTP ${r.status}`);
  return data;
}

function view(cls = "") {
  const v = document.getElementById("view");
  v.replaceChildren();
  v.className = cls;
  return v;
}

function currentNav(name) {
  for (const a of document.querySelectorAll("header nav a[data-nav]")) {
    a.classList.toggle("current", a.dataset.nav === name);
  }
}

function paperLink(p) {
  return el("a", { href: "#/paper?iri=" + encodeURIComponent(p.iri) }, p.label || p.iri);
}

// --- studies ------------------------------------------------------------------

async function showStudies() {
  currentNav("studies");
  const [studies, status] = await Promise.all([getJSON("/api/studies"), getJSON("/api/review-status").catch(() => ({}))]);
  const v = view();
  v.append(el("h2", {}, `Studies (${studies.length})`));
  const byPaper = Object.fromEntries((status.papers || []).map((s) => [s.paper, s]));
  const rows = studies.map((p) => {
    const s = byPaper[p.iri];
    return el("tr", {}, el("td", {}, paperLink(p)), el("td", {}, p.year ?? ""), el("td", {}, p.doi || ""),
      el("td", {}, p.document || ""), el("td", {}, s ? `${s.reviewed} of ${s.facts}` : ""));
  });
  v.append(el("table", { class: "studies" },
    el("thead", {}, el("tr", {}, ["Study", "Year", "DOI", "Document", "Reviewed"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows)));
  const orphans = status.orphans || [];
  if (orphans.length) {
    const n = orphans.length;
    const papers = [...new Set(orphans.map((o) => o.paper))];
    const links = papers.map((iri) => {
      const p = studies.find((s) => s.iri === iri);
      return p ? paperLink(p) : el("span", {}, iri || "a paper no longer in the store");
    });
    v.append(el("p", { class: "orphans" },
      `${n} verdict${n === 1 ? " needs" : "s need"} re-review, their facts no longer extracted: `,
      links.flatMap((a, i) => (i ? [", ", a] : [a]))));
  }
}

// --- compare ------------------------------------------------------------------

async function showCompare(params) {
  currentNav("compare");
  const v = view();
  v.append(el("h2", {}, "Compare"));
  const choices = await getJSON("/api/filters");
  const form = el("form", { class: "filters", id: "compare-form" });
  for (const name of ["endpoint", "timepoint", "drug", "design"]) {
    const list = el("datalist", { id: "dl-" + name }, (choices[name] || []).map((c) => el("option", { value: c })));
    const input = el("input", { name, list: "dl-" + name, value: params.get(name) || "", size: 14,
      placeholder: name === "timepoint" ? "months" : "any" });
    form.append(el("label", {}, name, input, list));
  }
  form.append(el("label", { class: "check" }, el("input", { type: "checkbox", name: "reviewed_only", value: "1", checked: params.get("reviewed_only") === "1" }), "reviewed facts only"));
  form.append(el("button", { type: "submit" }, "Apply"), el("button", { type: "reset", onclick: () => { location.hash = "#/compare"; } }, "Clear"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, val] of new FormData(form)) if (String(val).trim()) q.set(k, String(val).trim());
    location.hash = "#/compare" + (q.toString() ? "?" + q : "");
  });
  v.append(form);
  const q = new URLSearchParams();
  for (const k of ["endpoint", "timepoint", "drug", "design", "reviewed_only"]) if (params.get(k)) q.set(k, params.get(k));
  let data;
  try {
    data = await getJSON("/api/compare?" + q);
  } catch (e) {
    v.append(el("p", { class: "error" }, e.message));
    return;
  }
  if (!data.papers.length) {
    v.append(el("p", { class: "hint" }, "No study matches."));
    return;
  }
  const head = el("tr", {}, el("th", {}, ""), data.papers.map((p) => el("th", {}, paperLink(p))));
  const body = data.rows.map((row) => el("tr", {}, row.map((c) => el("td", {}, c))));
  v.append(el("table", { class: "compare" }, el("thead", {}, head), el("tbody", {}, body)));
}

// --- one paper -----------------------------------------------------------------

async function showPaper(iri, keepScroll = false) {
  currentNav("");
  const started = performance.now();
  const facts = document.getElementById("facts");
  const scroll = keepScroll && facts ? facts.scrollTop : 0;
  const data = await getJSON("/api/paper?iri=" + encodeURIComponent(iri));
  state.paper = data;
  const v = view("paper");
  const left = el("section", { id: "facts" });
  const right = el("section", { id: "doc" });
  v.append(left, right);
  renderDocument(right, data);
  renderFacts(left, data);
  left.scrollTop = scroll;
  left.dataset.ready = "1";
  window.litkgTimings = { paperMs: performance.now() - started, facts: data.facts.length };
}

function factSpan(f, text) {
  const ev = f.evidence || {};
  if (!text) return null;
  const s = ev.char_start, e = ev.char_end;
  if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= text.length) {
    if (!ev.quote || text.slice(s, e) === ev.quote) return [s, e];
  }
  if (ev.quote) {
    const i = text.indexOf(ev.quote);
    if (i >= 0) return [i, i + ev.quote.length];
  }
  return null;
}

function renderDocument(root, data) {
  const doc = data.document;
  root.append(el("h2", {}, data.paper.label));
  if (doc.note) root.append(el("p", { class: "hint" }, doc.note));
  if (!doc.text) {
    root.append(el("p", { class: "hint" }, "The document text is not available; evidence quotes are shown with each fact."));
    return;
  }
  const text = doc.text;
  const spans = data.facts.map((f) => factSpan(f, text));
  data.facts.forEach((f, i) => { f._span = spans[i]; });
  const cuts = new Set([0, text.length]);
  for (const sp of spans) if (sp) { cuts.add(sp[0]); cuts.add(sp[1]); }
  const pageAt = new Map();
  for (const p of doc.pages || []) {
    if (p.char_start > 0 && p.char_start < text.length) { cuts.add(p.char_start); pageAt.set(p.char_start, p.number); }
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "text", id: "doc-text" });
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k], b = bounds[k + 1];
    if (pageAt.has(a)) box.append(el("span", { class: "page-break", contenteditable: "false" }, `page ${pageAt.get(a)}`));
    const covering = [];
    spans.forEach((sp, i) => { if (sp && sp[0] <= a && sp[1] >= b) covering.push(i); });
    const piece = text.slice(a, b);
    if (!covering.length) {
      box.append(el("span", { dataset: { s: a } }, piece));
    } else {
      const added = covering.some((i) => data.facts[i].status === "added");
      const m = el("mark", { dataset: { s: a, facts: covering.join(" ") },
        class: (covering.length > 1 ? "n2" : "") + (added ? " added" : ""),
        title: covering.map((i) => data.facts[i].summary).join("\n") }, piece);
      m.addEventListener("click", () => activate(covering[0], true));
      box.append(m);
    }
  }
  box.addEventListener("mouseup", () => setTimeout(() => offerAdd(text, doc.pages || []), 0));
  root.append(box);
}

function activate(i, fromText = false) {
  state.active = i;
  for (const m of document.querySelectorAll("#doc-text mark")) {
    m.classList.toggle("active", m.dataset.facts.split(" ").includes(String(i)));
  }
  for (const f of document.querySelectorAll("#facts .fact")) f.classList.toggle("active", f.dataset.index === String(i));
  const target = fromText
    ? document.querySelector(`#facts .fact[data-index="${i}"]`)
    : document.querySelector("#doc-text mark.active");
  if (target) target.scrollIntoView({ block: "center" });
}

function statusBadge(status) {
  return el("span", { class: "status " + status }, status);
}

function renderFacts(root, data) {
  const writable = state.session.writable;
  root.append(el("h2", {}, `Facts (${data.facts.length})`));
  if (writable) root.append(el("p", { class: "hint" }, "Select text in the paper to add a fact extraction missed."));
  root.append(el("div", { id: "add-panel", hidden: true }));
  if (data.orphans && data.orphans.length) {
    root.append(el("div", { class: "orphans", id: "orphans" },
      el("b", {}, `Verdicts needing re-review (${data.orphans.length})`),
      el("p", { class: "hint" }, "Their facts are no longer extracted (the paper or the extractor changed)."),
      el("ul", {}, data.orphans.map((o) => el("li", { class: "orphan", dataset: { fact: o.fact_id } },
        `${o.verdict}${o.field ? " " + o.field : ""}${o.new !== undefined && o.new !== null ? " → " + o.new : ""} by ${o.reviewer || "?"}`,
        o.quote ? el("div", { class: "quote" }, `“${o.quote}”`) : null)))));
  }
  root.append(filterBar(data));
  let kind = null;
  data.facts.forEach((f, i) => {
    if (f.kind !== kind) {
      kind = f.kind;
      root.append(el("h3", { dataset: { kind } }, kind.replace("_", " ")));
    }
    root.append(renderFact(f, i, writable));
  });
  applyFilter();
}

// The facts shown: by kind, by review state, by words of the summary or quote.
const filter = { kind: "", state: "", words: "" };

function filterBar(data) {
  const kinds = [...new Set(data.facts.map((f) => f.kind))];
  const kind = el("select", { name: "kind", "aria-label": "kind" }, el("option", { value: "" }, "every kind"),
    kinds.map((k) => el("option", { value: k, selected: filter.kind === k }, k.replace("_", " "))));
  const stateSel = el("select", { name: "state", "aria-label": "review state" },
    [["", "reviewed or not"], ["todo", "not reviewed"], ["done", "reviewed"]].map(([v, t]) => el("option", { value: v, selected: filter.state === v }, t)));
  const words = el("input", { type: "search", name: "words", placeholder: "find in facts", value: filter.words, size: 14 });
  const update = () => { filter.kind = kind.value; filter.state = stateSel.value; filter.words = words.value; applyFilter(); };
  kind.addEventListener("change", update);
  stateSel.addEventListener("change", update);
  words.addEventListener("input", update);
  return el("div", { class: "fact-filter" }, kind, stateSel, words, el("span", { id: "fact-count", class: "hint" }));
}

function applyFilter() {
  const facts = state.paper ? state.paper.facts : [];
  const words = filter.words.trim().toLowerCase();
  let shown = 0;
  const kindsShown = new Set();
  for (const box of document.querySelectorAll("#facts .fact")) {
    const f = facts[Number(box.dataset.index)];
    const reviewed = (f.status || "extracted") !== "extracted";
    const ok = (!filter.kind || f.kind === filter.kind)
      && (!filter.state || (filter.state === "done") === reviewed)
      && (!words || `${f.summary} ${(f.evidence || {}).quote || ""}`.toLowerCase().includes(words));
    box.hidden = !ok;
    if (ok) { shown++; kindsShown.add(f.kind); }
  }
  for (const h of document.querySelectorAll("#facts h3[data-kind]")) h.hidden = !kindsShown.has(h.dataset.kind);
  const count = document.getElementById("fact-count");
  if (count) count.textContent = shown === facts.length ? "" : `${shown} shown`;
}

function renderFact(f, i, writable) {
  const box = el("div", { class: "fact " + (f.status || ""), dataset: { index: i, fact: f.id || "", kind: f.kind } });
  box.append(el("div", { class: "summary", onclick: () => activate(i) }, f.summary, statusBadge(f.status || "extracted")));
  const ev = f.evidence || {};
  if (ev.quote) {
    const page = ev.page ? ` (p. ${ev.page})` : "";
    box.append(el("div", { class: "quote" }, `“${ev.quote.length > 240 ? ev.quote.slice(0, 240) + "…" : ev.quote}”${page}`));
    if (state.paper.document.text && !f._span) box.append(el("div", { class: "noloc" }, "evidence not found in the text"));
  }
  if (ev.page && state.paper.document.source_format === "pdf") {
    box.append(el("button", { type: "button", class: "page-link", onclick: () => showPage(f) }, `page ${ev.page} image`));
  }
  if (f.verdict) {
    const v = f.verdict;
    const change = v.field ? ` ${v.field}: ${v.old ?? ""} → ${v.new ?? ""}` : "";
    box.append(el("div", { class: "verdict-note" }, `${v.verdict}${change} by ${v.reviewer || "?"}${v.at ? " at " + v.at : ""}${v.comment ? " — " + v.comment : ""}`));
  }
  if (writable && f.id) {
    const comment = el("input", { class: "comment", placeholder: "comment (optional)", size: 18 });
    box.append(el("div", { class: "actions" },
      el("button", { type: "button", class: "confirm", onclick: () => verdict(f, "confirm", { comment: comment.value }) }, "Confirm"),
      el("button", { type: "button", class: "correct", onclick: () => correctForm(box, f) }, "Correct…"),
      el("button", { type: "button", class: "reject", onclick: () => verdict(f, "reject", { comment: comment.value }) }, "Reject"),
      comment));
  }
  return box;
}

function showPage(f) {
  const doc = document.getElementById("doc");
  const old = document.getElementById("page-view");
  if (old) old.remove();
  const ev = f.evidence;
  const q = new URLSearchParams({ iri: state.paper.paper.iri, page: ev.page, quote: ev.quote || "" });
  const img = el("img", { src: "/api/page-image?" + q, alt: `page ${ev.page} of the paper, the evidence outlined` });
  img.addEventListener("error", () => say("The page image could not be made.", true));
  const fig = el("figure", { id: "page-view" },
    el("figcaption", {}, `Page ${ev.page}: ${f.summary} `, el("button", { type: "button", onclick: () => fig.remove() }, "Close")), img);
  doc.prepend(fig);
  doc.scrollTop = 0;
}

function correctForm(box, f) {
  if (box.querySelector("form.correct")) return;
  const fields = Object.keys(f.fields || {});
  // the value a result reports is what is most often corrected
  const preferred = ["value", "n", "dose", "percent"].find((k) => fields.includes(k)) || fields[0];
  const select = el("select", { name: "field" }, fields.map((k) => el("option", { value: k, selected: k === preferred }, k)));
  const value = el("input", { name: "value", size: 12, placeholder: "new value" });
  const comment = el("input", { name: "comment", size: 16, placeholder: "comment" });
  const sync = () => { const cur = f.fields[select.value]; value.value = cur === null || cur === undefined ? "" : String(cur); };
  select.addEventListener("change", sync);
  sync();
  const form = el("form", { class: "correct" }, select, value, comment,
    el("button", { type: "submit" }, "Save"),
    el("button", { type: "button", onclick: () => form.remove() }, "Cancel"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    verdict(f, "correct", { field: select.value, old: f.fields[select.value] ?? null, new: value.value, comment: comment.value });
  });
  box.append(form);
  value.focus();
}

function reviewer() {
  const input = document.getElementById("reviewer");
  const name = input.value.trim();
  if (!name) {
    say("Enter your name as Reviewer first: every verdict records who made it.", true);
    input.focus();
    return null;
  }
  localStorage.setItem("litkg.reviewer", name);
  return name;
}

async function verdict(f, kind, extra) {
  const who = reviewer();
  if (!who) return;
  const body = { fact_id: f.id, verdict: kind, reviewer: who, paper: state.paper.paper.iri };
  for (const [k, v] of Object.entries(extra || {})) if (v !== "" && v !== undefined) body[k] = v;
  try {
    await postJSON("/api/verdicts", body);
    say(`${DONE[kind]}: ${f.summary || ""}`);
    await showPaper(state.paper.paper.iri, true);
  } catch (e) {
    say(e.message, true);
  }
}

function offsetIn(node, offset) {
  if (node.nodeType === Node.TEXT_NODE) {
    const host = node.parentElement.closest("[data-s]");
    return host ? Number(host.dataset.s) + offset : null;
  }
  const child = node.childNodes[offset] || null;
  if (child && child.dataset && child.dataset.s !== undefined) return Number(child.dataset.s);
  const host = node.closest && node.closest("[data-s]");
  return host ? Number(host.dataset.s) + (offset > 0 ? host.textContent.length : 0) : null;
}

function offerAdd(text, pages) {
  const panel = document.getElementById("add-panel");
  if (!panel || !state.session.writable) return;
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return;
  const range = sel.getRangeAt(0);
  const box = document.getElementById("doc-text");
  if (!box.contains(range.commonAncestorContainer)) return;
  let start = offsetIn(range.startContainer, range.startOffset);
  let end = offsetIn(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return;
  const quote = text.slice(start, end);
  const page = (pages.find((p) => p.char_start <= start && start < p.char_end) || {}).number ?? null;
  state.selection = { quote, char_start: start, char_end: end, page };
  const kind = el("select", { name: "kind" }, KINDS.map((k) => el("option", { value: k, selected: k === "outcome" }, k.replace("_", " "))));
  const fields = el("textarea", { name: "fields", rows: 4, cols: 30, placeholder: FIELD_HINTS.outcome });
  kind.addEventListener("change", () => { fields.placeholder = FIELD_HINTS[kind.value]; });
  const comment = el("input", { name: "comment", size: 20, placeholder: "comment" });
  const form = el("form", {}, kind, fields, comment, el("button", { type: "submit" }, "Add fact"),
    el("button", { type: "button", onclick: () => { panel.hidden = true; } }, "Cancel"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const parsed = {};
    for (const line of fields.value.split("\n")) {
      const m = line.match(/^\s*([\w ]+?)\s*[=:]\s*(.*?)\s*$/);
      if (m && m[2] !== "") parsed[m[1].replace(/ /g, "_")] = m[2];
    }
    if (!Object.keys(parsed).length) { say("Give the fact's fields, one name = value per line.", true); return; }
    const fact = { kind: kind.value, fields: parsed, evidence: state.selection };
    verdict({ id: null, summary: `${kind.value} ${Object.values(parsed).join(", ")}`, fact }, "add", { fact, comment: comment.value });
  });
  panel.replaceChildren(el("div", {}, el("b", {}, "Add a missing fact from the selection")),
    el("div", { class: "sel" }, `“${quote}”` + (page ? ` (p. ${page})` : "")), form);
  panel.hidden = false;
}

// --- start ----------------------------------------------------------------------

async function route() {
  say("");
  const hash = location.hash || "#/";
  const [path, qs] = hash.slice(1).split("?");
  const params = new URLSearchParams(qs || "");
  try {
    if (path === "/compare") await showCompare(params);
    else if (path === "/paper" && params.get("iri")) await showPaper(params.get("iri"));
    else await showStudies();
  } catch (e) {
    say(e.message, true);
  }
}

async function start() {
  state.session = await getJSON("/api/session");
  const who = document.getElementById("reviewer");
  who.value = localStorage.getItem("litkg.reviewer") || "";
  who.addEventListener("change", () => localStorage.setItem("litkg.reviewer", who.value.trim()));
  const token = document.getElementById("token");
  if (state.session.token_required) {
    document.getElementById("token-box").hidden = false;
    token.value = sessionStorage.getItem("litkg.token") || "";
    token.addEventListener("change", () => sessionStorage.setItem("litkg.token", token.value));
  }
  document.getElementById("mode").textContent = state.session.writable ? "" : "read only";
  window.addEventListener("hashchange", route);
  await route();
}

start().catch((e) => say(e.message, true));
