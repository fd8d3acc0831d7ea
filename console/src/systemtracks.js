// System tracks: the multi-sensor tracker's picture (one track per aircraft, fused from radar plots
// and ADS-B), drawn as open squares, the usual system-track mark, so they never pass for an ADS-B
// aircraft glyph or a raw plot: amber for tracks with a transponder, red for primary-only tracks
// (no transponder: the air-policing case), magenta with "!" when ADS-B and radar disagree
// (possible spoofing). A short leader shows where the track will be in one minute; the trail is the
// server's. Label: track number, callsign or squawk, flight level.
//
// Identified tracks (the server's `identity`, STANAG 1241) are drawn instead as APP-6 / MIL-STD-2525
// air-track frames (milsymbol) whose shape and fill give the standard identity: friend and assumed
// friend blue, neutral green, unknown and pending yellow, suspect and hostile red; the direction
// line and leader show the course, "!" in the label marks an ADS-B / radar disagreement.
//
// Speed: one vector layer rebuilt in one batch per message; styles cached per (kind, label).
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { Fill, Icon, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import ms from 'milsymbol';
import { STALE_COLOUR, staleTrack } from './health.js';

// Disagreement (possible spoofing) is white: every hue, magenta included, is an altitude on the glyphs.
export const TRACK_COLOURS = { transponder: '#ffd84d', primary: '#ff6b6b', disagreement: '#ffffff', stale: STALE_COLOUR };
const HALO = 'rgba(5, 10, 16, 0.9)';
const LEADER_SECONDS = 60;
const KT = 1852 / 3600;

/**
 * Standard identity (as the server spells it) to the 2525C affiliation letter of the SIDC and the
 * APP-6 frame colour (light fill, as milsymbol draws it, so frame and lines match).
 */
export const IDENTITIES = {
  pending: { letter: 'P', colour: '#ffff80' },
  unknown: { letter: 'U', colour: '#ffff80' },
  'assumed-friend': { letter: 'A', colour: '#80e0ff' },
  friend: { letter: 'F', colour: '#80e0ff' },
  neutral: { letter: 'N', colour: '#aaffaa' },
  suspect: { letter: 'S', colour: '#ff8080' },
  hostile: { letter: 'H', colour: '#ff8080' },
};

/** The identity entry of a track, or null when it is not identified (tentative, or no identification). */
export function identityOf(t) {
  return (t && IDENTITIES[t.identity]) || null;
}

/** Air track, present, with the identity's affiliation (2525C letter SIDC, 15 characters). */
export function trackSidc(t) {
  const id = identityOf(t);
  return `S${id ? id.letter : 'U'}AP-----------`;
}

const TRACK_BUCKET_DEG = 5;
/** Above this many system tracks, leaders and trails are drawn for the selected one only. */
const MANY_TRACKS = 1000;
/** Longest trail kept per system track, in points (older points are dropped first). */
const MAX_TRACK_TRAIL = 900;

/** Which colour a track gets (disagreement first: it is the one to look at). */
export function trackKind(t) {
  if (t.disagreement) return 'disagreement';
  return t.primary_only ? 'primary' : 'transponder';
}

/** The label: "T12 RYR132 FL280", squawk when no callsign, nothing for an unknown altitude. */
export function trackLabel(t) {
  const id = t.callsign || (t.squawk ? `A${t.squawk}` : '');
  const fl = Number.isFinite(t.altitude_ft) ? `FL${String(Math.round(t.altitude_ft / 100)).padStart(3, '0')}` : '';
  return [`T${t.track_number}`, id, fl].filter(Boolean).join(' ') + (t.disagreement ? ' !' : '');
}

/** A point `seconds` ahead along the track's course on a local flat earth (enough for a leader line). */
function ahead(t, seconds) {
  const d = (t.speed_kt || 0) * KT * seconds;
  const c = ((t.track_deg || 0) * Math.PI) / 180;
  const lat = t.lat + (d * Math.cos(c)) / 111195;
  const lon = t.lon + (d * Math.sin(c)) / (111195 * Math.max(0.1, Math.cos((t.lat * Math.PI) / 180)));
  return [lon, lat];
}

/**
 * @param o zIndex, labels() (labels on?), symbology() ('glyph' or 'app6': the operator's one symbol set),
 *   hasAircraft(icao) (true when the console draws that aircraft: its track then has no mark of its own,
 *   one object per aircraft)
 */
export function createSystemTrackLayer({ zIndex = 5, labels = () => true, symbology = () => 'app6', hasAircraft = () => false } = {}) {
  const source = new VectorSource();
  const styles = new Map();
  const lineStyles = new Map();

  function markStyle(kind, label) {
    const key = `${kind}|${label}`;
    let s = styles.get(key);
    if (!s) {
      const colour = TRACK_COLOURS[kind];
      s = [
        new Style({ image: new RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, stroke: new Stroke({ color: HALO, width: 4 }) }) }),
        new Style({
          image: new RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, stroke: new Stroke({ color: colour, width: 2 }) }),
          text: label ? new Text({ text: label, offsetX: 12, offsetY: -10, textAlign: 'left', font: '11px sans-serif',
            fill: new Fill({ color: colour }), stroke: new Stroke({ color: HALO, width: 3 }) }) : undefined,
        }),
      ];
      if (styles.size > 5000) styles.clear();
      styles.set(key, s);
    }
    return s;
  }

  function lineStyle(colour, dashed) {
    const key = `${colour}|${dashed}`;
    let s = lineStyles.get(key);
    if (!s) {
      s = new Style({ stroke: new Stroke({ color: colour, width: dashed ? 1 : 1.5, lineDash: dashed ? [3, 4] : undefined }) });
      lineStyles.set(key, s);
    }
    return s;
  }

  /** The APP-6 frame of an identified track, with its direction of movement and the label in the frame colour. */
  function frameStyle(t, label) {
    const id = identityOf(t) ?? IDENTITIES.unknown;
    const hasCourse = Number.isFinite(t.track_deg);
    const bucket = hasCourse ? (Math.round(t.track_deg / TRACK_BUCKET_DEG) * TRACK_BUCKET_DEG) % 360 : -1;
    const key = `app6|${id.letter}|${bucket}|${label}`;
    let s = styles.get(key);
    if (!s) {
      const opts = { size: 16, outlineWidth: 2, outlineColor: HALO };
      if (hasCourse) opts.direction = bucket;
      const sym = new ms.Symbol(trackSidc(t), opts);
      const anchor = sym.getAnchor();
      s = [new Style({
        image: new Icon({ img: sym.asCanvas(), anchor: [anchor.x, anchor.y], anchorXUnits: 'pixels', anchorYUnits: 'pixels' }),
        text: label ? new Text({ text: label, offsetX: 14, offsetY: -12, textAlign: 'left', font: '11px sans-serif',
          fill: new Fill({ color: id.colour }), stroke: new Stroke({ color: HALO, width: 3 }) }) : undefined,
      })];
      if (styles.size > 5000) styles.clear();
      styles.set(key, s);
    }
    return s;
  }

  const layer = new VectorLayer({
    source,
    zIndex,
    className: 'vigil-system-tracks',
    style: f => {
      const t = f.get('track');
      const stale = staleTrack(t); // coasting long or its sensor lost: faded (docs/HEALTH.md)
      const kind = stale ? 'stale' : trackKind(t);
      const app6 = symbology() === 'app6';
      // APP-6 frames only in the APP-6 set (an unidentified track is an unknown frame); squares with the glyphs
      const id = stale || !app6 ? null : identityOf(t) ?? (trackKind(t) === 'disagreement' ? null : IDENTITIES.unknown);
      if (t.icao && hasAircraft(t.icao)) return null; // the aircraft's symbol (and trail) stands for it
      if (f.get('part') === 'mark') {
        const label = labels() ? trackLabel(t) : '';
        return id ? frameStyle(t, label) : markStyle(kind, label);
      }
      return lineStyle(id ? id.colour : TRACK_COLOURS[kind], f.get('part') === 'trail');
    },
  });

  /** Replaces the layer's features with one message's tracks (array of system track views). */
  function load(tracks) {
    const features = [];
    for (const t of tracks || []) {
      if (!t || !Number.isFinite(t.lat) || !Number.isFinite(t.lon)) continue;
      const here = fromLonLat([t.lon, t.lat]);
      const mark = new Feature({ geometry: new Point(here), track: t, part: 'mark' });
      mark.setId(`T${t.track_number}`);
      features.push(mark);
      features.push(new Feature({ geometry: new LineString([here, fromLonLat(ahead(t, LEADER_SECONDS))]), track: t, part: 'leader' }));
      const trail = (t.trail || []).filter(p => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
      if (trail.length > 1) {
        features.push(new Feature({ geometry: new LineString(trail.map(p => fromLonLat([p[0], p[1]]))), track: t, part: 'trail' }));
      }
    }
    source.clear(true);
    source.addFeatures(features);
  }

  // Protocol 2: tracks come as deltas without trails; this console keeps them and extends their trails.
  const held = new Map(); // track_number -> { t, trail: [map coordinates] }
  let selected = null;

  /** Brings one track's features (mark, leader, trail) in line with what is held; `n` gone removes them. */
  // Only the mark has an id ("T12": what a click selects); leader and trail are kept in `parts`.
  const parts = new Map(); // track_number -> [mark, leader, trail] features (or null)
  function draw(n, many) {
    const h = held.get(n);
    const have = parts.get(n) ?? [null, null, null];
    if (!h || !Number.isFinite(h.t.lat) || !Number.isFinite(h.t.lon)) {
      for (const f of have) if (f) source.removeFeature(f);
      parts.delete(n);
      return;
    }
    const t = h.t;
    const here = fromLonLat([t.lon, t.lat]);
    // at real traffic only the selected track keeps its leader and trail (as tar1090 does with trails)
    const full = !many || `T${n}` === selected;
    const geoms = [new Point(here), full ? new LineString([here, fromLonLat(ahead(t, LEADER_SECONDS))]) : null,
      full && h.trail.length > 1 ? new LineString(h.trail) : null];
    ['mark', 'leader', 'trail'].forEach((part, i) => {
      let f = have[i];
      if (!geoms[i]) { if (f) source.removeFeature(f); have[i] = null; return; }
      if (f) { f.setGeometry(geoms[i]); f.set('track', t); } else {
        f = new Feature({ geometry: geoms[i], track: t, part });
        if (part === 'mark') f.setId(`T${n}`);
        source.addFeature(f);
        have[i] = f;
      }
    });
    parts.set(n, have);
  }

  /** Applies one track-delta message (docs/CONSOLE.md, protocol 2); `full` starts over. */
  function applyDelta(msg) {
    if (msg.full) { held.clear(); parts.clear(); source.clear(true); }
    const many = (msg.n ?? 0) > MANY_TRACKS;
    const touched = new Set();
    for (const n of msg.r ?? []) { held.delete(n); touched.add(n); }
    for (const t of msg.u ?? []) {
      if (!t || !Number.isInteger(t.track_number)) continue;
      let h = held.get(t.track_number);
      if (!h) { h = { t, trail: [] }; held.set(t.track_number, h); }
      h.t = t;
      if (Number.isFinite(t.lat) && Number.isFinite(t.lon)) {
        const p = fromLonLat([t.lon, t.lat]);
        const last = h.trail[h.trail.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) h.trail.push(p);
        if (h.trail.length > MAX_TRACK_TRAIL) h.trail.splice(0, h.trail.length - MAX_TRACK_TRAIL);
      }
      touched.add(t.track_number);
    }
    if (many !== wasMany) { wasMany = many; for (const n of held.keys()) touched.add(n); }
    for (const n of touched) draw(n, many);
  }
  let wasMany = false;

  /** Replaces a held track's trail with the server's (GET api/tracks/{number}: trails on demand). */
  function setTrail(n, trail) {
    const h = held.get(n);
    if (!h || !Array.isArray(trail)) return;
    const pts = trail.filter(p => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))
      .map(p => fromLonLat([p[0], p[1]]));
    if (pts.length >= h.trail.length) { h.trail = pts; draw(n, wasMany); }
  }

  /** The selected id ("T12" or an aircraft's address): its leader and trail stay drawn at real traffic. */
  function select(id) {
    const before = selected;
    selected = id;
    for (const x of [before, id]) {
      const n = typeof x === 'string' && /^T\d+$/.test(x) ? Number(x.slice(1)) : null;
      if (n != null && held.has(n)) draw(n, wasMany);
    }
  }

  return { layer, source, load, applyDelta, setTrail, select, held: () => [...held.values()].map(h => h.t),
    count: () => source.getFeatures().filter(f => f.get('part') === 'mark').length };
}
