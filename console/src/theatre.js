// The running theatre (GET api/theatre: {name, title, area: {south, north, west, east}, policed,
// neighbours}), asked once and shared by the modules whose view depends on the region
// (docs/THEATRES.md, "Console"). A server without the endpoint gives null.

let asked = null;

/** The theatre, or null when the server does not say. */
export function theatre() {
  if (!asked) {
    asked = fetch('api/theatre', { credentials: 'same-origin' })
      .then(r => (r.ok ? r.json() : null))
      .catch(() => null);
  }
  return asked;
}

/** `&south=..&north=..&west=..&east=..` of the theatre's area of interest; '' when unknown (the server's default). */
export async function areaQuery() {
  const t = await theatre();
  if (!t || !t.area) return '';
  const { south, north, west, east } = t.area;
  return `&south=${south}&north=${north}&west=${west}&east=${east}`;
}
