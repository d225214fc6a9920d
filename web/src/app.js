// Vigie's analyst desk: wires the filters, the map, the timeline and the event panel to
// the API and to the URL. See ARCHITECTURE.md ("The web page").

import { getJson } from "./api.js";
import { h, typeClass } from "./dom.js";
import { setLang, t } from "./i18n.js";
import { createMap, frame, select, showEvents, showTracks } from "./map.js";
import { showEvent } from "./panel.js";
import { filterQuery, readState, writeState } from "./state.js";
import { createTimeline, showTimeline } from "./timeline.js";

const TYPES = [
  "Battles", "Explosions/Remote violence", "Violence against civilians",
  "Protests", "Riots", "Strategic developments",
];
const EVENT_LIMIT = 5000;

const state = readState();
const form = document.getElementById("filters");
const panel = document.getElementById("panel");
const panelBody = document.getElementById("panel-body");

function parseView(s) {
  const [zoom, lat, lon] = (s || "").split("/").map(Number);
  return [zoom, lat, lon].every(Number.isFinite) ? { zoom, lat, lon } : null;
}

function fillForm() {
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "checkbox") el.checked = state[el.name] === "true";
    else el.value = state[el.name] || "";
  }
}

const typeSelect = form.elements.type;
for (const ty of TYPES) typeSelect.append(h("option", { value: ty }, ty));

setLang(state.lang || (navigator.language || "en").slice(0, 2));
fillForm();

// With more events than one request brings, the map asks for those in its view only,
// again after each move.
let viewportOnly = false;

const map = createMap("map", parseView(state.map), openEvent, (v) => {
  state.map = `${v.zoom}/${v.lat.toFixed(4)}/${v.lon.toFixed(4)}`;
  writeState(state);
  if (viewportOnly) loadEvents();
});

function viewBox() {
  const b = map.map.getBounds();
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  return [
    clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
    clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90),
  ].map((x) => x.toFixed(4)).join(",");
}
const timeline = createTimeline(document.getElementById("timeline"), (from, to) => {
  state.from = from || "";
  state.to = to || "";
  fillForm();
  writeState(state);
  loadEvents();
});

/** Points the export links at the current selection. */
function updateExports() {
  for (const format of ["acled", "geojson", "jsonl"]) {
    const q = filterQuery(state);
    q.set("format", format);
    document.getElementById(`export-${format}`).href = `/api/export?${q}`;
  }
}

let eventsRequest = 0;
let framed = Boolean(state.map);

async function loadEvents() {
  const n = ++eventsRequest;
  updateExports();
  const q = filterQuery(state);
  q.set("format", "geojson");
  q.set("limit", String(EVENT_LIMIT));
  if (viewportOnly) q.set("bbox", viewBox());
  try {
    const fc = await getJson(`/api/events?${q}`);
    if (n !== eventsRequest) return;
    if (fc.next && !viewportOnly && framed) {
      viewportOnly = true;
      loadEvents();
      return;
    }
    showEvents(map, fc);
    if (!framed) {
      framed = true;
      frame(map, fc);
      if (fc.next) viewportOnly = true;
    }
    document.getElementById("timeline-note").textContent =
      t("shown")(fc.features.length, Boolean(fc.next)) + " · " + t("brush_hint");
    document.body.dataset.events = String(fc.features.length);
  } catch (e) {
    document.getElementById("timeline-note").textContent = e.message;
  }
}

async function loadTimeline() {
  const q = filterQuery(state, ["from", "to"]);
  let bin = "week";
  q.set("bin", bin);
  let data = await getJson(`/api/timeline?${q}`);
  const periods = [...new Set(data.counts.map((c) => c.period))].sort();
  if (periods.length > 0) {
    const span = (Date.parse(periods[periods.length - 1]) - Date.parse(periods[0])) / 86400000;
    if (span < 120) {
      bin = "day";
      q.set("bin", bin);
      data = await getJson(`/api/timeline?${q}`);
    }
  }
  showTimeline(timeline, data.counts, bin, { from: state.from, to: state.to });
  const legend = document.getElementById("legend");
  const present = new Set(data.counts.map((c) => c.event_type));
  legend.replaceChildren(
    ...TYPES.filter((ty) => present.has(ty)).map((ty) =>
      h("li", { className: typeClass(ty) }, ty)),
  );
}

async function loadStats() {
  try {
    const s = await getJson("/api/stats");
    document.getElementById("stats").textContent = t("stats")(s);
  } catch {
    /* stats are a nicety */
  }
}

async function loadTracks() {
  try {
    showTracks(map, await getJson("/api/tracks?format=geojson"));
  } catch (e) {
    console.error("tracks", e);
  }
}

function openEvent(id) {
  state.event = id;
  writeState(state);
  panel.hidden = false;
  select(map, id);
  showEvent(panelBody, id).then(() => map.map.invalidateSize());
}

document.getElementById("panel-close").addEventListener("click", () => {
  delete state.event;
  writeState(state);
  panel.hidden = true;
  select(map, null);
  map.map.invalidateSize();
});

let typing = null;
form.addEventListener("input", (e) => {
  const el = e.target;
  if (!el.name) return;
  state[el.name] = el.type === "checkbox" ? (el.checked ? "true" : "") : el.value.trim();
  writeState(state);
  clearTimeout(typing);
  typing = setTimeout(() => {
    loadEvents();
    loadTimeline();
  }, el.type === "text" || el.type === "search" ? 300 : 0);
});
form.addEventListener("submit", (e) => e.preventDefault());
form.addEventListener("reset", () => {
  for (const k of ["type", "actor", "country", "from", "to", "q", "contested"]) delete state[k];
  writeState(state);
  setTimeout(() => {
    fillForm();
    loadEvents();
    loadTimeline();
  });
});

for (const b of document.querySelectorAll("[data-lang]")) {
  b.addEventListener("click", () => {
    state.lang = b.dataset.lang;
    writeState(state);
    setLang(state.lang);
    loadStats();
    if (state.event) openEvent(state.event);
    loadTimeline();
    loadEvents();
  });
}

async function loadActors() {
  try {
    const r = await getJson("/api/actors");
    document.getElementById("actors").replaceChildren(...r.actors.map((a) => h("option", { value: a })));
  } catch {
    /* suggestions are a nicety */
  }
}

loadStats();
loadActors();
loadEvents();
loadTimeline();
loadTracks();
if (state.event) openEvent(state.event);
