// Range rings around the sensors (tar1090's rings around the receiver): every radar and ADS-B receiver
// of the running theatre or scenario (GET api/sites: kind, name, lat, lon, range_nm) as a mark at its
// position and a geodesic ring at its range, labelled; plus inner rings every `ringsNm` (the rings
// setting, 0: none) around one or two receivers, as tar1090 draws them. A layer the operator toggles.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { circular } from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import { Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';

const NM = 1852;
const COLOURS = { radar: 'rgba(120, 220, 160, 0.85)', receiver: 'rgba(140, 180, 255, 0.85)' };
const INNER = 'rgba(140, 180, 255, 0.35)';

/** A ring of `nm` around [lon, lat] in map coordinates (geodesic: a true circle on the earth). */
export function ring(lon, lat, nm) {
  return circular([lon, lat], nm * NM, 128).transform('EPSG:4326', 'EPSG:3857');
}

function markStyle(kind, name) {
  return new Style({
    image: new RegularShape({ points: kind === 'radar' ? 4 : 3, radius: 6, angle: kind === 'radar' ? Math.PI / 4 : 0,
      fill: new Fill({ color: COLOURS[kind] ?? COLOURS.receiver }), stroke: new Stroke({ color: '#0a0e12', width: 1 }) }),
    text: new Text({ text: name, offsetY: 12, font: '10px sans-serif', fill: new Fill({ color: '#cfd8e3' }) }),
  });
}

function ringStyle(kind, label, inner) {
  return new Style({
    stroke: new Stroke({ color: inner ? INNER : COLOURS[kind] ?? COLOURS.receiver, width: 1, lineDash: inner ? [2, 6] : [8, 4] }),
    text: label ? new Text({ text: label, placement: 'line', font: '10px sans-serif', fill: new Fill({ color: '#cfd8e3' }) }) : undefined,
  });
}

/** The features for `sites`: a mark and a range ring each, inner rings every `innerNm` around receivers. */
export function siteFeatures(sites, innerNm = 0) {
  const out = [];
  const list = Array.isArray(sites) ? sites : [];
  // inner rings only for a receiver or two (tar1090's one receiver); a network's would hide the map
  if (list.filter(s => s?.kind !== 'radar').length > 2) innerNm = 0;
  for (const s of list) {
    if (!Number.isFinite(s?.lat) || !Number.isFinite(s?.lon)) continue;
    const kind = s.kind === 'radar' ? 'radar' : 'receiver';
    const mark = new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), site: s });
    mark.setStyle(markStyle(kind, s.name));
    mark.setId(`site:${kind}:${s.name}`);
    out.push(mark);
    if (Number.isFinite(s.range_nm) && s.range_nm > 0) {
      const r = new Feature({ geometry: ring(s.lon, s.lat, s.range_nm), site: s, ring: s.range_nm });
      r.setStyle(ringStyle(kind, `${s.name} ${Math.round(s.range_nm)} NM`, false));
      out.push(r);
      if (kind === 'receiver' && innerNm > 0) {
        for (let nm = innerNm; nm < s.range_nm; nm += innerNm) {
          const inner = new Feature({ geometry: ring(s.lon, s.lat, nm), site: s, ring: nm });
          inner.setStyle(ringStyle(kind, `${nm}`, true));
          out.push(inner);
        }
      }
    }
  }
  return out;
}

export function createSitesLayer(map, { zIndex = 1, innerNm = () => 0, visible = true } = {}) {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, zIndex, visible, className: 'vigil-sites' });
  map.addLayer(layer);
  let sites = [];
  const draw = () => { source.clear(true); source.addFeatures(siteFeatures(sites, innerNm())); };
  fetch('api/sites', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : []))
    .then(list => { sites = Array.isArray(list) ? list : []; draw(); })
    .catch(() => { /* offline or an older server: no rings */ });
  return { layer, redraw: draw, sites: () => sites.slice(), ringCount: () => source.getFeatures().filter(f => f.get('ring')).length };
}
