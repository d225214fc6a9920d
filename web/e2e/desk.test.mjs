// End-to-end tests of the analyst's page in headless Chromium (Debian's package, driven
// by playwright-core). Run by crates/vigie-cli/tests/web.rs against a real `vigie serve`
// over the demo record:
//   VIGIE_URL=http://127.0.0.1:PORT VIGIE_TOKEN=… VIGIE_SHOTS=DIR VIGIE_HOSTILE=DIR node --test e2e/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const URL_BASE = process.env.VIGIE_URL;
const SHOTS = process.env.VIGIE_SHOTS || "screenshots";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
});
after(async () => {
  await browser?.close();
});

async function api(path) {
  const r = await fetch(URL_BASE + path);
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return r.json();
}

/** A page that records errors, dialogs and outside requests. */
async function open(path) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const seen = { errors: [], dialogs: [], outside: [] };
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(URL_BASE) && !r.url().startsWith("data:")) seen.outside.push(r.url());
  });
  await page.goto(URL_BASE + path);
  return { page, seen };
}

/** Events on the map: single markers plus the counts of clusters. */
async function markersShown(page) {
  return page.evaluate(() => {
    const singles = document.querySelectorAll(".leaflet-marker-icon.ev").length;
    const clustered = [...document.querySelectorAll(".leaflet-marker-icon.cluster")]
      .map((c) => Number(c.textContent))
      .reduce((a, b) => a + b, 0);
    return singles + clustered;
  });
}

async function located(query) {
  const fc = await api(`/api/events?format=geojson&limit=10000${query ? "&" + query : ""}`);
  return fc.features.filter((f) => f.geometry);
}

test("the map shows the demo's events, the basemap and the timeline, with no request leaving the machine", async () => {
  const expected = (await located("")).length;
  assert.ok(expected >= 3, `demo events with a place: ${expected}`);
  const { page, seen } = await open("/");
  await page.waitForFunction((n) => Number(document.body.dataset.events) === n, expected);
  await page.waitForSelector(".leaflet-overlay-pane path"); // country outlines
  await page.waitForSelector("#timeline rect.bar");
  await page.waitForTimeout(500);
  assert.equal(await markersShown(page), expected);
  const labels = await page.locator(".label").count();
  assert.ok(labels > 0, "gazetteer labels");
  // tracks: a line through each track's located waypoints, each waypoint dated on hover
  const tracks = await api("/api/tracks?format=geojson");
  const lines = tracks.features.filter((f) => f.properties.waypoints.filter((w) => w.lat != null).length > 1).length;
  assert.ok(lines > 0, "the demo has a track with two located waypoints");
  await page.waitForSelector("path.track");
  assert.equal(await page.locator("path.track").count(), lines);
  // hover the waypoints in turn (one may lie under an event's marker) until a tip shows
  let tip = null;
  const waypoints = page.locator("path.waypoint");
  for (let i = 0; i < (await waypoints.count()) && tip === null; i++) {
    await waypoints.nth(i).hover({ force: true });
    if (await page.locator(".leaflet-tooltip").count()) tip = await page.locator(".leaflet-tooltip").first().textContent();
  }
  assert.ok(tip !== null, "a waypoint shows a tip on hover");
  assert.match(tip, /\d{4}-\d{2}-\d{2}/, `a waypoint's tip gives its date: ${tip}`);
  await page.screenshot({ path: join(SHOTS, "map.png") });
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.outside, []);
  await page.close();
});

test("brushing the timeline filters the map and is kept in the URL", async () => {
  const { page } = await open("/");
  const all = (await located("")).length;
  await page.waitForFunction((n) => Number(document.body.dataset.events) === n, all);
  const box = await page.locator("#timeline").boundingBox();
  // from the left edge to 40% of the width: the first weeks only
  await page.mouse.move(box.x + 32, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("from"));
  const params = new URL(page.url()).searchParams;
  const from = params.get("from");
  const to = params.get("to");
  assert.match(from, /^\d{4}-\d{2}-\d{2}$/);
  const expected = (await located(`from=${from}&to=${to}`)).length;
  assert.ok(expected < all, `the brushed period (${from} – ${to}) holds fewer events: ${expected} of ${all}`);
  await page.waitForFunction((n) => Number(document.body.dataset.events) === n, expected);
  await page.waitForTimeout(300);
  assert.equal(await markersShown(page), expected);
  assert.equal(await page.inputValue("input[name=from]"), from);
  // the export links follow the selection
  const href = await page.getAttribute("#export-jsonl", "href");
  assert.ok(href.includes(`from=${from}`) && href.includes(`to=${to}`), href);
  const exported = (await (await fetch(URL_BASE + href)).text()).trim().split("\n").filter(Boolean);
  const inPeriod = (await api(`/api/events?from=${from}&to=${to}&limit=10000`)).events.length;
  assert.equal(exported.length, inPeriod);
  await page.screenshot({ path: join(SHOTS, "brushed.png") });
  // the shared URL opens the same view
  const again = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await again.goto(page.url());
  await again.waitForFunction((n) => Number(document.body.dataset.events) === n, expected);
  await again.close();
  await page.close();
});

test("clicking an event opens its claims with the evidence highlighted in the report", async () => {
  const strikes = (await located("sub_type=Air%2Fdrone%20strike"));
  assert.ok(strikes.length > 0, "the demo has a drone strike");
  const target = strikes[0];
  const [lon, lat] = target.geometry.coordinates;
  const detail = await api(`/api/events/${target.id}`);
  const { page, seen } = await open(`/?map=12/${lat}/${lon}`);
  await page.waitForSelector(".leaflet-marker-icon.ev");
  // two events of the demo share one point (a strike and a convoy's passage, both at
  // Bourem): their markers overlap, so the click goes to the strike's marker itself
  await page.locator(`.leaflet-marker-icon.ev[title^="Air/drone strike"]`).first().dispatchEvent("click");
  await page.waitForSelector("#panel:not([hidden]) table.claims tbody tr");
  assert.equal(new URL(page.url()).searchParams.get("event"), target.id);
  const claims = await page.locator("#panel table.claims tbody tr").count();
  const expectedClaims = detail.reports.reduce((a, r) => a + r.claims.length, 0);
  assert.equal(claims, expectedClaims);
  const marks = await page.locator("#panel .doctext mark").allTextContents();
  assert.ok(marks.length > 0, "evidence is marked in the report's text");
  const evidence = detail.reports.flatMap((r) => r.evidence.map((e) => e.text).concat(r.claims.map((c) => c.span.text)));
  for (const m of marks) {
    assert.ok(evidence.some((e) => m.includes(e)), `a mark shows the words of a span: ${m}`);
  }
  const fat = await page.locator("#panel .fatalities").textContent();
  assert.match(fat, /\d/);
  await page.screenshot({ path: join(SHOTS, "event.png") });
  // French interface
  await page.click("[data-lang=fr]");
  assert.equal(await page.locator("[data-i18n=from]").textContent(), "Du");
  await page.waitForSelector("#panel h3");
  await page.screenshot({ path: join(SHOTS, "event-fr.png") });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("hostile reports are shown as text and nothing in them runs", async () => {
  const dir = process.env.VIGIE_HOSTILE;
  const token = process.env.VIGIE_TOKEN;
  assert.ok(dir && token, "VIGIE_HOSTILE and VIGIE_TOKEN are set");
  const ids = [];
  for (const name of readdirSync(dir).sort()) {
    const r = await fetch(`${URL_BASE}/api/documents?name=${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body: readFileSync(join(dir, name)),
    });
    const body = await r.json();
    assert.ok(r.status === 201 || r.status === 200, `${name}: ${r.status} ${JSON.stringify(body)}`);
  }
  // the events the hostile documents report (found by their payloads' words)
  const hits = await api("/api/documents?q=pwned");
  assert.ok(hits.documents.length >= 3, `hostile documents found: ${hits.documents.length}`);
  for (const hit of hits.documents) {
    const doc = await api(`/api/documents/${hit.document.id}`);
    for (const r of doc.reports) if (!ids.includes(r.event_id)) ids.push(r.event_id);
  }
  assert.ok(ids.length >= 2, `events from the hostile reports: ${ids.length}`);
  for (const [i, id] of ids.entries()) {
    const { page, seen } = await open(`/?event=${id}`);
    await page.waitForSelector("#panel:not([hidden]) .report");
    await page.waitForTimeout(400);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: document.querySelectorAll("script").length,
      handlers: [...document.querySelectorAll("#panel *")].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith("on"))).length,
      images: document.querySelectorAll("#panel img, #panel svg, #panel iframe, #panel math").length,
      jsLinks: [...document.querySelectorAll("a")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") || "")).length,
      text: document.getElementById("panel").textContent,
    }));
    assert.equal(state.pwned, undefined, `event ${id}: a payload ran`);
    assert.deepEqual(seen.dialogs, [], `event ${id}: a dialog opened`);
    assert.deepEqual(seen.errors, []);
    assert.equal(state.scripts, 1, "only the page's own script");
    assert.equal(state.handlers, 0, "no event-handler attributes in the panel");
    assert.equal(state.images, 0, "no image, SVG, frame or MathML from report text");
    assert.equal(state.jsLinks, 0, "no javascript: link");
    await page.screenshot({ path: join(SHOTS, `hostile-${i}.png`) });
    await page.close();
  }
  // the payloads are there, as words: proof they were rendered and not dropped
  const { page } = await open(`/?event=${ids[0]}`);
  await page.waitForSelector("#panel:not([hidden]) .report");
  const words = await page.evaluate(() => document.getElementById("panel").textContent);
  assert.match(words, /<(script|img|svg)/);
  await page.close();
});
