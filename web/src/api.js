// Calls to Vigie's HTTP API (same origin; see /api/openapi.json).

/** GET a JSON document; throws with the API's message on an error status. */
export async function getJson(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => null);
  if (!r.ok) {
    const msg = body && body.error ? body.error.message : `${r.status} ${r.statusText}`;
    throw new Error(msg);
  }
  return body;
}
