// The query form of /sparql: runs a query through the endpoint itself (GET, read only).
"use strict";

function cell(term) {
  const td = document.createElement("td");
  if (term) td.textContent = term.value;
  if (term && term.type === "uri") td.className = "iri";
  return td;
}

async function run(ev) {
  if (ev) ev.preventDefault();
  const query = document.getElementById("query").value;
  const status = document.getElementById("sparql-status");
  const out = document.getElementById("sparql-result");
  out.replaceChildren();
  status.textContent = "running…";
  const started = performance.now();
  const graph = /^\s*(PREFIX[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)\b/i.test(query.replace(/#[^\n]*/g, ""));
  const r = await fetch("/sparql?query=" + encodeURIComponent(query), {
    headers: { Accept: graph ? "text/turtle" : "application/sparql-results+json" },
  });
  const ms = Math.round(performance.now() - started);
  if (!r.ok) {
    status.textContent = `HTTP ${r.status} after ${ms} ms`;
    const pre = document.createElement("pre");
    pre.className = "error";
    pre.textContent = await r.text();
    out.append(pre);
    return;
  }
  if (graph) {
    const pre = document.createElement("pre");
    pre.textContent = await r.text();
    out.append(pre);
    status.textContent = `${ms} ms`;
    return;
  }
  const doc = await r.json();
  if ("boolean" in doc) {
    status.textContent = `${doc.boolean} (${ms} ms)`;
    return;
  }
  const vars = doc.head.vars;
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = "?" + v;
    head.append(th);
  }
  const body = table.createTBody();
  for (const b of doc.results.bindings) {
    const tr = body.insertRow();
    for (const v of vars) tr.append(cell(b[v]));
  }
  out.append(table);
  status.textContent = `${doc.results.bindings.length} rows, ${ms} ms`;
}

document.getElementById("sparql-form").addEventListener("submit", (ev) => { run(ev).catch((e) => { document.getElementById("sparql-status").textContent = e.message; }); });
