// The map: offline basemap (Natural Earth countries, optional FIR boundaries) on a sea-coloured
// background, a trail layer, a radar plot layer and an aircraft layer (on top: the picture the
// operator acts on; plots under it are the raw evidence). No online tiles are ever requested.
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Collection from 'ol/Collection.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { aircraftStyles, trailStyle } from './symbols.js';
import { isEmergency as isEmergencyAc } from './format.js';
import { createPlotLayer, describePlot } from './plots.js';
import { altitudeColour } from './colours.js';

/**
 * Above this many aircraft on the map the console draws them as WebGL points coloured by altitude
 * (one draw call) and keeps the detailed canvas symbols and labels for the selected aircraft and
 * emergencies only; trails are then drawn for the selected aircraft only (as tar1090 does).
 */
export const DENSE_ABOVE = 1000;

/**
 * True when the browser gives us WebGL on a GPU. A software rasteriser (SwiftShader, llvmpipe) draws on
 * the CPU and cost far more than canvas dots: at 10,000 aircraft it took the frame median from 17 ms to
 * 0.6-1.8 s in ConsoleBench (docs/BENCHMARKS.md). `?webgl=0` / `?webgl=1` force either way.
 */
export function webglAvailable() {
  const force = new URLSearchParams(window.location.search).get('webgl');
  if (force === '0') return false;
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') || c.getContext('webgl');
    if (!gl) return false;
    if (force === '1') return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // a probe: give the context back
    return !/swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  } catch (e) {
    return false;
  }
}

/** [r, g, b] of a CSS hsl() colour as altitudeColour gives it. */
function hslToRgb(css) {
  const [h, s, l] = css.match(/[\d.]+/g).map(Number);
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = n => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** Without WebGL: the same dot as a canvas style, one shared style per colour (cheap to draw by the thousand). */
const denseDots = new Map();
function denseDot(alt) {
  const colour = altitudeColour(alt < -9000 ? NaN : Math.round(alt / 500) * 500);
  let s = denseDots.get(colour);
  if (!s) {
    s = new Style({ image: new CircleStyle({ radius: 4, fill: new Fill({ color: colour }),
      stroke: new Stroke({ color: 'rgba(10, 14, 18, 0.9)', width: 1 }) }) });
    denseDots.set(colour, s);
  }
  return s;
}

/** The WebGL flat style: a dot in the altitude colour (grey when unknown), ringed dark. */
function denseStyle() {
  const stops = [];
  for (let alt = 0; alt <= 40000; alt += 1000) stops.push(alt, [...hslToRgb(altitudeColour(alt)), 1]);
  return {
    'circle-radius': 4,
    'circle-fill-color': ['case', ['<', ['get', 'alt'], -9000], [...hslToRgb(altitudeColour(NaN)), 1],
      ['interpolate', ['linear'], ['get', 'alt'], ...stops]],
    'circle-stroke-color': [10, 14, 18, 0.9],
    'circle-stroke-width': 1,
  };
}

const COUNTRIES_URL = 'data/europe-countries-crimea-ukr.geojson';
const FIRS_URL = 'api/theatre/firs'; // the running theatre's FIR boundaries (docs/THEATRES.md)
const COUNTRIES_ATTRIBUTION = 'Made with <a href="https://www.naturalearthdata.com/">Natural Earth</a> '
  + '(public domain); TopoJSON by world-atlas (M. Bostock, ISC); national airspace '
  + '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)';
const FIRS_ATTRIBUTION = 'FIR boundaries: VAT-Spy Client Data Update Project (VATSIM), '
  + '<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>; simulation data, not for navigation';

// The countries basemap is clipped to this box (lon 32 W-51 E, lat 27-82 N: Europe and its
// neighbours); outside it we have no land data, so it is shaded as "no map" rather than left looking
// like open sea.
export const COVERAGE = [-32, 27, 51, 82];
const noMapStyle = new Style({
  fill: new Fill({ color: 'rgba(16, 22, 29, 0.82)' }),
  stroke: new Stroke({ color: 'rgba(138, 154, 171, 0.6)', width: 1 }),
});

function coverageMask() {
  const [w, s, e, n] = COVERAGE;
  const world = [[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]];
  // Hole wound the other way; densified edges so the parallels stay straight in Web Mercator.
  const hole = [];
  for (let x = w; x <= e; x += 1) hole.push([x, s]);
  for (let y = s; y <= n; y += 1) hole.push([e, y]);
  for (let x = e; x >= w; x -= 1) hole.push([x, n]);
  for (let y = n; y >= s; y -= 1) hole.push([w, y]);
  return new Feature(new Polygon([world.map(c => fromLonLat(c)), hole.reverse().map(c => fromLonLat(c))]));
}

const landStyle = new Style({
  fill: new Fill({ color: '#2c3630' }),
  stroke: new Stroke({ color: '#6d7b72', width: 1 }),
});

function countryStyle(feature, resolution) {
  // Country names only when zoomed in enough for them not to clutter the picture.
  if (resolution > 2500) return landStyle;
  return [landStyle, new Style({
    text: new Text({
      text: feature.get('name'),
      font: '11px system-ui, "DejaVu Sans", sans-serif',
      fill: new Fill({ color: 'rgba(200, 210, 200, 0.45)' }),
      overflow: false,
    }),
  })];
}

const firStroke = new Style({ stroke: new Stroke({ color: 'rgba(120, 190, 255, 0.55)', width: 1, lineDash: [6, 5] }) });
function firStyle(feature, resolution) {
  if (resolution > 4000) return firStroke;
  return [firStroke, new Style({
    text: new Text({
      text: feature.get('id'),
      font: '600 10px ui-monospace, "DejaVu Sans Mono", monospace',
      fill: new Fill({ color: 'rgba(120, 190, 255, 0.7)' }),
      overflow: false,
    }),
  })];
}

/**
 * Creates the map in element `target`. `options` is the live display state shared with the toolbar
 * ({symbology, labels, trails, selected}); call `refresh()` after changing it.
 */
export function createMap(target, options, onSelect, plotTip) {
  const countries = new VectorLayer({
    source: new VectorSource({ url: COUNTRIES_URL, format: new GeoJSON(), attributions: COUNTRIES_ATTRIBUTION,
      attributionsCollapsible: false }),
    style: countryStyle,
    declutter: 'basemap',
    zIndex: 0,
  });
  const firs = new VectorLayer({
    source: new VectorSource({ url: FIRS_URL, format: new GeoJSON(), attributions: FIRS_ATTRIBUTION,
      attributionsCollapsible: false }),
    style: firStyle,
    declutter: 'basemap',
    zIndex: 1,
  });
  const mask = new VectorLayer({
    source: new VectorSource({ features: [coverageMask()] }),
    style: noMapStyle,
    zIndex: 1,
  });
  const trailSource = new VectorSource();
  const trails = new VectorLayer({
    source: trailSource,
    style: f => trailStyle(f.get('alt')),
    zIndex: 2,
    updateWhileAnimating: true,
  });
  const plots = createPlotLayer({ zIndex: 3 });
  // No spatial index: every aircraft moves every second, and keeping an R-tree in step cost more than
  // it saved (the WebGL layer takes every feature; the canvas layer's few are in fewSource).
  // (A source without an index needs a collection, or it hands layers no features at all.)
  const aircraftSource = new VectorSource({ useSpatialIndex: false, features: new Collection() });
  // In dense mode the canvas layer draws from this source: the selected aircraft and emergencies only
  // (the same features). Letting it walk all 10,000 features each frame to draw nothing for most of
  // them cost most of the frame time (docs/BENCHMARKS.md "Console").
  const fewSource = new VectorSource();
  let dense = false; // many aircraft: WebGL dots for all, canvas symbols for the few that matter
  const aircraftLayer = new VectorLayer({
    source: aircraftSource,
    style: f => {
      const selected = f.getId() === options.selected || !!options.multi?.has(f.getId());
      if (dense && !selected && !f.get('emergency')) return denseLayer ? null : denseDot(f.get('alt'));
      return aircraftStyles(f.get('ac'), { symbology: options.symbology, labels: options.labels, selected });
    },
    declutter: false,
    zIndex: 4,
    updateWhileAnimating: true,
    updateWhileInteracting: true,
  });

  const denseLayer = webglAvailable()
    ? new WebGLVectorLayer({ source: aircraftSource, style: denseStyle(), zIndex: 4, visible: false,
      className: 'vigil-dense' })
    : null;
  const aircraftLayers = [aircraftLayer, denseLayer].filter(Boolean);

  const map = new OlMap({
    target,
    layers: [countries, firs, mask, trails, plots.layer, ...aircraftLayers],
    controls: defaultControls({ attributionOptions: { collapsible: false } }).extend([new ScaleLine({ units: 'nautical' })]),
    view: new View({ center: fromLonLat([33.5, 44.0]), zoom: 6, minZoom: 3, maxZoom: 13 }),
  });

  /** The plot under a pixel (the newest where several overlap), or null; aircraft are not plots. */
  function plotAt(pixel) {
    if (!plots.layer.getVisible()) return null;
    let hit = null;
    map.forEachFeatureAtPixel(pixel, f => { hit = f.get('plot'); return true; },
      { layerFilter: l => l === plots.layer, hitTolerance: 3 });
    return hit;
  }

  /** One tooltip element for every plot: shown at the pixel with the plot's lines, or hidden. */
  function showPlotTip(pixel) {
    const p = pixel ? plotAt(pixel) : null;
    if (!plotTip) return;
    if (!p) { plotTip.hidden = true; return; }
    plotTip.replaceChildren(...describePlot(p, plots.newest()).map(line => {
      const div = document.createElement('div');
      div.textContent = line;
      return div;
    }));
    plotTip.style.left = `${pixel[0] + 14}px`;
    plotTip.style.top = `${pixel[1] + 10}px`;
    plotTip.hidden = false;
  }

  map.on('singleclick', e => {
    let icao = null;
    // aircraft first, then other selectable layers (system tracks: their marks have ids "T<number>")
    for (const layer of aircraftLayers) {
      if (icao) break;
      map.forEachFeatureAtPixel(e.pixel, f => { if (f.getId() == null) return false; icao = f.getId(); return true; },
        { layerFilter: l => l === layer, hitTolerance: 6 });
    }
    onSelect(icao, e.originalEvent);
    // A click on a plot (and not on an aircraft) shows its tooltip: there is no hover on a touch screen.
    showPlotTip(icao ? null : e.pixel);
  });
  map.on('pointermove', e => {
    if (e.dragging) return;
    const hit = map.hasFeatureAtPixel(e.pixel, { layerFilter: l => aircraftLayers.includes(l), hitTolerance: 6 });
    showPlotTip(hit ? null : e.pixel);
    map.getTargetElement().style.cursor = hit ? 'pointer' : '';
  });
  map.getViewport().addEventListener('mouseleave', () => showPlotTip(null));

  /** Brings the layers in line with the tracks (Map icao -> track); `changed` (a Set) limits the work to those. */
  function update(tracks, changed = null) {
    const wasDense = dense;
    dense = tracks.size > DENSE_ABOVE;
    if (dense !== wasDense) {
      denseLayer?.setVisible(dense);
      fewSource.clear(true);
      // without WebGL the canvas layer keeps drawing every aircraft (as dots)
      aircraftLayer.setSource(dense && denseLayer ? fewSource : aircraftSource);
      aircraftLayer.changed();
      changed = null; // trails change from all to the selected one, or back
    }
    const keys = changed ?? tracks.keys();
    const added = []; // new aircraft, added in one go (one source event, not one per aircraft: a first picture is 10,000)
    for (const icao of keys) {
      const t = tracks.get(icao);
      if (!t) { // removed by the server
        for (const src of [aircraftSource, trailSource, fewSource]) {
          const gone = src.getFeatureById(icao);
          if (gone) src.removeFeature(gone);
        }
        continue;
      }
      const ac = t.ac;
      let f = aircraftSource.getFeatureById(icao);
      if (!t.position) {
        if (f) aircraftSource.removeFeature(f);
      } else if (f) {
        f.setProperties({ ac, alt: ac.altitude_ft ?? -10000, emergency: isEmergencyAc(ac) }, true);
        f.getGeometry().setCoordinates(t.position); // its change event re-styles the feature: one event, not two
      } else {
        f = new Feature({ geometry: new Point(t.position), ac, alt: ac.altitude_ft ?? -10000,
          emergency: isEmergencyAc(ac) });
        f.setId(icao);
        added.push(f);
      }
      if (dense && denseLayer) {
        const few = fewSource.getFeatureById(icao);
        const wanted = f && t.position && (icao === options.selected || options.multi?.has(icao) || f.get('emergency'));
        if (wanted && !few) fewSource.addFeature(f);
        else if (!wanted && few) fewSource.removeFeature(few);
      }
      let tf = trailSource.getFeatureById(icao);
      const line = options.trails && t.trail.length > 1 && (!dense || icao === options.selected || options.multi?.has(icao))
        ? t.trail : null;
      if (!line) {
        if (tf) trailSource.removeFeature(tf);
      } else if (tf) {
        tf.getGeometry().setCoordinates(line);
        tf.set('alt', ac.altitude_ft, true);
        tf.changed();
      } else {
        tf = new Feature({ geometry: new LineString(line), alt: ac.altitude_ft });
        tf.setId(icao);
        trailSource.addFeature(tf);
      }
    }
    if (added.length) aircraftSource.addFeatures(added);
    // Tracks the server no longer sends are gone from the picture.
    for (const src of [aircraftSource, trailSource, fewSource]) {
      if (changed) break; // removals came as their own keys
      for (const f of src.getFeatures()) {
        if (!tracks.has(f.getId())) src.removeFeature(f);
      }
    }
  }

  function refresh() {
    aircraftLayer.changed();
  }

  function setFirsVisible(v) {
    firs.setVisible(v);
  }

  function setPlotsVisible(v) {
    plots.layer.setVisible(v);
    if (!v) showPlotTip(null);
  }

  function centreOn(position) {
    if (position) map.getView().animate({ center: position, duration: 300 });
  }

  /** Opens the view on a theatre's area of interest {south, north, west, east} (GET api/theatre). */
  function showArea(area) {
    if (!area) return;
    const sw = fromLonLat([area.west, area.south]);
    const ne = fromLonLat([area.east, area.north]);
    map.getView().fit([sw[0], sw[1], ne[0], ne[1]], { padding: [20, 20, 20, 20] });
  }

  /** Makes a layer's features with an id selectable by a click (after the aircraft). */
  function addSelectable(layer) {
    aircraftLayers.push(layer);
  }

  return { addSelectable, map, aircraftSource, trailSource, countries, firs, plots, aircraftLayer, denseLayer, dense: () => dense,
    update, refresh, setFirsVisible,
    setPlotsVisible, centreOn, showArea };
}
