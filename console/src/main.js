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
import { createSitesLayer } from './sites.js';
import { createTrackHistory, trackNumberOf } from './history.js';
import { initIntegrity } from './integrity.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { containsCoordinate } from 'ol/extent.js';
import { bindShortcuts, loadSettings, saveSettings, SHORTCUTS } from './prefs.js';
import { createMeasure } from './measure.js';
import { renderLegend } from './legend.js';
import { createAdmin } from './admin.js';
import { dmsPosition, mgrsPosition, rangeBearing } from './coords.js';
import { COLUMN_KEYS } from './table.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle as CircleStyle, Stroke, Style } from 'ol/style.js';

const $ = id => document.getElementById(id);

// Sign-in: with security on, the server refuses the API and the live feed without a session (401);
// send the operator to the login page then (404 here means a server without sign-in: stay).
const checkSession = () => fetch('api/me', { credentials: 'same-origin' })
  .then(r => {
    if (r.status === 401) window.location.replace('login.html');
    if (r.ok) { // signed in: who, and the way out
      $('sign-out').hidden = false;
      r.json().then(me => { $('user').hidden = false; $('user').textContent = me.username ?? me.user ?? ''; })
        .catch(() => { /* the name is a courtesy */ });
    }
  })
  .catch(() => { /* server unreachable: the feed shows offline */ });
// settings kept between reloads, and this page's URL parameters (tar1090 habits, prefs.js)
const { settings, url: urlParams } = loadSettings(window.localStorage, window.location.search);
const saveNow = () => saveSettings(window.localStorage, settings);
// administration for supervisors and admins (users, QRA posture, what-if, audit trail)
const admin = createAdmin({ dialog: $('admin'), tabs: $('admin-tabs'), body: $('admin-body'), errorEl: $('admin-error'),
  openButton: $('admin-open') });
fetch('api/me', { credentials: 'same-origin' }).then(r => (r.ok ? r.json() : null))
  .then(me => { if (me?.role) admin.setRole(me.role); }).catch(() => { /* no sign-in: no admin screens */ });
checkSession();
// storage damage (everyone) and the audit trail's verification (admins) in the top bar
initIntegrity($('storage-damage'), $('audit-state'));
$('sign-out').addEventListener('click', () => {
  fetch('api/auth/logout', { method: 'POST', credentials: 'same-origin' })
    .catch(() => { /* signed out or unreachable: the login page either way */ })
    .finally(() => window.location.replace('login.html'));
});
// a playback of a recording: REPLAY bar, time slider, speed, alerts to jump to, no operator actions;
// the connection badge says REPLAY, and a jump starts the picture afresh (no trails across skipped time)
let replaying = false;
initReplay({ onJump: () => jumped() }).then(r => {
  replaying = r;
  if (r) { const c = $('conn'); if (c.dataset.state === 'open') c.textContent = 'REPLAY'; }
});
// degraded feeds and radars, or the end of the input, over the map (docs/HEALTH.md)
initHealthBanner(document.getElementById('map-wrap'));

// multi: the further selected aircraft (tar1090's multi-select: Ctrl/Shift-click or key M), highlighted with their trails
const options = { symbology: settings.symbology, labels: settings.labels, trails: settings.trails, selected: null,
  multi: new Set() };
let multiMode = false; // key M: every click adds to the selection
const extending = ev => multiMode || !!(ev && (ev.ctrlKey || ev.metaKey || ev.shiftKey));
const { tracks, apply, applyDelta, setTrail } = createTracks();
let pictureTime = NaN;
let pictures = 0;
let lastSelected = null; // the selected aircraft's last view, kept to show it as lost
let selectedDetail = null; // GET api/aircraft/{icao} of the selected one: every field, and its trail
let totalAircraft = 0; // in the whole picture (the server sends only what is in view and filter)
let bytesReceived = 0; // of picture messages, for the browser benchmark
let firstPictureAt = NaN; // performance.now() when the first picture with aircraft was drawn
// where the first picture's time goes (ConsoleBench): script start, socket open, first delta in, its draw
const firstPictureTimes = { script: performance.now(), open: NaN, received: NaN, bytes: 0, applied: NaN, drawn: NaN };

let clickTaken = false; // a click the range-and-bearing or bullseye tool used: it selects nothing
const mapView = createMap('map', options, (icao, ev) => {
  if (clickTaken) { clickTaken = false; return; }
  if (extending(ev)) { if (icao) select(icao, false, true); return; }
  select(icao);
}, $('plot-tip'));
// the console opens on the theatre's area of interest (a server without the endpoint keeps the default view)
fetch('api/theatre', { credentials: 'same-origin' })
  .then(r => (r.ok ? r.json() : null))
  .then(t => {
    if (!t) return;
    if (!(Number.isFinite(urlParams.lat) && Number.isFinite(urlParams.lon))) mapView.showArea(t.area);
    document.title = `Vigil: ${t.title}`;
    if (window.vigil) window.vigil.theatre = t.name;
  })
  .catch(() => { /* server unreachable: the feed shows offline */ });
let plotPictures = 0;
// System tracks of the multi-sensor tracker, above the plots and under nothing the operator selects.
const systemTracks = createSystemTrackLayer({ zIndex: 4, labels: () => options.labels,
  symbology: () => options.symbology, hasAircraft: icao => tracks.has(icao) });
// Each aircraft's identity is its system track's (APP-6 frames by identity; the delta rows carry none).
const identityByIcao = new Map();
mapView.map.addLayer(systemTracks.layer);
mapView.addSelectable(systemTracks.layer);
// System tracks with no aircraft view (primary only, or no ICAO address): in the table and selectable
// as "T<number>", with their sources in the details (issue 16: the unknown is not second-class).
const trackOnly = new Map();
// The selection ring: one marker over whatever is selected (aircraft or system track).
const selectionFeature = new Feature({ geometry: new Point([0, 0]) });
const selectionLayer = new VectorLayer({ source: new VectorSource({ features: [selectionFeature] }), zIndex: 6,
  style: new Style({ image: new CircleStyle({ radius: 17, stroke: new Stroke({ color: '#4dd0ff', width: 2.5 }) }) }),
  visible: false, className: 'vigil-selection' });
mapView.map.addLayer(selectionLayer);
// rings over the further selected aircraft (multi-select), thinner than the selected one's
const multiSource = new VectorSource();
mapView.map.addLayer(new VectorLayer({ source: multiSource, zIndex: 6, className: 'vigil-multi',
  style: new Style({ image: new CircleStyle({ radius: 14, stroke: new Stroke({ color: '#4dd0ff', width: 1.5 }) }) }) }));
function showMultiRings() {
  multiSource.clear(true);
  const marks = [];
  for (const id of options.multi) {
    const p = (tracks.get(id) ?? trackOnly.get(id))?.position;
    if (p) { const f = new Feature({ geometry: new Point(p) }); f.setId(id); marks.push(f); }
  }
  multiSource.addFeatures(marks);
}
let trackPictures = 0;
const table = createTable({
  thead: document.querySelector('#aircraft-table thead'),
  tbody: $('aircraft-rows'),
  filterInput: $('filter'),
  shownEl: $('shown'),
  onSelect: (icao, ev) => select(icao, !extending(ev), extending(ev)),
  scroller: $('table-wrap'),
  onFilterChange: () => viewChanged(),
  columns: settings.columns,
  sort: settings.sort,
  sortDir: settings.sortDir,
  onSortChange: (key, dir) => { settings.sort = key; settings.sortDir = dir; saveNow(); },
});
if (urlParams.filter != null) $('filter').value = urlParams.filter;
const details = createDetails({
  panel: $('details'),
  title: $('details-title'),
  symbol: $('details-symbol'),
  fields: $('details-fields'),
  closeButton: $('details-close'),
  onClose: () => select(null),
});

/** The system track of an aircraft (same ICAO address), or undefined. */
const systemTrackOf = icao => (window.vigil?.lastTracks ?? []).find(st => st.icao === icao);
// the selected track's evidence and history, under its fields (every track, primary-only included)
const trackHistory = createTrackHistory($('details-history'));
const showHistory = () => trackHistory.show(options.selected ? trackNumberOf(options.selected, systemTrackOf) : null);
setInterval(showHistory, 3000);

function render(changed = null) {
  mapView.update(tracks, changed);
  if (table.columns().includes('distance_nm')) setDistances();
  if (table.columns().includes('registration') || table.columns().includes('aircraft_type')) setPlanFields();
  table.render(trackOnly.size ? new Map([...tracks, ...trackOnly]) : tracks, pictureTime, options.selected);
  const t = options.selected ? tracks.get(options.selected) ?? trackOnly.get(options.selected) : null;
  if (t) {
    lastSelected = selectedDetail?.icao === t.icao ? { ...selectedDetail, ...t.ac } : t.ac;
    const st = trackOnly.has(t.icao) ? null : systemTrackOf(t.icao);
    if (st) lastSelected = { ...lastSelected, ...trackFields(st) };
    // the position as operators read it, beside the degrees
    if (Number.isFinite(lastSelected.lat) && Number.isFinite(lastSelected.lon)) {
      lastSelected = { ...lastSelected, position_dms: dmsPosition(lastSelected.lat, lastSelected.lon),
        position_mgrs: mgrsPosition(lastSelected.lat, lastSelected.lon) };
    }
  }
  if (options.multi.size) showMultiRings();
  selectionLayer.setVisible(!!(t && t.position));
  if (t && t.position) selectionFeature.getGeometry().setCoordinates(t.position);
  details.show(options.selected ? lastSelected : null, pictureTime, options.selected != null && !t);
  const count = $('count');
  count.textContent = `${tracks.size} aircraft` + (totalAircraft > tracks.size ? ` of ${totalAircraft}` : '');
  count.dataset.count = String(tracks.size);
  $('clock').textContent = utcTime(pictureTime);
}

/**
 * Selects an aircraft (null clears); from the table we also bring it into view on the map. `extend`
 * (multi-select): the aircraft is added to the selection and shown in the details, the one before stays
 * selected; an aircraft already selected is taken out of it.
 */
function select(icao, centre = false, extend = false) {
  const changed = new Set([options.selected, icao, ...options.multi].filter(Boolean));
  if (extend && icao && (icao === options.selected || options.multi.has(icao))) { // taken out
    options.multi.delete(icao);
    if (icao === options.selected) {
      const next = [...options.multi].pop() ?? null;
      options.multi.delete(next);
      icao = next;
    } else {
      icao = options.selected;
    }
  } else if (extend && icao && options.selected) {
    options.multi.add(options.selected);
  } else {
    options.multi.clear();
  }
  table.setMulti(options.multi);
  showMultiRings();
  options.selected = icao || null;
  systemTracks.select(options.selected);
  if (selectedDetail?.icao !== icao) selectedDetail = null;
  lastSelected = icao ? (tracks.get(icao) ?? trackOnly.get(icao))?.ac ?? null : null;
  mapView.refresh();
  render(changed);
  if (centre && icao) mapView.centreOn((tracks.get(icao) ?? trackOnly.get(icao))?.position);
  if (icao) table.scrollTo(icao);
  if (icao && tracks.has(icao)) loadSelectedDetail();
  showHistory();
  if (icao && /^T\d+$/.test(icao)) loadTrackTrail();
}

// A system track's trail on demand (protocol 2 sends none): for the selected track-only one.
function loadTrackTrail() {
  const id = options.selected;
  if (!id || !/^T\d+$/.test(id)) return;
  fetch(`api/tracks/${id.slice(1)}`, { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(t => { if (t && options.selected === id) systemTracks.setTrail(t.track_number, t.trail); })
    .catch(() => { /* the feed shows the connection state */ });
}

// Trails and the fields the delta leaves out come on demand, for the selected aircraft only.
function loadSelectedDetail() {
  const icao = options.selected;
  if (!icao) return;
  fetch(`api/aircraft/${encodeURIComponent(icao)}`, { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(ac => {
      if (!ac || options.selected !== icao) return;
      selectedDetail = ac;
      setTrail(icao, ac.trail);
      render(new Set([icao]));
    })
    .catch(() => { /* the feed shows the connection state */ });
}
setInterval(loadSelectedDetail, 2000);

/** What this console shows, for the server's filtering (protocol 2): the map's box (padded), zoom and filter. */
function currentView() {
  const size = mapView.map.getSize();
  const view = mapView.map.getView();
  if (!size) return { bbox: [-180, -90, 180, 90], res: 1, filter: table.filterText() };
  const extent = view.calculateExtent(size);
  const w = extent[2] - extent[0];
  const h = extent[3] - extent[1];
  const padded = [extent[0] - w * 0.1, extent[1] - h * 0.1, extent[2] + w * 0.1, extent[3] + h * 0.1];
  const [west, south, east, north] = transformExtent(padded, 'EPSG:3857', 'EPSG:4326');
  return { bbox: [west, Math.max(-90, south), east, Math.min(90, north)], res: view.getResolution(),
    filter: table.filterText() };
}
let viewTimer = 0;
function viewChanged() {
  clearTimeout(viewTimer);
  viewTimer = setTimeout(() => feed.sendView(), 150);
}
mapView.map.on('moveend', viewChanged);

/** A system track's fields in the aircraft view's names (the table and details read those). */
function trackFields(st) {
  return { track_number: st.track_number, status: st.status, identity: st.identity, sensors: st.sensors,
    primary_only: st.primary_only, disagreement: st.disagreement, callsign: st.callsign, squawk: st.squawk,
    altitude_ft: st.altitude_ft, groundspeed_kt: st.speed_kt, track_deg: st.track_deg,
    vertical_rate_fpm: st.vertical_rate_fpm, lat: st.lat, lon: st.lon, last_seen: st.time_ms };
}

/** Up to this many aircraft in the whole picture, a fresh console fetches their trails with its first picture. */
const TRAILS_WITH_FIRST_PICTURE = 200;
let deltas = Promise.resolve();
const pictureWork = []; // ms of script per picture (apply + map + table), newest last, for the benchmark

/** A jump in time (replay seek): forget the picture and ask the server for a full one. */
function jumped() {
  tracks.clear();
  trackOnly.clear();
  render(null);
  feed.sendView({ reset: true });
}

/** Longest gap in picture time that trails bridge; a bigger one (a jump) restarts every trail. */
const TRAIL_GAP_MS = 60_000;

function showDelta(msg) {
  if (!msg.full && Number.isFinite(pictureTime) && Math.abs(msg.time - pictureTime) > TRAIL_GAP_MS) {
    for (const t of tracks.values()) t.trail = t.position ? [t.position] : [];
  }
  const draw = () => {
    pictureTime = msg.time;
    totalAircraft = msg.n ?? 0;
    pictures++;
    const t0 = performance.now();
    applyDelta(msg);
    if (Number.isNaN(firstPictureTimes.applied) && tracks.size > 0) firstPictureTimes.applied = performance.now();
    for (const row of msg.u) {
      const t = tracks.get(row[0]);
      if (t && identityByIcao.has(row[0])) t.ac.identity = identityByIcao.get(row[0]);
    }
    const changed = msg.full ? null : new Set([...msg.u.map(r => r[0]), ...msg.r]);
    render(changed);
    pictureWork.push(performance.now() - t0);
    if (pictureWork.length > 120) pictureWork.shift();
    if (Number.isNaN(firstPictureAt) && tracks.size > 0) firstPictureAt = firstPictureTimes.drawn = performance.now();
  };
  draw();
  if (!(msg.full && msg.n <= TRAILS_WITH_FIRST_PICTURE)) return undefined;
  // A small picture: its trails (not in the deltas) come from the REST picture, once, after it is drawn
  // (waiting for them first cost the first picture a round trip)
  return fetch('api/aircraft', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : []))
    .catch(() => [])
    .then(list => {
      const got = new Set();
      for (const ac of Array.isArray(list) ? list : []) if (tracks.has(ac.icao)) { setTrail(ac.icao, ac.trail); got.add(ac.icao); }
      if (got.size) render(got);
    });
}

const feed = connectFeed({
  view: currentView,
  onDelta: (msg, bytes) => {
    bytesReceived += bytes;
    if (Number.isNaN(firstPictureTimes.received) && msg.u.length) {
      firstPictureTimes.received = performance.now();
      firstPictureTimes.bytes = bytes;
    }
    // in order: a first picture may wait for its trails
    deltas = deltas.then(() => showDelta(msg)).catch(e => console.warn('vigil: picture not shown', e));
  },
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
    systemTracks.load(msg.tracks);
    showTracks(msg.tracks);
  },
  // protocol 2: changed and removed system tracks only, for this console's view (docs/CONSOLE.md)
  onTrackDelta: (msg, bytes) => {
    bytesReceived += bytes;
    systemTracks.applyDelta(msg);
    showTracks(systemTracks.held());
    if (msg.full && msg.n > 0 && msg.n <= TRAILS_WITH_FIRST_PICTURE) { // a small picture: trails once, as for aircraft
      fetch('api/tracks', { credentials: 'same-origin' }).then(r => (r.ok ? r.json() : []))
        .then(list => { for (const t of Array.isArray(list) ? list : []) systemTracks.setTrail(t.track_number, t.trail); })
        .catch(() => { /* the feed shows the connection state */ });
    }
  },
  onState: s => {
    if (s === 'open' && Number.isNaN(firstPictureTimes.open)) firstPictureTimes.open = performance.now();
    if (s === 'closed') checkSession(); // the session may have ended (expiry, logout, role change)
    const el = $('conn');
    el.dataset.state = s;
    el.textContent = { open: replaying ? 'REPLAY' : 'live', connecting: 'connecting', stale: 'stale', closed: 'offline' }[s] ?? s;
  },
});

/** The system tracks now held: the table's track-only rows, the details' fields, the count. */
function showTracks(list) {
    trackPictures++;
    window.vigil.lastTracks = list;
    trackOnly.clear();
    const reidentified = new Set();
    identityByIcao.clear();
    for (const st of list) {
      if (!st.icao) continue;
      if (st.identity) identityByIcao.set(st.icao, st.identity);
      const t = tracks.get(st.icao);
      if (t && t.ac.identity !== st.identity) { t.ac.identity = st.identity; reidentified.add(st.icao); }
    }
    if (reidentified.size) mapView.update(tracks, reidentified);
    for (const st of list) {
      if (st.icao && tracks.has(st.icao)) continue;
      const id = `T${st.track_number}`;
      const ac = { icao: id, ...trackFields(st) };
      trackOnly.set(id, { icao: id, ac, position: Number.isFinite(st.lat) ? fromLonLat([st.lon, st.lat]) : null, trail: [] });
    }
    render(new Set());
    const el = $('track-count');
    if (el) {
      el.hidden = false;
      el.textContent = `${list.length} tracks`;
      el.dataset.count = String(list.length);
    }
}

$('symbology').addEventListener('change', e => { options.symbology = e.target.value; mapView.refresh(); systemTracks.layer.changed(); });
$('show-labels').addEventListener('change', e => { options.labels = e.target.checked; mapView.refresh(); });
$('show-trails').addEventListener('change', e => { options.trails = e.target.checked; mapView.update(tracks); });
$('show-plots').addEventListener('change', e => mapView.setPlotsVisible(e.target.checked));
$('show-tracks')?.addEventListener('change', e => systemTracks.layer.setVisible(e.target.checked));
$('show-firs').addEventListener('change', e => mapView.setFirsVisible(e.target.checked));

// Hooks for the browser test and for operators poking at the console from devtools.
window.vigil = {
  featureCount: () => mapView.aircraftSource.getFeatures().length,
  trailCount: () => mapView.trailSource.getFeatures().length,
  basemapFeatureCount: () => mapView.countries.getSource().getFeatures().length,
  firFeatureCount: () => mapView.firs.getSource().getFeatures().length,
  aircraftCount: () => tracks.size,
  totalAircraft: () => totalAircraft,
  bytesReceived: () => bytesReceived,
  firstPictureAt: () => firstPictureAt,
  firstPictureTimes: () => ({ ...firstPictureTimes }),
  dense: () => mapView.dense(),
  pictureWork: () => pictureWork.slice(),
  tableRowCount: () => document.querySelectorAll('#aircraft-rows tr[data-icao]').length,
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
  setSymbology: s => { $('symbology').value = s; options.symbology = s; mapView.refresh(); systemTracks.layer.changed(); },
  select: icao => select(icao),
  trailLonLat: icao => (tracks.get(icao)?.trail ?? []).map(p => toLonLat(p)),
  connText: () => $('conn').textContent,
  tableIds: () => [...document.querySelectorAll('#aircraft-rows tr[data-icao]')].map(tr => tr.dataset.icao),
  centre: () => mapView.map.getView().getCenter(),
  selected: () => options.selected,
  map: mapView.map,
};

// Alert queue (identification): polls api/alerts; its actions post to the alert routes.
const alertPanel = createAlerts({ panel: $('alerts'), list: $('alert-list'), countEl: $('alert-count'), errorEl: $('alert-error'),
  // alert -> track: select it (the aircraft when we have its view, else the system track), centre, details
  onSelect: a => {
    const id = a.icao && tracks.has(a.icao) ? a.icao : `T${a.track}`;
    select(id, true);
  },
  onNew: () => alertCue() });
window.vigil.alerts = () => alertPanel.alerts();

// New-alert cue: the panel flashes and a short tone sounds (WebAudio), unless muted (kept in localStorage).
let cues = 0;
const muteBox = $('alert-mute');
if (muteBox) {
  muteBox.checked = localStorage.getItem('vigil.alertMuted') === '1';
  muteBox.addEventListener('change', () => localStorage.setItem('vigil.alertMuted', muteBox.checked ? '1' : '0'));
}
let audio = null;
function alertCue() {
  cues++;
  const panel = $('alerts');
  panel.classList.remove('flash');
  void panel.offsetWidth; // restart the animation
  panel.classList.add('flash');
  if (muteBox?.checked) return;
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
  } catch (e) { /* no audio device: the flash remains */ }
}
window.vigil.alertCues = () => cues;

// QRA posture layer (bases, isochrones, scrambles in progress) and the scramble panel (issue #8).
const qraError = msg => { $('qra-error').textContent = msg; };
const postureLayer = createPostureLayer({ zIndex: 5, labels: () => options.labels, onError: qraError });
postureLayer.layers.forEach(l => mapView.map.addLayer(l));
// national airspace (NATO blue, others grey, territorial seas hatched) and zones, toggled in the header (issue #6)
createAirspaceLayer(mapView.map, { zIndex: 1, labels: () => options.labels });
// where each feed and radar delivered lately (docs/HEALTH.md "Coverage")
createCoverageLayer(mapView.map, { zIndex: 1 });
// range rings around the radars and receivers (GET api/sites), toggled in the header (tar1090's rings)
const sitesLayer = createSitesLayer(mapView.map, { zIndex: 1, innerNm: () => settings.ringsNm, visible: settings.sites });
$('show-sites')?.addEventListener('change', e => sitesLayer.layer.setVisible(e.target.checked));
import('./tak.js').then(m => m.createTakLayer(mapView.map, { zIndex: 5 })); // TAK's friendly positions and markers (docs/INTEROP.md)
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

// ---- tar1090 habits and the operator's tools (prefs.js, measure.js, legend.js) ----

// the toggles as kept: their boxes, then the layers (the change handlers above do the rest)
for (const [id, key] of [['show-labels', 'labels'], ['show-trails', 'trails'], ['show-plots', 'plots'],
  ['show-tracks', 'tracks'], ['show-firs', 'firs'], ['show-sites', 'sites']]) {
  const box = $(id);
  if (!box) continue;
  if (box.checked !== settings[key]) { box.checked = settings[key]; box.dispatchEvent(new Event('change')); }
  box.addEventListener('change', () => { settings[key] = box.checked; saveNow(); });
}
$('symbology').value = options.symbology;
$('symbology').addEventListener('change', e => { settings.symbology = e.target.value; saveNow(); renderLegend($('legend'), settings.symbology); });
renderLegend($('legend'), settings.symbology);

// cursor readout, range and bearing, bullseye with range rings
$('coord-format').value = settings.coords;
$('rings-nm').value = String(settings.ringsNm);
const measure = createMeasure(mapView.map, { readout: $('cursor-readout'), format: () => settings.coords,
  ringsNm: () => settings.ringsNm });
mapView.map.on('click', e => { if (measure.click(e.coordinate)) clickTaken = true; });
$('coord-format').addEventListener('change', e => { settings.coords = e.target.value; saveNow(); measure.refreshReadout(); });
$('rings-nm').addEventListener('change', e => { settings.ringsNm = Math.max(0, Number(e.target.value) || 0); saveNow(); measure.redrawRings(); sitesLayer.redraw(); });
$('tool-rb').addEventListener('click', () => measure.startRangeBearing());
$('tool-bullseye').addEventListener('click', () => measure.pickBullseye());

// registration and type columns: from the filed flight plans (by ICAO address from CODE/, else by callsign),
// asked for only while one of the columns is shown, without routes (api/flightplans?fields=brief)
const plansByIcao = new Map();
const plansByCallsign = new Map();
let plansAskedAt = -Infinity;
function setPlanFields() {
  if (performance.now() - plansAskedAt > 30_000) {
    plansAskedAt = performance.now();
    fetch('api/flightplans?fields=brief', { credentials: 'same-origin' }).then(r => (r.ok ? r.json() : []))
      .then(list => {
        plansByIcao.clear();
        plansByCallsign.clear();
        for (const p of Array.isArray(list) ? list : []) {
          if (p.icao) plansByIcao.set(p.icao, p);
          if (p.callsign) plansByCallsign.set(p.callsign, p);
        }
        table.rerender();
      })
      .catch(() => { /* the feed shows the connection state */ });
  }
  for (const t of tracks.values()) {
    const p = plansByIcao.get(t.ac.icao) ?? (t.ac.callsign ? plansByCallsign.get(t.ac.callsign.trim()) : undefined);
    t.ac.registration = p?.registration;
    t.ac.aircraft_type = p?.type;
  }
}

// distance column: from the bullseye, or the map centre without one
function setDistances() {
  const from = measure?.bullseye() ?? toLonLat(mapView.map.getView().getCenter());
  for (const t of tracks.values()) {
    t.ac.distance_nm = Number.isFinite(t.ac.lat) ? rangeBearing(from, [t.ac.lon, t.ac.lat]).range : NaN;
  }
}

// "in view only": the table lists what the map shows
let viewExtent = null;
const inViewOnly = t => !!(t.position && viewExtent && containsCoordinate(viewExtent, t.position));
const applyInView = () => {
  viewExtent = mapView.map.getSize() ? mapView.map.getView().calculateExtent(mapView.map.getSize()) : null;
  table.setInView(settings.inView ? inViewOnly : null);
};
$('in-view').checked = settings.inView;
$('in-view').addEventListener('change', e => { settings.inView = e.target.checked; saveNow(); applyInView(); });
mapView.map.on('moveend', () => { if (settings.inView) applyInView(); });
applyInView();

// table columns chosen by the operator
const columnLabels = Object.fromEntries([...document.querySelectorAll('#aircraft-table th[data-sort]')]
  .map(th => [th.dataset.sort, th.textContent]));
$('column-list').replaceChildren(...COLUMN_KEYS.map(k => {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.dataset.col = k;
  box.checked = table.columns().includes(k);
  box.addEventListener('change', () => {
    settings.columns = [...document.querySelectorAll('#column-list input:checked')].map(b => b.dataset.col);
    table.setColumns(settings.columns);
    saveNow();
    table.rerender();
  });
  label.append(box, ` ${columnLabels[k] ?? k}`);
  return label;
}));

// dim the basemap
const setDim = on => { settings.dim = on; $('dim-map').checked = on; mapView.countries.setOpacity(on ? 0.35 : 1); mapView.firs.setOpacity(on ? 0.35 : 1); };
$('dim-map').addEventListener('change', e => { setDim(e.target.checked); saveNow(); });
setDim(settings.dim);

// keyboard shortcuts and their help
$('help-keys').replaceChildren(...SHORTCUTS.map(([k, what]) => {
  const tr = document.createElement('tr');
  const a = document.createElement('td');
  a.textContent = k;
  const b = document.createElement('td');
  b.textContent = what;
  tr.append(a, b);
  return tr;
}));
const toggle = id => { const box = $(id); if (box) { box.checked = !box.checked; box.dispatchEvent(new Event('change')); } };
const pan = (dx, dy) => {
  const v = mapView.map.getView();
  const [w, h] = mapView.map.getSize() ?? [0, 0];
  const c = v.getCenter();
  v.animate({ center: [c[0] + dx * w * 0.25 * v.getResolution(), c[1] + dy * h * 0.25 * v.getResolution()], duration: 150 });
};
bindShortcuts(document, {
  zoomIn: () => mapView.map.getView().animate({ zoom: mapView.map.getView().getZoom() + 1, duration: 150 }),
  zoomOut: () => mapView.map.getView().animate({ zoom: mapView.map.getView().getZoom() - 1, duration: 150 }),
  panUp: () => pan(0, 1), panDown: () => pan(0, -1), panLeft: () => pan(-1, 0), panRight: () => pan(1, 0),
  escape: () => { if (!measure.cancel()) select(null); },
  filter: () => $('filter').focus(),
  labels: () => toggle('show-labels'), trails: () => toggle('show-trails'), plots: () => toggle('show-plots'),
  symbols: () => { const s = $('symbology'); s.value = s.value === 'app6' ? 'glyph' : 'app6'; s.dispatchEvent(new Event('change')); },
  coords: () => { const c = $('coord-format'); c.value = { dd: 'dms', dms: 'mgrs', mgrs: 'dd' }[c.value]; c.dispatchEvent(new Event('change')); },
  rangeBearing: () => measure.startRangeBearing(),
  bullseye: () => measure.pickBullseye(),
  clearBullseye: () => measure.setBullseye(null),
  dim: () => toggle('dim-map'),
  inView: () => toggle('in-view'),
  help: () => ($('help').open ? $('help').close() : $('help').showModal()),
  multiSelect: () => { multiMode = !multiMode; document.body.classList.toggle('multi-select', multiMode); },
});
$('help-open').addEventListener('click', () => $('help').showModal());

// URL parameters: the view, a selection, kiosk mode
if (Number.isFinite(urlParams.lat) && Number.isFinite(urlParams.lon)) {
  mapView.map.getView().setCenter(fromLonLat([urlParams.lon, urlParams.lat]));
}
if (Number.isFinite(urlParams.zoom)) mapView.map.getView().setZoom(urlParams.zoom);
if (urlParams.kiosk) document.body.classList.add('kiosk');
if (urlParams.icao) {
  const want = urlParams.icao;
  const wait = setInterval(() => { // until it is in the picture (or give up after a minute)
    if (tracks.has(want) || trackOnly.has(want)) { clearInterval(wait); select(want, true); }
  }, 500);
  setTimeout(() => clearInterval(wait), 60_000);
}

Object.assign(window.vigil, {
  settings: () => ({ ...settings }),
  measure,
  bullseye: () => measure.bullseye(),
  rangeBearing: () => measure.rangeBearingText(),
  cursorReadout: () => $('cursor-readout').textContent,
  tableColumns: () => table.columns(),
  /** Whether the system track's mark draws anything (an aircraft's own track does not: one object per aircraft). */
  trackMarkDrawn: id => {
    const f = systemTracks.source.getFeatureById(id);
    return !!f && systemTracks.layer.getStyleFunction()(f, 1000) != null;
  },
  admin,
  sites: () => sitesLayer.sites(),
  /** Every selected id: the one in the details first, then the further ones (multi-select). */
  selection: () => [options.selected, ...options.multi].filter(Boolean),
  historyTrack: () => trackHistory.shown(),
  multiMode: () => multiMode,
  siteRingCount: () => sitesLayer.ringCount(),
  sitesVisible: () => sitesLayer.layer.getVisible(),
});
