// Radar plots: the raw detections of the last few seconds, drawn the way radar displays draw them so
// they never pass for ADS-B aircraft: a plus for a primary-only plot, an open square for an SSR
// (Mode 3/A) reply, an open circle for a Mode S reply, and the plus through the square or circle
// when primary and secondary were combined. One colour (a pale cyan-white, outside the altitude
// palette of the aircraft symbols) with a dark halo so they read over sea and land alike.
// Older plots fade: opacity falls with age across the window the server sends.
//
// Speed: one vector layer of reused features, rebuilt in one batch per message; styles cached per
// (plot type, age bucket): about 50 Style objects however many plots there are.
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { Icon, Style } from 'ol/style.js';
import { flightLevel } from './format.js';

export const PLOT_COLOUR = '#c8f4ff';
const HALO = 'rgba(5, 10, 16, 0.9)';
/** Symbol box in CSS pixels; small so that thousands of plots stay a picture, not a carpet. */
const BOX = 17;
const AGE_BUCKETS = 8;
/** Opacity of the oldest plot in the window, so that it is still there to see. */
const OLDEST_OPACITY = 0.25;
/** The shortest window we fade over: a handful of plots of the same second must not look old. */
const MIN_WINDOW_MS = 4000;

/** Which marks each plot type gets; unknown types draw as primary (the most conservative claim). */
const MARKS = {
  primary: { plus: true },
  secondary: { square: true },
  combined: { plus: true, square: true },
  mode_s: { circle: true },
  mode_s_combined: { plus: true, circle: true },
};

export const PLOT_TYPE_NAMES = {
  primary: 'primary (PSR)',
  secondary: 'secondary (SSR)',
  combined: 'combined PSR + SSR',
  mode_s: 'Mode S',
  mode_s_combined: 'combined PSR + Mode S',
};

function symbolCanvas(marks) {
  const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = BOX * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  const c = BOX / 2;
  const path = () => {
    g.beginPath();
    if (marks.plus) {
      g.moveTo(c - 7, c); g.lineTo(c + 7, c);
      g.moveTo(c, c - 7); g.lineTo(c, c + 7);
    }
    if (marks.square) g.rect(c - 4.5, c - 4.5, 9, 9);
    if (marks.circle) { g.moveTo(c + 5, c); g.arc(c, c, 5, 0, 2 * Math.PI); }
  };
  g.lineCap = 'square';
  path();
  g.strokeStyle = HALO;
  g.lineWidth = 3;
  g.stroke();
  path();
  g.strokeStyle = PLOT_COLOUR;
  g.lineWidth = 1.5;
  g.stroke();
  return canvas;
}

const canvases = new Map();
const styles = new Map();

/** The cached style for a plot type at an age bucket (0 newest .. AGE_BUCKETS-1 oldest). */
export function plotStyle(type, bucket) {
  const kind = MARKS[type] ? type : 'primary';
  const key = `${kind}|${bucket}`;
  let s = styles.get(key);
  if (s) return s;
  let canvas = canvases.get(kind);
  if (!canvas) {
    canvas = symbolCanvas(MARKS[kind]);
    canvases.set(kind, canvas);
  }
  const opacity = 1 - (1 - OLDEST_OPACITY) * bucket / (AGE_BUCKETS - 1);
  s = new Style({
    image: new Icon({ img: canvas, scale: BOX / canvas.width, opacity }),
    // Newer plots over older ones where they overlap.
    zIndex: AGE_BUCKETS - bucket,
  });
  styles.set(key, s);
  return s;
}

/** Tooltip lines for one plot (data as the server sends it), operator wording. */
export function describePlot(p, newest) {
  const lines = [`Radar ${p.radar ?? '?'}: ${PLOT_TYPE_NAMES[p.type] ?? p.type}`];
  if (p.mode3a) lines.push(`Mode 3/A ${p.mode3a}`);
  if (Number.isFinite(p.altitude_ft)) lines.push(flightLevel(p.altitude_ft));
  else if (p.altitude_assumed) lines.push('altitude assumed');
  if (p.icao) lines.push(`ICAO ${p.icao}`);
  if (p.callsign) lines.push(p.callsign);
  if (Number.isFinite(newest) && Number.isFinite(p.time)) lines.push(`${((newest - p.time) / 1000).toFixed(1)} s old`);
  return lines;
}

/** Creates the plot layer (add `layer` to the map) and the function that loads a plots message. */
export function createPlotLayer({ zIndex }) {
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    style: f => plotStyle(f.get('type'), f.get('bucket')),
    // Its own canvas: the browser test reads it, and fading never touches the aircraft layer.
    className: 'vigil-plots',
    zIndex,
    // Thousands of plots: while panning and zooming, move the last drawn image rather than redraw.
    updateWhileAnimating: false,
    updateWhileInteracting: false,
  });
  const pool = [];
  let newest = NaN;

  /** Replaces the plots with those of one message (array of plots as the server sends them). */
  function load(plots) {
    let max = -Infinity;
    let min = Infinity;
    for (const p of plots) {
      if (p.time > max) max = p.time;
      if (p.time < min) min = p.time;
    }
    newest = max;
    const spanMs = Math.max(MIN_WINDOW_MS, max - min);
    // Out of the source first (no events), so that moving the pooled features below costs no index updates.
    source.clear(true);
    const shown = [];
    for (const p of plots) {
      if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
      let f = pool[shown.length];
      if (!f) {
        f = new Feature(new Point([0, 0]));
        pool.push(f);
      }
      f.getGeometry().setCoordinates(fromLonLat([p.lon, p.lat]));
      const age = Number.isFinite(p.time) ? max - p.time : spanMs;
      f.set('bucket', Math.min(AGE_BUCKETS - 1, Math.floor(age / spanMs * AGE_BUCKETS)), true);
      f.set('type', p.type, true);
      f.set('plot', p, true);
      shown.push(f);
    }
    source.addFeatures(shown);
  }

  return { layer, source, load, newest: () => newest };
}
