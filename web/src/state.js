// The page's state lives in the URL's query, so that a view can be shared: filters,
// the open event, the map's view and the language.

const KEYS = ["type", "actor", "country", "from", "to", "q", "contested", "event", "map", "lang"];

/** The state read from the current URL. */
export function readState() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of KEYS) {
    const v = p.get(k);
    if (v !== null && v !== "") s[k] = v;
  }
  return s;
}

/** Writes the state into the URL (replacing the history entry). */
export function writeState(s) {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    if (s[k] !== undefined && s[k] !== null && s[k] !== "") p.set(k, s[k]);
  }
  const q = p.toString();
  history.replaceState(null, "", q ? `?${q}` : location.pathname);
}

/** The API's query for the state's filters; `omit` leaves some out (the timeline omits the period). */
export function filterQuery(s, omit = []) {
  const p = new URLSearchParams();
  for (const k of ["type", "actor", "country", "from", "to", "q", "contested"]) {
    if (omit.includes(k) || !s[k]) continue;
    p.set(k, k === "contested" ? "true" : s[k]);
  }
  return p;
}
