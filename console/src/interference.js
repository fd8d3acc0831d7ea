// GNSS interference heat map (docs/GNSS.md): the cells of GET api/interference (GeoJSON, one square per
// cell of the equal-area grid, with the aircraft seen there in the last minute and how many had their
// ADS-B integrity dropped, their position lost or implausible). A cell that is part of an interference
// area is red (spoofing: magenta), its opacity its confidence; a cell with some affected aircraft but
// no area yellow; a clean cell with aircraft a faint green, so "no traffic" and "clean" differ.
// A legend in the map's corner toggles the layer. Refreshed every 5 s.
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style } from 'ol/style.js';

const LEGEND = [
  ['rgba(230, 40, 40, 0.75)', 'jamming area'],
  ['rgba(220, 40, 220, 0.75)', 'spoofing area'],
  ['rgba(240, 200, 40, 0.55)', 'some aircraft affected'],
  ['rgba(80, 200, 120, 0.18)', 'aircraft, integrity good'],
];

function cellStyle(p) {
  const conf = Math.max(0.3, Math.min(0.85, p.confidence ?? 0));
  let fill;
  if (p.open) fill = p.spoofed * 2 >= p.affected && p.spoofed >= 2 ? `rgba(220, 40, 220, ${conf})` : `rgba(230, 40, 40, ${conf})`;
  else if (p.affected > 0) fill = 'rgba(240, 200, 40, 0.45)';
  else fill = 'rgba(80, 200, 120, 0.12)';
  return new Style({
    fill: new Fill({ color: fill }),
    stroke: p.open ? new Stroke({ color: 'rgba(255, 255, 255, 0.6)', width: 0.5 }) : undefined,
  });
}

export function createInterferenceLayer(map, { zIndex = 2, periodMs = 5000 } = {}) {
  const format = new GeoJSON({ featureProjection: map.getView().getProjection() });
  const source = new VectorSource();
  const layer = new VectorLayer({ source, zIndex, className: 'vigil-interference', style: f => cellStyle(f.getProperties()) });
  map.addLayer(layer);

  const legend = document.createElement('div');
  legend.className = 'vigil-interference-legend';
  legend.style.cssText = 'position:absolute;left:8px;bottom:28px;z-index:5;background:rgba(16,22,30,0.85);'
    + 'color:#cfd8e3;font:11px sans-serif;padding:6px 8px;border-radius:4px;pointer-events:auto';
  const title = document.createElement('label');
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.checked = true;
  toggle.addEventListener('change', () => layer.setVisible(toggle.checked));
  title.append(toggle, ' GNSS interference (last minute)');
  legend.append(title);
  for (const [colour, text] of LEGEND) {
    const row = document.createElement('div');
    const swatch = document.createElement('span');
    swatch.style.cssText = `display:inline-block;width:10px;height:10px;margin-right:5px;background:${colour}`;
    row.append(swatch, text);
    legend.append(row);
  }
  const status = document.createElement('div');
  legend.append(status);
  (map.getTargetElement()?.parentElement ?? document.body).append(legend);

  const refresh = () => fetch('api/interference', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(json => {
      if (!json) return;
      source.clear();
      source.addFeatures(format.readFeatures(json));
      const affected = Object.keys(json.aircraft ?? {}).length;
      const areas = new Set(json.features.filter(f => f.properties.open).map(f => f.properties.area)).size;
      status.textContent = `${areas} area${areas === 1 ? '' : 's'}, ${affected} aircraft affected${json.time ? ' · ' + json.time.slice(11, 19) + 'Z' : ''}`;
    })
    .catch(() => { /* offline: keep what is drawn */ });
  refresh();
  setInterval(refresh, periodMs);
  return layer;
}
