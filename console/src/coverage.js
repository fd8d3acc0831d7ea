// Sensor coverage (docs/HEALTH.md "Coverage"): where each feed and radar delivered positions in the
// last 10 minutes, from GET api/coverage (GeoJSON, one hull per sensor), outlined thin; a sensor
// that is not up is drawn dashed in the health banner's colour. Refreshed every 30 s.
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Stroke, Style, Text, Fill } from 'ol/style.js';

const COLOURS = { radar: 'rgba(120, 220, 160, 0.8)', adsb: 'rgba(140, 180, 255, 0.8)' };
const NOT_UP = 'rgba(255, 176, 32, 0.95)';

export function createCoverageLayer(map, { zIndex = 1, periodMs = 30000 } = {}) {
  const format = new GeoJSON({ featureProjection: map.getView().getProjection() });
  const source = new VectorSource();
  const layer = new VectorLayer({
    source, zIndex, className: 'vigil-coverage',
    style: f => {
      const p = f.getProperties();
      const up = p.state === 'up';
      return new Style({
        stroke: new Stroke({ color: up ? (COLOURS[p.kind] || COLOURS.adsb) : NOT_UP, width: 1, lineDash: up ? [6, 6] : [2, 4] }),
        text: new Text({ text: `${p.sensor}${up ? '' : ' (' + p.state + ')'}`, font: '10px sans-serif', placement: 'line',
          fill: new Fill({ color: up ? '#cfd8e3' : NOT_UP }) }),
      });
    },
  });
  map.addLayer(layer);
  const refresh = () => fetch('api/coverage', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.text() : null))
    .then(text => {
      if (!text) return;
      source.clear();
      source.addFeatures(format.readFeatures(text));
    })
    .catch(() => { /* offline: keep what is drawn */ });
  refresh();
  setInterval(refresh, periodMs);
  return layer;
}
