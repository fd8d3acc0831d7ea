// QRA posture layer: the alert bases with their units (APP-6 friendly fixed-wing aviation unit
// symbol, label "NL F35 ×2 QRA-15") from GET api/qra/posture, polled every 10 s, and the
// responsiveness isochrones from GET api/qra/responsiveness (GeoJSON), drawn when toggled on, for
// the level and target speed chosen in the posture controls. Also the lead fighters and the
// predicted meeting points of the scrambles in progress (fed by scramble.js through showScrambles).
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle, Fill, Icon, Stroke, Style, Text } from 'ol/style.js';
import ms from 'milsymbol';
import { areaQuery } from './theatre.js';

const HALO = 'rgba(5, 10, 16, 0.9)';
const FRIEND = '#80e0ff';
// Friendly ground unit, aviation fixed wing (MIL-STD-2525C "UCVF"): a QRA detachment on its base.
const UNIT_SIDC = 'SFGPUCVF---';
const ISO_COLOURS = ['#3ddc84', '#b5e655', '#ffd84d', '#ff9f43', '#ff6b6b', '#d14dff'];

function unitIcon(text) {
  const sym = new ms.Symbol(UNIT_SIDC, { size: 22, uniqueDesignation: text });
  const a = sym.getAnchor();
  return new Icon({ src: sym.toDataURL(), anchor: [a.x, a.y], anchorXUnits: 'pixels', anchorYUnits: 'pixels' });
}

function baseStyle(base, unitsById, labels) {
  const units = base.units.map(id => unitsById.get(id)).filter(Boolean);
  const label = units.map(u => `${u.nation} ${u.type} ×${u.count} ${u.readiness}`).join('\n');
  return new Style({
    image: unitIcon(base.icao),
    text: labels ? new Text({ text: label, offsetY: 26, font: '11px sans-serif', textBaseline: 'top',
      fill: new Fill({ color: FRIEND }), stroke: new Stroke({ color: HALO, width: 3 }) }) : undefined,
  });
}

function isoStyle(f) {
  const minutes = f.get('minutes');
  const colour = ISO_COLOURS[Math.min(ISO_COLOURS.length - 1, Math.floor(minutes / 15))];
  return new Style({
    stroke: new Stroke({ color: colour, width: 1.5, lineDash: [6, 4] }),
    text: new Text({ text: `${minutes} min`, placement: 'line', font: '10px sans-serif',
      fill: new Fill({ color: colour }), stroke: new Stroke({ color: HALO, width: 3 }) }),
  });
}

/**
 * @returns {{ layers: VectorLayer[], refresh: () => Promise<void>, loadIsochrones: (q: object) => Promise<object|null>,
 *   setVisible: (b: boolean) => void, setIsochronesVisible: (b: boolean) => void, showScrambles: (s: object[]) => void,
 *   posture: () => object|null, isochroneCount: () => number }}
 */
export function createPostureLayer({ zIndex = 5, labels = () => true, onError = () => {} } = {}) {
  const baseSource = new VectorSource();
  let posture = null;
  let unitsById = new Map();
  const bases = new VectorLayer({ source: baseSource, zIndex, style: f => baseStyle(f.get('base'), unitsById, labels()) });
  const isoSource = new VectorSource();
  const isochrones = new VectorLayer({ source: isoSource, zIndex: zIndex - 1, style: isoStyle, visible: false });
  const scrambleSource = new VectorSource();
  const scrambles = new VectorLayer({ source: scrambleSource, zIndex: zIndex + 1 });
  let lastJson = '';

  async function refresh() {
    try {
      const r = await fetch('api/qra/posture', { credentials: 'same-origin' });
      if (!r.ok) { onError(`posture: ${r.status}`); return; }
      const text = await r.text();
      if (text === lastJson) return;
      lastJson = text;
      posture = JSON.parse(text);
      unitsById = new Map(posture.units.map(u => [u.id, u]));
      baseSource.clear();
      baseSource.addFeatures(posture.bases.map(b => {
        const f = new Feature(new Point(fromLonLat([b.lon, b.lat])));
        f.set('base', b);
        f.setId(`base-${b.icao}`);
        return f;
      }));
    } catch (e) {
      onError('posture: server unreachable');
    }
  }

  /** Fetches the map for {level (FL), speed (kt), resolution (km), motion, whatIf (body or null)}; returns its stats. */
  async function loadIsochrones({ level = 250, speed = 400, resolution = 10, motion = 'stationary', whatIf = null } = {}) {
    // the theatre's area of interest
    const q = `api/qra/responsiveness?level=${level}&speed=${speed}&resolution=${resolution}&motion=${motion}`
      + await areaQuery();
    try {
      const r = await fetch(q, whatIf ? { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(whatIf) } : { credentials: 'same-origin' });
      const reply = await r.json();
      if (!r.ok) { onError(reply.error ?? `responsiveness: ${r.status}`); return null; }
      isoSource.clear();
      isoSource.addFeatures(new GeoJSON().readFeatures(reply, { featureProjection: 'EPSG:3857' }));
      return reply.stats;
    } catch (e) {
      onError('responsiveness: server unreachable');
      return null;
    }
  }

  /** Lead fighter (friendly circle with callsign and phase) and the predicted meeting point (×) of each scramble. */
  function showScrambles(list) {
    scrambleSource.clear();
    for (const s of list) {
      if (s.phase === 'landed' || s.phase === 'cancelled') continue;
      const plan = s.latest ?? s.plan;
      if (s.lead) {
        const f = new Feature(new Point(fromLonLat([s.lead.lon, s.lead.lat])));
        f.setStyle(new Style({ image: new Circle({ radius: 6, fill: new Fill({ color: FRIEND }), stroke: new Stroke({ color: HALO, width: 2 }) }),
          text: new Text({ text: `${s.callsigns?.[0] ?? s.unit} ${s.phase}`, offsetX: 10, offsetY: -10, textAlign: 'left',
            font: '11px sans-serif', fill: new Fill({ color: FRIEND }), stroke: new Stroke({ color: HALO, width: 3 }) }) }));
        scrambleSource.addFeature(f);
        if (plan?.feasible && (s.phase === 'airborne' || s.phase === 'en-route')) {
          const line = new Feature(new LineString([fromLonLat([s.lead.lon, s.lead.lat]), fromLonLat([plan.lon, plan.lat])]));
          line.setStyle(new Style({ stroke: new Stroke({ color: FRIEND, width: 1, lineDash: [2, 4] }) }));
          scrambleSource.addFeature(line);
        }
      }
      if (plan?.feasible && s.phase !== 'shadow' && s.phase !== 'escort' && s.phase !== 'rtb') {
        const p = new Feature(new Point(fromLonLat([plan.lon, plan.lat])));
        p.setStyle(new Style({ text: new Text({ text: `✕ ${plan.interceptAt?.slice(11, 16) ?? ''}Z`, font: 'bold 12px sans-serif',
          fill: new Fill({ color: FRIEND }), stroke: new Stroke({ color: HALO, width: 3 }) }) }));
        scrambleSource.addFeature(p);
      }
    }
  }

  refresh();
  setInterval(refresh, 10000);
  return {
    layers: [isochrones, bases, scrambles],
    refresh,
    loadIsochrones,
    setVisible: v => { bases.setVisible(v); scrambles.setVisible(v); },
    setIsochronesVisible: v => isochrones.setVisible(v),
    showScrambles,
    posture: () => posture,
    isochroneCount: () => isoSource.getFeatures().length,
  };
}
