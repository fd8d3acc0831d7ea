// System tracks: the multi-sensor tracker's picture (one track per aircraft, fused from radar plots
// and ADS-B), drawn as open squares, the usual system-track mark, so they never pass for an ADS-B
// aircraft glyph or a raw plot: amber for tracks with a transponder, red for primary-only tracks
// (no transponder: the air-policing case), magenta with "!" when ADS-B and radar disagree
// (possible spoofing). A short leader shows where the track will be in one minute; the trail is the
// server's. Label: track number, callsign or squawk, flight level.
//
// Speed: one vector layer rebuilt in one batch per message; styles cached per (kind, label).
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';

export const TRACK_COLOURS = { transponder: '#ffd84d', primary: '#ff6b6b', disagreement: '#ff4dff' };
const HALO = 'rgba(5, 10, 16, 0.9)';
const LEADER_SECONDS = 60;
const KT = 1852 / 3600;

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

export function createSystemTrackLayer({ zIndex = 5, labels = () => true } = {}) {
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

  function lineStyle(kind, dashed) {
    const key = `${kind}|${dashed}`;
    let s = lineStyles.get(key);
    if (!s) {
      s = new Style({ stroke: new Stroke({ color: TRACK_COLOURS[kind], width: dashed ? 1 : 1.5, lineDash: dashed ? [3, 4] : undefined }) });
      lineStyles.set(key, s);
    }
    return s;
  }

  const layer = new VectorLayer({
    source,
    zIndex,
    className: 'vigil-system-tracks',
    style: f => {
      const t = f.get('track');
      const kind = trackKind(t);
      if (f.get('part') === 'mark') return markStyle(kind, labels() ? trackLabel(t) : '');
      return lineStyle(kind, f.get('part') === 'trail');
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

  return { layer, source, load, count: () => source.getFeatures().filter(f => f.get('part') === 'mark').length };
}
