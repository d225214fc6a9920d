// The timeline: events per day or week, stacked by type, drawn in SVG. Dragging across
// it selects a period, which filters the map; a click without a drag clears it.

import { svg, typeClass } from "./dom.js";
import { t } from "./i18n.js";

const DAY = 86400000;
const PAD = { left: 30, right: 8, top: 6, bottom: 16 };

function parseDay(s) {
  return Date.parse(s + "T00:00:00Z");
}

function dayString(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A timeline in the SVG element `el`; `onBrush(from, to)` gets the period chosen (nulls to clear). */
export function createTimeline(el, onBrush) {
  const tl = { el, onBrush, data: null, bin: "week", x0: 0, x1: 1, brush: null };
  let start = null;
  el.addEventListener("pointerdown", (e) => {
    if (!tl.data) return;
    start = e.offsetX;
    el.setPointerCapture(e.pointerId);
  });
  el.addEventListener("pointermove", (e) => {
    if (start === null) return;
    drawBrush(tl, Math.min(start, e.offsetX), Math.max(start, e.offsetX));
  });
  el.addEventListener("pointerup", (e) => {
    if (start === null) return;
    const a = Math.min(start, e.offsetX);
    const b = Math.max(start, e.offsetX);
    start = null;
    if (b - a < 3) {
      tl.brush = null;
      draw(tl);
      onBrush(null, null);
      return;
    }
    const from = dayString(Math.floor(toTime(tl, a) / DAY) * DAY);
    const to = dayString(Math.floor(toTime(tl, b) / DAY) * DAY);
    tl.brush = { from, to };
    draw(tl);
    onBrush(from, to);
  });
  new ResizeObserver(() => draw(tl)).observe(el);
  return tl;
}

/** Shows counts `[{period, event_type, count}]` binned by `bin`; `brush` is the selected period. */
export function showTimeline(tl, counts, bin, brush) {
  tl.data = counts;
  tl.bin = bin;
  tl.brush = brush && brush.from && brush.to ? brush : null;
  draw(tl);
}

function width(tl) {
  return tl.el.clientWidth || 800;
}

function height(tl) {
  return tl.el.clientHeight || 120;
}

function toX(tl, ms) {
  const w = width(tl) - PAD.left - PAD.right;
  return PAD.left + ((ms - tl.x0) / (tl.x1 - tl.x0)) * w;
}

function toTime(tl, x) {
  const w = width(tl) - PAD.left - PAD.right;
  return tl.x0 + ((x - PAD.left) / w) * (tl.x1 - tl.x0);
}

function drawBrush(tl, a, b) {
  let r = tl.el.querySelector(".brush");
  if (!r) {
    r = svg("rect", { class: "brush" });
    tl.el.append(r);
  }
  r.setAttribute("x", a);
  r.setAttribute("width", Math.max(1, b - a));
  r.setAttribute("y", PAD.top);
  r.setAttribute("height", height(tl) - PAD.top - PAD.bottom);
}

function draw(tl) {
  const el = tl.el;
  el.replaceChildren();
  if (!tl.data || tl.data.length === 0) return;
  const binDays = tl.bin === "day" ? 1 : tl.bin === "month" ? 30 : 7;
  const periods = [...new Set(tl.data.map((c) => c.period))].sort();
  tl.x0 = parseDay(periods[0]);
  tl.x1 = parseDay(periods[periods.length - 1]) + binDays * DAY;
  const stacks = new Map();
  for (const c of tl.data) {
    const s = stacks.get(c.period) || [];
    s.push(c);
    stacks.set(c.period, s);
  }
  let max = 1;
  for (const s of stacks.values()) max = Math.max(max, s.reduce((a, c) => a + c.count, 0));
  const h = height(tl) - PAD.top - PAD.bottom;
  const barW = Math.max(1, toX(tl, tl.x0 + binDays * DAY) - toX(tl, tl.x0) - 1);
  for (const [period, s] of stacks) {
    let y = PAD.top + h;
    const x = toX(tl, parseDay(period));
    for (const c of s) {
      const bh = (c.count / max) * h;
      y -= bh;
      const r = svg("rect", {
        class: `bar ${typeClass(c.event_type)}`,
        x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1), height: Math.max(0.5, bh).toFixed(1),
        "data-period": period, "data-count": c.count,
      });
      r.append(svg("title", {}, `${period} · ${c.event_type}: ${c.count}`));
      el.append(r);
    }
  }
  // axis: a few dates, and the highest count
  const ticks = Math.max(2, Math.floor(width(tl) / 110));
  for (let i = 0; i <= ticks; i++) {
    const ms = tl.x0 + ((tl.x1 - tl.x0) * i) / ticks;
    const label = svg("text", { class: "axis", x: toX(tl, ms).toFixed(1), y: height(tl) - 3, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
    label.textContent = dayString(ms);
    el.append(label);
  }
  const top = svg("text", { class: "axis", x: 2, y: PAD.top + 8 });
  top.textContent = String(max);
  el.append(top);
  if (tl.brush) {
    const a = toX(tl, parseDay(tl.brush.from));
    const b = toX(tl, parseDay(tl.brush.to) + DAY);
    drawBrush(tl, Math.max(PAD.left, a), Math.min(width(tl) - PAD.right, b));
  }
  el.setAttribute("aria-label", `${t("timeline")} (${t(tl.bin === "day" ? "per_day" : "per_week")})`);
}
