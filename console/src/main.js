// Vigil console entry point: wires the live feed to the map, the table and the details panel.
import 'ol/ol.css';
import './style.css';
import { createMap } from './map.js';
import { createTable } from './table.js';
import { createDetails } from './details.js';
import { connectFeed } from './feed.js';
import { createTracks } from './tracks.js';
import { createSystemTrackLayer } from './systemtracks.js';
import { createAlerts } from './alerts.js';
import { createPostureLayer } from './posture.js';
import { createAirspaceLayer } from './airspace.js';
import { createScramblePanel } from './scramble.js';
import { utcTime } from './format.js';
import { initReplay } from './replay.js';
import { initHealthBanner } from './health.js';
import { createCoverageLayer } from './coverage.js';
import { initIntegrity } from './integrity.js';
import { fromLonLat } from 'ol/proj.js';

const $ = id => document.getElementById(id);

// Sign-in: with security on, the server refuses the API and the live feed without a session (401);
// send the operator to the login page then (404 here means a server without sign-in: stay).
const checkSession = () => fetch('api/me', { credentials: 'same-origin' })
  .then(r => { if (r.status === 401) window.location.replace('login.html'); })
  .catch(() => { /* server unreachable: the feed shows offline */ });
checkSession();
// storage damage (everyone) and the audit trail's verification (admins) in the top bar
initIntegrity($('storage-damage'), $('audit-state'));
// a playback of a recording: REPLAY bar, time slider, speed, alerts to jump to, no operator actions
initReplay();
// degraded feeds and radars, or the end of the input, over the map (docs/HEALTH.md)
initHealthBanner(document.getElementById('map-wrap'));

const options = { symbology: 'glyph', labels: true, trails: true, selected: null };
const { tracks, apply } = createTracks();
let pictureTime = NaN;
let pictures = 0;
let lastSelected = null; // the selected aircraft's last view, kept to show it as lost

const mapView = createMap('map', options, icao => select(icao), $('plot-tip'));
// the console opens on the theatre's area of interest (a server without the endpoint keeps the default view)
fetch('api/theatre', { credentials: 'same-origin' })
  .then(r => (r.ok ? r.json() : null))
  .then(t => {
    if (!t) return;
    mapView.showArea(t.area);
    document.title = `Vigil: ${t.title}`;
    if (window.vigil) window.vigil.theatre = t.name;
  })
  .catch(() => { /* server unreachable: the feed shows offline */ });
let plotPictures = 0;
// System tracks of the multi-sensor tracker, above the plots and under nothing the operator selects.
const systemTracks = createSystemTrackLayer({ zIndex: 4, labels: () => options.labels });
mapView.map.addLayer(systemTracks.layer);
let trackPictures = 0;
const table = createTable({
  thead: document.querySelector('#aircraft-table thead'),
  tbody: $('aircraft-rows'),
  filterInput: $('filter'),
  shownEl: $('shown'),
  onSelect: icao => select(icao, true),
});
const details = createDetails({
  panel: $('details'),
  title: $('details-title'),
  symbol: $('details-symbol'),
  fields: $('details-fields'),
  closeButton: $('details-close'),
  onClose: () => select(null),
});

function render() {
  mapView.update(tracks);
  table.render(tracks, pictureTime, options.selected);
  const t = options.selected ? tracks.get(options.selected) : null;
  if (t) lastSelected = t.ac;
  details.show(options.selected ? (t ? t.ac : lastSelected) : null, pictureTime, options.selected != null && !t);
  const count = $('count');
  count.textContent = `${tracks.size} aircraft`;
  count.dataset.count = String(tracks.size);
  $('clock').textContent = utcTime(pictureTime);
}

/** Selects an aircraft (null clears); from the table we also bring it into view on the map. */
function select(icao, centre = false) {
  options.selected = icao || null;
  lastSelected = icao ? tracks.get(icao)?.ac ?? null : null;
  mapView.refresh();
  render();
  if (centre && icao) mapView.centreOn(tracks.get(icao)?.position);
}

connectFeed({
  onPicture: msg => {
    pictureTime = msg.time;
    pictures++;
    apply(msg.aircraft);
    render();
  },
  onPlots: msg => {
    plotPictures++;
    mapView.plots.load(msg.plots);
    window.vigil.lastPlots = msg.plots;
    const n = mapView.plots.source.getFeatures().length;
    const el = $('plot-count');
    el.hidden = false;
    el.textContent = `${n} plots`;
    el.dataset.count = String(n);
  },
  onTracks: msg => {
    trackPictures++;
    systemTracks.load(msg.tracks);
    window.vigil.lastTracks = msg.tracks;
    const el = $('track-count');
    if (el) {
      el.hidden = false;
      el.textContent = `${msg.tracks.length} tracks`;
      el.dataset.count = String(msg.tracks.length);
    }
  },
  onState: s => {
    if (s === 'closed') checkSession(); // the session may have ended (expiry, logout, role change)
    const el = $('conn');
    el.dataset.state = s;
    el.textContent = { open: 'live', connecting: 'connecting', stale: 'stale', closed: 'offline' }[s] ?? s;
  },
});

$('symbology').addEventListener('change', e => { options.symbology = e.target.value; mapView.refresh(); });
$('show-labels').addEventListener('change', e => { options.labels = e.target.checked; mapView.refresh(); });
$('show-trails').addEventListener('change', e => { options.trails = e.target.checked; mapView.update(tracks); });
$('show-plots').addEventListener('change', e => mapView.setPlotsVisible(e.target.checked));
$('show-tracks')?.addEventListener('change', e => systemTracks.layer.setVisible(e.target.checked));
$('show-firs').addEventListener('change', e => mapView.setFirsVisible(e.target.checked));
document.addEventListener('keydown', e => {
  if (e.key === 'Escape') select(null);
  if (e.key === '/' && document.activeElement !== $('filter')) { e.preventDefault(); $('filter').focus(); }
});

// Hooks for the browser test and for operators poking at the console from devtools.
window.vigil = {
  featureCount: () => mapView.aircraftSource.getFeatures().length,
  trailCount: () => mapView.trailSource.getFeatures().length,
  basemapFeatureCount: () => mapView.countries.getSource().getFeatures().length,
  firFeatureCount: () => mapView.firs.getSource().getFeatures().length,
  aircraftCount: () => tracks.size,
  pictures: () => pictures,
  plotCount: () => mapView.plots.source.getFeatures().length,
  plotPictures: () => plotPictures,
  trackPictures: () => trackPictures,
  systemTrackCount: () => systemTracks.count(),
  lastTracks: [],
  plotsVisible: () => mapView.plots.layer.getVisible(),
  /** What the plot layer draws for plot i of the last message: its symbol kind, age bucket and opacity. */
  plotSymbol: i => {
    const f = mapView.plots.source.getFeatures().find(x => x.get('plot') === window.vigil.lastPlots[i]);
    if (!f) return null;
    const style = mapView.plots.layer.getStyleFunction()(f, 1);
    return { type: f.get('type'), bucket: f.get('bucket'), opacity: style.getImage().getOpacity(),
      layer: mapView.plots.layer.getClassName(), aircraftLayer: mapView.aircraftLayer.getClassName() };
  },
  /** Screen pixel of plot i of the last plots message within #map. */
  plotPixel: i => {
    const p = window.vigil.lastPlots[i];
    return p ? mapView.map.getPixelFromCoordinate(fromLonLat([p.lon, p.lat])) : null;
  },
  lastPlots: [],
  /** Loads plots as if from a message (for timing in tests and for trying symbols from devtools). */
  loadPlots: plots => { window.vigil.lastPlots = plots; mapView.plots.load(plots); },
  fromLonLat,
  positionOf: icao => {
    const f = mapView.aircraftSource.getFeatureById(icao);
    const ac = f?.get('ac');
    return ac ? [ac.lon, ac.lat] : null;
  },
  /** Screen pixel of an aircraft within #map, or null when it is not on the map. */
  pixelOf: icao => {
    const f = mapView.aircraftSource.getFeatureById(icao);
    return f ? mapView.map.getPixelFromCoordinate(f.getGeometry().getCoordinates()) : null;
  },
  setSymbology: s => { $('symbology').value = s; options.symbology = s; mapView.refresh(); },
  select: icao => select(icao),
  selected: () => options.selected,
  map: mapView.map,
};

// Alert queue (identification): polls api/alerts; its actions post to the alert routes.
const alertPanel = createAlerts({ panel: $('alerts'), list: $('alert-list'), countEl: $('alert-count'), errorEl: $('alert-error') });
window.vigil.alerts = () => alertPanel.alerts();

// QRA posture layer (bases, isochrones, scrambles in progress) and the scramble panel (issue #8).
const qraError = msg => { $('qra-error').textContent = msg; };
const postureLayer = createPostureLayer({ zIndex: 5, labels: () => options.labels, onError: qraError });
postureLayer.layers.forEach(l => mapView.map.addLayer(l));
// national airspace (NATO blue, others grey, territorial seas hatched) and zones, toggled in the header (issue #6)
createAirspaceLayer(mapView.map, { zIndex: 1, labels: () => options.labels });
// where each feed and radar delivered lately (docs/HEALTH.md "Coverage")
createCoverageLayer(mapView.map, { zIndex: 1 });
import('./interference.js').then(m => m.createInterferenceLayer(mapView.map, { zIndex: 2 })); // GNSS interference (docs/GNSS.md)
const loadIsochrones = () => postureLayer.loadIsochrones({ level: $('iso-level').value, speed: $('iso-speed').value })
  .then(s => { if (s) $('iso-stats').textContent = `mean ${s.meanMinutes ?? '–'} min, worst ${s.worstCoveredMinutes ?? '–'} min, covered ${Math.round(s.coveredShare * 100)} %`; });
$('show-qra')?.addEventListener('change', e => postureLayer.setVisible(e.target.checked));
$('show-isochrones')?.addEventListener('change', e => {
  postureLayer.setIsochronesVisible(e.target.checked);
  if (e.target.checked) loadIsochrones();
});
$('iso-level')?.addEventListener('change', () => $('show-isochrones').checked && loadIsochrones());
$('iso-speed')?.addEventListener('change', () => $('show-isochrones').checked && loadIsochrones());
const scramblePanel = createScramblePanel({ panel: $('qra'), board: $('qra-units'), recommendation: $('qra-recommendation'),
  list: $('scramble-list'), errorEl: $('qra-error'), alertList: $('alert-list'), alerts: () => alertPanel.alerts(),
  onScrambles: list => postureLayer.showScrambles(list) });
window.vigil.posture = () => postureLayer.posture();
window.vigil.isochroneCount = () => postureLayer.isochroneCount();
window.vigil.scrambles = () => scramblePanel.scrambles();
window.vigil.showRecommendation = id => scramblePanel.showRecommendation(id);
