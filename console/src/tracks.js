// The console's own view of the air picture: one entry per aircraft the server sent in the last
// picture, with its position in map coordinates and a trail that is the server's trail extended
// by the positions this console has seen since.
import { fromLonLat } from 'ol/proj.js';
import { hasPosition } from './format.js';

/** Longest trail kept per aircraft, in points; older points are dropped first. */
export const MAX_TRAIL_POINTS = 900;

export function createTracks() {
  const tracks = new Map();

  /** Takes one aircraft view: its entry (made when new), position, and the trail extended to it. */
  function update(ac) {
    let t = tracks.get(ac.icao);
    if (!t) {
      t = { icao: ac.icao, ac, position: null, trail: [] };
      tracks.set(ac.icao, t);
    }
    t.ac = ac;
    t.position = hasPosition(ac) ? fromLonLat([ac.lon, ac.lat]) : null;
    // The server's trail wins while it is longer than what we have (fresh page, reconnect);
    // after that we extend our own, so the trail outlives the server's window.
    if (Array.isArray(ac.trail) && ac.trail.length > t.trail.length) {
      t.trail = ac.trail
        .filter(p => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))
        .map(p => fromLonLat([p[0], p[1]]));
    }
    if (t.position) {
      const last = t.trail[t.trail.length - 1];
      if (!last || last[0] !== t.position[0] || last[1] !== t.position[1]) t.trail.push(t.position);
      if (t.trail.length > MAX_TRAIL_POINTS) t.trail.splice(0, t.trail.length - MAX_TRAIL_POINTS);
    }
  }

  /** Applies one picture (array of aircraft views); aircraft absent from it are dropped. */
  function apply(aircraft) {
    const seen = new Set();
    for (const ac of aircraft) {
      if (!ac || typeof ac.icao !== 'string') continue;
      seen.add(ac.icao);
      update(ac);
    }
    for (const icao of tracks.keys()) {
      if (!seen.has(icao)) tracks.delete(icao);
    }
  }

  /** Applies one delta (protocol 2): rows of changed aircraft, removed addresses; `full` starts over. */
  function applyDelta(msg) {
    if (msg.full) tracks.clear();
    for (const icao of msg.r ?? []) tracks.delete(icao);
    for (const row of msg.u) {
      const ac = fromRow(row, msg.time);
      if (ac) update(ac); // a row has no trail: ours is extended
    }
  }

  /** Replaces an aircraft's trail with the server's (GET api/aircraft/{icao}: trails on demand). */
  function setTrail(icao, trail) {
    const t = tracks.get(icao);
    if (!t || !Array.isArray(trail)) return;
    const pts = trail.filter(p => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))
      .map(p => fromLonLat([p[0], p[1]]));
    if (pts.length >= t.trail.length) t.trail = pts;
  }

  return { tracks, apply, applyDelta, setTrail };
}

/** Field order of a delta row (WebServer / PictureDelta, docs/CONSOLE.md). */
const ROW = ['icao', 'lat', 'lon', 'altitude_ft', 'groundspeed_kt', 'track_deg', 'vertical_rate_fpm', 'callsign',
  'squawk', 'emergency', 'messages', 'age_ds', 'category'];

/** A delta row as the aircraft view the rest of the console reads (snake_case, absent fields left out). */
export function fromRow(row, time) {
  if (!Array.isArray(row) || typeof row[0] !== 'string') return null;
  const ac = {};
  for (let i = 0; i < ROW.length && i < row.length; i++) {
    if (row[i] != null) ac[ROW[i]] = row[i];
  }
  if (ac.age_ds != null) { ac.last_seen = time - ac.age_ds * 100; delete ac.age_ds; }
  return ac;
}
