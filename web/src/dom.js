// Building the page's elements. Everything that comes from the record (report text,
// names, titles, URLs) goes in as text nodes, never as HTML: reports are hostile input.

/**
 * An element: `h("td", {className: "x"}, "text", child)`. Properties are set as DOM
 * properties (never `innerHTML`); children are strings (made text nodes) or nodes.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "innerHTML" || k === "outerHTML" || k.startsWith("on")) {
      throw new Error(`h(): ${k} is not allowed`);
    }
    if (k === "dataset") Object.assign(el.dataset, v);
    else el[k] = v;
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** An SVG element with attributes. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on") || k === "href") throw new Error(`svg(): ${k} is not allowed`);
    el.setAttribute(k, String(v));
  }
  for (const c of children) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** A link only for http(s) addresses; anything else (javascript:, data:) is plain text. */
export function safeLink(url, label) {
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === "http:" || u.protocol === "https:";
  } catch {
    ok = false;
  }
  if (!ok) return h("span", {}, label || url || "");
  return h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label || url);
}

/** The CSS class of an ACLED event type ("Explosions/Remote violence" → t-explosions-remote-violence). */
export function typeClass(type) {
  return "t-" + String(type || "").toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
}
