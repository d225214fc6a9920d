// The map: an offline basemap (Natural Earth countries from world-atlas, the record's
// administrative boundaries, gazetteer place labels), events as clustered markers
// coloured by type, tracks as dated lines. No tile server: nothing leaves the machine.

import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import { getJson } from "./api.js";
import { h, typeClass } from "./dom.js";
import { t } from "./i18n.js";

const ATTRIBUTION =
  "Natural Earth · boundaries © UN OCHA / HDX · places © GeoNames (CC BY 4.0), © OpenStreetMap contributors (ODbL)";

/** Creates the map in element `id`; `onEvent(id)` is called when an event is clicked. */
export function createMap(id, view, onEvent, onMove) {
  const map = L.map(id, { worldCopyJump: true, minZoom: 2, maxZoom: 13 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(ATTRIBUTION);
  if (view) map.setView([view.lat, view.lon], view.zoom);
  else map.setView([17, 0], 5);

  map.createPane("basemap").style.zIndex = 200;
  const labels = map.createPane("labels");
  labels.style.zIndex = 450;
  labels.style.pointerEvents = "none";

  const m = {
    map,
    events: L.markerClusterGroup({
      maxClusterRadius: 40,
      disableClusteringAtZoom: 11,
      showCoverageOnHover: false,
      iconCreateFunction: (c) =>
        L.divIcon({ html: h("span", {}, String(c.getChildCount())), className: "cluster", iconSize: [30, 30] }),
    }),
    tracks: L.layerGroup(),
    labels: L.layerGroup(),
    markers: new Map(),
    selected: null,
    onEvent,
  };
  m.events.addTo(map);
  m.tracks.addTo(map);
  m.labels.addTo(map);
  loadBasemap(m);
  map.on("moveend", () => {
    loadLabels(m);
    const c = map.getCenter();
    onMove({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
  });
  loadLabels(m);
  return m;
}

async function loadBasemap(m) {
  try {
    const topo = await getJson("countries-50m.json");
    const countries = feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      pane: "basemap",
      interactive: false,
      style: { color: "#8c9aa6", weight: 1, fillColor: "#f6f3ea", fillOpacity: 1 },
    }).addTo(m.map);
  } catch (e) {
    console.error("basemap", e);
  }
  try {
    const admin = await getJson("/api/boundaries");
    L.geoJSON(admin, {
      pane: "basemap",
      interactive: false,
      style: { color: "#b7b09c", weight: 0.7, dashArray: "3 3", fill: false },
    }).addTo(m.map);
  } catch (e) {
    console.error("boundaries", e);
  }
}

let labelRequest = 0;

async function loadLabels(m) {
  const b = m.map.getBounds();
  const z = m.map.getZoom();
  const n = ++labelRequest;
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(3)).join(",");
  const minPop = z >= 9 ? 0 : z >= 7 ? 2000 : z >= 5 ? 20000 : 200000;
  let places;
  try {
    places = await getJson(`/api/places?bbox=${bbox}&min_population=${minPop}&limit=80`);
  } catch {
    return;
  }
  if (n !== labelRequest) return;
  m.labels.clearLayers();
  // largest first; a label that would overlap one already placed is left out
  const placed = [];
  for (const p of places.places) {
    const pt = m.map.latLngToContainerPoint([p.lat, p.lon]);
    const w = 7 * p.name.length;
    if (placed.some((q) => Math.abs(q.x - pt.x) < (q.w + w) / 2 + 6 && Math.abs(q.y - pt.y) < 16)) continue;
    placed.push({ x: pt.x, y: pt.y, w });
    const icon = L.divIcon({
      className: "label" + (p.capital ? " capital" : ""),
      html: h("span", {}, p.name),
      iconSize: null,
    });
    L.marker([p.lat, p.lon], { icon, pane: "labels", interactive: false, keyboard: false }).addTo(m.labels);
  }
}

/** Frames the events of a FeatureCollection (used when the URL gives no view). */
export function frame(m, fc) {
  const pts = fc.features.filter((f) => f.geometry).map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
  if (pts.length > 0) m.map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 8 });
}

/** Shows a GeoJSON FeatureCollection of events. */
export function showEvents(m, fc) {
  m.events.clearLayers();
  m.markers.clear();
  const markers = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({
        className: `ev ${typeClass(p.event_type)}${p.contested ? " contested" : ""}`,
        iconSize: [14, 14],
      }),
      title: `${p.sub_event_type} · ${p.from || "?"} · ${p.location || ""}${p.contested ? " · contested" : ""}`,
      alt: p.sub_event_type,
    });
    marker.on("click", () => m.onEvent(f.id));
    marker.eventId = f.id;
    m.markers.set(f.id, marker);
    markers.push(marker);
  }
  m.events.addLayers(markers);
  if (m.selected) select(m, m.selected);
}

/** Marks the open event on the map. */
export function select(m, id) {
  for (const [eid, marker] of m.markers) {
    const el = marker.getElement();
    if (el) el.classList.toggle("selected", eid === id);
  }
  m.selected = id;
}

/** Shows tracks: a line through located waypoints, a dot with a dated tip at each. */
export function showTracks(m, fc) {
  m.tracks.clearLayers();
  for (const f of fc.features) {
    const p = f.properties;
    const wps = (p.waypoints || []).filter((w) => w.lat != null && w.lon != null);
    if (wps.length > 1) {
      L.polyline(wps.map((w) => [w.lat, w.lon]), {
        color: p.plausible === false ? "#c0392b" : "#34495e",
        weight: 2,
        dashArray: "6 4",
        className: "track",
      }).addTo(m.tracks);
    }
    for (const w of wps) {
      const tip = h(
        "div",
        { className: "waypoint-tip" },
        h("strong", {}, `${t("track")} ${p.actor}`),
        h("br"),
        `${w.status} · ${w.place || ""} · ${w.from || "?"}${w.to && w.to !== w.from ? " – " + w.to : ""}`,
      );
      L.circleMarker([w.lat, w.lon], { radius: 5, color: "#34495e", fillColor: "#fff", fillOpacity: 1, weight: 2, className: "waypoint" })
        .bindTooltip(tip)
        .addTo(m.tracks);
    }
  }
}
