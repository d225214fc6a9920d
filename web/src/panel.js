// The event panel: the merged event's fields with their precision, whether it is
// contested, each claim with its claimant, hedging and basis, and the evidence marked
// inside each report's own text.

import { getJson } from "./api.js";
import { h, safeLink, typeClass } from "./dom.js";
import { t } from "./i18n.js";

/** Fills `body` with event `id`'s panel. */
export async function showEvent(body, id) {
  body.replaceChildren(h("p", {}, t("loading")));
  let e;
  try {
    e = await getJson(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    body.replaceChildren(h("p", {}, `${t("not_found")}: ${err.message}`));
    return;
  }
  const docs = new Map();
  await Promise.all(
    [...new Set(e.reports.map((r) => r.document.id))].map(async (d) => {
      try {
        docs.set(d, await getJson(`/api/documents/${encodeURIComponent(d)}`));
      } catch {
        /* a document that cannot be read is shown without its text */
      }
    }),
  );
  body.replaceChildren(...eventView(e, docs));
  // each report's text box opens at its first marked words; the panel stays at the top
  for (const box of body.querySelectorAll(".doctext")) {
    const mark = box.querySelector("mark");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 24);
  }
}

function range(a, b) {
  if (a == null && b == null) return t("unknown");
  if (a === b || b == null) return String(a);
  return `${a} – ${b}`;
}

function eventView(e, docs) {
  const fat = e.fatalities || {};
  const out = [
    h("h2", { className: typeClass(e.event_type) }, e.sub_event_type),
    h("div", { className: "meta" }, e.event_type, " · ", e.id),
  ];
  if (e.contested) {
    out.push(
      h("div", { className: "contested", role: "status" }, t("contested"),
        h("ul", {}, (e.contested_why || []).map((w) => h("li", {}, w)))),
    );
  }
  const actors = (main, assoc) =>
    main ? [main, assoc && assoc.length ? ` (${t("assoc")} ${assoc.join(", ")})` : ""].join("") : t("unknown");
  out.push(
    h("dl", {},
      h("dt", {}, t("date")),
      h("dd", {}, range(e.from, e.to), ` (${t("precision")}: ${t("time_precision")[e.time_precision] || e.time_precision})`),
      h("dt", {}, t("place")),
      h("dd", {}, [e.location || t("unknown"), e.admin2, e.admin1, e.country].filter(Boolean).join(", "),
        ` (${t("precision")}: ${t("geo_precision")[e.geo_precision] || e.geo_precision})`),
      h("dt", {}, t("actor1")), h("dd", {}, actors(e.actor1, e.assoc_actor1)),
      h("dt", {}, t("actor2")), h("dd", {}, actors(e.actor2, e.assoc_actor2)),
      h("dt", {}, t("fatalities")),
      h("dd", { className: "fatalities" },
        `${t("low")} ${fat.low ?? "–"} · ${t("best")} ${fat.best ?? "–"} · ${t("high")} ${fat.high ?? "–"}`),
      h("dt", {}, t("wounded")), h("dd", {}, e.wounded ?? "–"),
      h("dt", {}, t("civilians")), h("dd", {}, e.civilian_targeting ? t("yes") : t("no")),
      h("dt", {}, t("sources")), h("dd", {}, `${e.sources} · ${t("reports")}: ${e.reports.length}`),
    ),
  );
  out.push(h("h3", {}, t("claims")), claimsTable(e));
  for (const r of e.reports) out.push(reportView(r, docs.get(r.document.id)));
  return out;
}

function claimsTable(e) {
  const rows = [];
  for (const r of e.reports) {
    for (const c of r.claims || []) {
      rows.push(
        h("tr", { className: c.hedged ? "claim hedged" : "claim" },
          h("td", {}, c.claimant),
          h("td", {}, c.what, c.span && c.span.text ? h("q", { className: "quote" }, c.span.text) : ""),
          h("td", {}, c.hedged ? t("yes") : t("no")),
          h("td", {}, c.basis || "–"),
          h("td", {}, r.document.outlet || r.document.title || r.document.id.slice(0, 12)),
        ),
      );
    }
  }
  return h("table", { className: "claims" },
    h("thead", {}, h("tr", {}, ...["claimant", "what", "hedged", "basis", "sources"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, rows));
}

function reportView(r, doc) {
  const d = r.document;
  const fat = r.fatalities;
  const parts = [
    h("h3", {}, `${t("report_by")}: `, d.outlet || d.title || d.id.slice(0, 12)),
    h("div", { className: "meta" },
      [d.title, d.published].filter(Boolean).join(" · "), " ",
      d.url ? safeLink(d.url, t("open_source")) : ""),
  ];
  if (fat && fat.best_rule) parts.push(h("div", { className: "meta" }, `${t("best_rule")}: ${fat.best_rule}`));
  if (doc && typeof doc.text === "string") {
    parts.push(h("div", { className: "meta" }, t("evidence")));
    const spans = [
      ...(r.evidence || []).map((s) => ({ start: s.start, end: s.end, cls: "evidence" })),
      ...(r.claims || []).map((c) => ({ start: c.span.start, end: c.span.end, cls: "claim" })),
    ];
    parts.push(markedText(doc.text, spans));
  }
  parts.push(h("div", { className: "rules" }, `${t("rules")}: ${(r.rules || []).join(", ")}`));
  return h("section", { className: "report" }, parts);
}

/**
 * The report's text with spans marked. Spans are byte offsets into the UTF-8 text (as
 * the API gives them); overlapping spans are merged into one mark.
 */
export function markedText(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= bytes.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.cls === "claim") last.cls = "claim";
    } else merged.push({ ...s });
  }
  const el = h("div", { className: "doctext" });
  let at = 0;
  for (const s of merged) {
    el.append(document.createTextNode(dec.decode(bytes.subarray(at, s.start))));
    el.append(h("mark", { className: s.cls }, dec.decode(bytes.subarray(s.start, s.end))));
    at = s.end;
  }
  el.append(document.createTextNode(dec.decode(bytes.subarray(at))));
  return el;
}
