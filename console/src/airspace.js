// Airspace layers (issue #6): national airspace of each state (land + 12 NM territorial sea) and
// the configured zones, from GET api/airspace (GeoJSON, NATO membership and zone activity at the
// picture's time). NATO states outlined blue with their territorial sea hatched, other states grey,
// zones dashed with their name and vertical limits (inactive zones faint). Toggled by an
// "Airspace" checkbox this module adds next to the FIRs one; refreshed every minute, since
// activity and membership follow the data time.
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';

const NATO = 'rgba(77, 141, 255, 0.9)';
const NATO_SEA = 'rgba(77, 141, 255, 0.45)';
const OTHER = 'rgba(150, 150, 150, 0.7)';
const OTHER_SEA = 'rgba(150, 150, 150, 0.3)';
const HALO = 'rgba(5, 10, 16, 0.9)';
const ZONE_COLOURS = {
  'restricted': '#ff9f43', 'danger': '#ff6b6b', 'prohibited': '#ff3b3b',
  'area-of-responsibility': '#80e0ff', 'identification-zone': '#ffd84d',
};
const REFRESH_MS = 60_000;

/** Diagonal hatching as a fill, so territorial seas read as "sea, but national" over the basemap. */
function hatch(colour) {
  const c = document.createElement('canvas');
  c.width = c.height = 8;
  const g = c.getContext('2d');
  g.strokeStyle = colour;
  g.lineWidth = 1;
  g.beginPath();
  g.moveTo(0, 8); g.lineTo(8, 0);
  g.moveTo(-2, 2); g.lineTo(2, -2);
  g.moveTo(6, 10); g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(c, 'repeat');
}

function makeStyles() {
  const natoSeaFill = new Fill({ color: hatch(NATO_SEA) });
  const otherSeaFill = new Fill({ color: hatch(OTHER_SEA) });
  return {
    national: {
      true: new Style({ stroke: new Stroke({ color: NATO, width: 1.5 }) }),
      false: new Style({ stroke: new Stroke({ color: OTHER, width: 1 }) }),
    },
    sea: {
      true: new Style({ fill: natoSeaFill }),
      false: new Style({ fill: otherSeaFill }),
    },
  };
}

function zoneStyle(p, labels) {
  const colour = ZONE_COLOURS[p.kind] || '#c0c0c0';
  const active = p.active;
  return new Style({
    stroke: new Stroke({ color: colour, width: active ? 1.5 : 1, lineDash: [8, 6] }),
    fill: active ? new Fill({ color: 'rgba(255, 255, 255, 0.02)' }) : undefined,
    text: labels ? new Text({
      text: `${p.id}\n${p.lower}–${p.upper}${active ? '' : ' (inactive)'}`,
      font: '10px sans-serif', overflow: true,
      fill: new Fill({ color: colour }), stroke: new Stroke({ color: HALO, width: 3 }),
    }) : undefined,
  });
}

/** Puts an "Airspace" checkbox after the FIRs one (or at the end of the header). */
function addToggle(onChange) {
  const label = document.createElement('label');
  label.title = 'National airspace (land + 12 NM): NATO blue, others grey, territorial seas hatched; zones dashed';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'show-airspace';
  box.checked = true;
  label.append(box, ' Airspace');
  const firs = document.getElementById('show-firs');
  const anchor = firs ? firs.closest('label') : null;
  if (anchor) anchor.after(label);
  else document.querySelector('header')?.append(label);
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

/**
 * Adds the airspace layer to `map` and its toggle to the header.
 * @returns {{ layer: VectorLayer, refresh: () => Promise<void>, count: () => number, setVisible: (b: boolean) => void }}
 */
export function createAirspaceLayer(map, { zIndex = 1, labels = () => true } = {}) {
  const format = new GeoJSON({ featureProjection: map.getView().getProjection() });
  const source = new VectorSource();
  const styles = makeStyles();
  const layer = new VectorLayer({
    source, zIndex,
    style: f => {
      const p = f.getProperties();
      if (p.layer === 'zone') return zoneStyle(p, labels());
      if (p.layer === 'territorial-sea') return styles.sea[!!p.nato];
      return styles.national[!!p.nato];
    },
  });
  map.addLayer(layer);
  let lastJson = '';

  async function refresh() {
    try {
      const r = await fetch('api/airspace', { credentials: 'same-origin' });
      if (!r.ok) return; // 401 sends the operator to sign in elsewhere; nothing to draw meanwhile
      const text = await r.text();
      // only the time-dependent properties change; skip the redraw when they did not
      const key = text.replace(/^\{"type":"FeatureCollection","time":\d+,/, '');
      if (key === lastJson) return;
      lastJson = key;
      source.clear();
      source.addFeatures(format.readFeatures(text));
    } catch (e) {
      // server unreachable: keep what is drawn, the feed shows offline
    }
  }

  const setVisible = v => layer.setVisible(v);
  addToggle(setVisible);
  refresh();
  setInterval(refresh, REFRESH_MS);
  const api = { layer, refresh, count: () => source.getFeatures().length, setVisible };
  if (window.vigil) window.vigil.airspaceFeatureCount = api.count;
  return api;
}
