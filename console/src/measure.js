// Measuring on the map: the cursor's position in the operator's coordinate format (decimal degrees,
// DMS or MGRS) and its range and bearing from the bullseye; a range-and-bearing tool (click a start,
// move, click an end: the line is labelled "bearing° range NM"); a bullseye (a reference point the
// operator sets, kept in localStorage) with range rings around it. Keys: R range-and-bearing, B set
// the bullseye (next click), Esc ends either.
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { Circle as CircleStyle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import { destination, formatPosition, rangeBearing, rangeBearingText } from './coords.js';

const TOOL = '#ffffff';
const BULLSEYE = '#ffb020';
const HALO = 'rgba(5, 10, 16, 0.9)';

const label = (text, colour) => new Text({ text, font: '600 12px ui-monospace, "DejaVu Sans Mono", monospace',
  fill: new Fill({ color: colour }), stroke: new Stroke({ color: HALO, width: 3 }), offsetY: -12, overflow: true });

/**
 * @param map the OpenLayers map
 * @param o {readout: element for the cursor line, format: () => 'dd'|'dms'|'mgrs', ringsNm: () => spacing,
 *   storage: localStorage or a stand-in}
 */
export function createMeasure(map, { readout, format, ringsNm = () => 50, storage = window.localStorage, zIndex = 7 }) {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, zIndex, className: 'vigil-measure',
    style: f => {
      const kind = f.get('kind');
      if (kind === 'rb') return new Style({ stroke: new Stroke({ color: TOOL, width: 2, lineDash: [8, 5] }), text: label(f.get('text'), TOOL) });
      if (kind === 'ring') return new Style({ stroke: new Stroke({ color: 'rgba(255, 176, 32, 0.55)', width: 1 }),
        text: new Text({ text: f.get('text'), placement: 'line', font: '10px sans-serif', fill: new Fill({ color: BULLSEYE }) }) });
      if (kind === 'bullseye') return new Style({ image: new RegularShape({ points: 4, radius: 9, radius2: 0, angle: 0,
        stroke: new Stroke({ color: BULLSEYE, width: 2 }) }), text: label('BULLSEYE', BULLSEYE) });
      return new Style({ image: new CircleStyle({ radius: 4, fill: new Fill({ color: TOOL }) }) });
    } });
  map.addLayer(layer);

  let mode = null; // 'rb' (range and bearing: waiting for a start or an end) or 'bullseye' (next click sets it)
  let start = null; // [lon, lat] of the range-and-bearing start
  let bullseye = null;
  let lastCursor = null;
  try { bullseye = JSON.parse(storage.getItem('vigil.bullseye') ?? 'null'); } catch (e) { bullseye = null; }

  function drawBullseye() {
    for (const f of source.getFeatures()) if (['bullseye', 'ring'].includes(f.get('kind'))) source.removeFeature(f);
    if (!bullseye) return;
    const f = new Feature({ geometry: new Point(fromLonLat(bullseye)), kind: 'bullseye' });
    f.setId('bullseye');
    source.addFeature(f);
    const step = ringsNm();
    if (!(step > 0)) return;
    for (let r = step; r <= step * 5; r += step) {
      const pts = [];
      for (let b = 0; b <= 360; b += 5) pts.push(fromLonLat(destination(bullseye, b, r)));
      source.addFeature(new Feature({ geometry: new LineString(pts), kind: 'ring', text: `${r} NM` }));
    }
  }

  function rbLine(end) {
    let f = source.getFeatureById('rb');
    if (!start || !end) { if (f) source.removeFeature(f); return null; }
    const text = rangeBearingText(rangeBearing(start, end));
    if (!f) {
      f = new Feature({ geometry: new LineString([fromLonLat(start), fromLonLat(end)]), kind: 'rb', text });
      f.setId('rb');
      source.addFeature(f);
    } else {
      f.getGeometry().setCoordinates([fromLonLat(start), fromLonLat(end)]);
      f.set('text', text);
    }
    return text;
  }

  function showReadout(lonLat) {
    lastCursor = lonLat;
    if (!readout) return;
    if (!lonLat) { readout.textContent = ''; return; }
    let text = formatPosition(lonLat[1], lonLat[0], format());
    if (bullseye) text += `  BE ${rangeBearingText(rangeBearing(bullseye, lonLat))}`;
    readout.textContent = text;
  }

  map.on('pointermove', e => {
    if (e.dragging) return;
    const ll = toLonLat(e.coordinate);
    showReadout(ll);
    if (mode === 'rb' && start) rbLine(ll);
  });
  map.getViewport().addEventListener('mouseleave', () => showReadout(null));

  /** A click while a tool is on: true when the tool took it (the map does not select then). */
  function click(coordinate) {
    if (!mode) return false;
    const ll = toLonLat(coordinate);
    if (mode === 'bullseye') {
      setBullseye(ll);
      mode = null;
    } else if (!start) {
      start = ll;
      rbLine(null);
    } else {
      rbLine(ll);
      mode = null; // the line stays until the tool is used again or Esc
    }
    map.getTargetElement().dataset.tool = mode ?? '';
    return true;
  }

  function setBullseye(ll) {
    bullseye = ll;
    if (ll) storage.setItem('vigil.bullseye', JSON.stringify(ll));
    else storage.removeItem('vigil.bullseye');
    drawBullseye();
    showReadout(lastCursor);
  }

  function startRangeBearing() {
    mode = 'rb';
    start = null;
    rbLine(null);
    map.getTargetElement().dataset.tool = mode;
  }

  function pickBullseye() {
    mode = 'bullseye';
    map.getTargetElement().dataset.tool = mode;
  }

  /** Ends a tool in use and clears the range-and-bearing line; true when there was something to end. */
  function cancel() {
    const had = mode != null || source.getFeatureById('rb') != null;
    mode = null;
    start = null;
    rbLine(null);
    map.getTargetElement().dataset.tool = '';
    return had;
  }

  drawBullseye();
  return { layer, click, cancel, startRangeBearing, pickBullseye, setBullseye, redrawRings: drawBullseye,
    active: () => mode != null, bullseye: () => bullseye,
    rangeBearingText: () => source.getFeatureById('rb')?.get('text') ?? null, refreshReadout: () => showReadout(lastCursor) };
}
