// TAK layer (docs/INTEROP.md "Inbound CoT"): friendly positions and markers that TAK clients and a
// TAK server send Vigil as Cursor-on-Target, from GET api/tak (GeoJSON points, kept until their stale
// time). Drawn apart from Vigil's own tracks: a small diamond in the affiliation's colour with the
// callsign. Refreshed every 2 s; a server without CoT inbound (404) leaves the layer empty.
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';

// CoT type a-<affiliation>-...: f friend, a assumed friend, n neutral, h hostile, s suspect, else unknown
const COLOURS = { f: '#80e0ff', a: '#80e0ff', n: '#aaffaa', h: '#ff8080', s: '#ff8080' };

export function takColour(type) {
  const m = /^a-([a-z])-/.exec(type || '');
  return (m && COLOURS[m[1]]) || '#ffff80';
}

export function createTakLayer(map, { zIndex = 5, periodMs = 2000 } = {}) {
  const format = new GeoJSON({ featureProjection: map.getView().getProjection() });
  const source = new VectorSource();
  const layer = new VectorLayer({
    source, zIndex, className: 'vigil-tak',
    style: f => {
      const p = f.getProperties();
      const colour = takColour(p.type);
      return new Style({
        image: new RegularShape({ points: 4, radius: 6, angle: 0, fill: new Fill({ color: colour }),
          stroke: new Stroke({ color: '#102030', width: 1 }) }),
        text: new Text({ text: p.callsign || p.uid, font: '11px sans-serif', offsetY: -12,
          fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#102030', width: 3 }) }),
      });
    },
  });
  layer.set('title', 'TAK');
  map.addLayer(layer);
  const refresh = () => fetch('api/tak', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.text() : null))
    .then(text => {
      if (!text) return;
      source.clear();
      source.addFeatures(format.readFeatures(text));
      if (window.vigil) window.vigil.tak = source.getFeatures().map(f => f.get('uid'));
    })
    .catch(() => { /* offline: keep what is drawn */ });
  refresh();
  setInterval(refresh, periodMs);
  return layer;
}
