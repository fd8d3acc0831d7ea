// GNSS interference heat map (docs/GNSS.md): the cells of GET api/interference (GeoJSON, one square per
// cell of the equal-area grid, with the aircraft seen there in the last minute and how many had their
// ADS-B integrity dropped, their position lost or implausible). A cell that is part of an interference
// area is red (spoofing: magenta), its opacity its confidence; a cell with some affected aircraft but
// no area yellow; a clean cell with aircraft a faint green, so "no traffic" and "clean" differ.
// A legend in the map's corner toggles the layer. Refreshed every 5 s.
// Time slider: GET api/interference/history keeps one picture a minute (a day); dragging the slider
// shows the affected cells of that minute (a replay's or a live day's), its right end follows the
// present again. integrityRows() gives the details panel one aircraft's GNSS integrity (NIC, NACp,
// SIL, status, interference area) from GET api/interference/aircraft/{icao}.
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
  // operator alerts on the areas themselves (GET api/interference/alerts): an area over national
  // airspace or a QRA route, whether or not a track is in it; shown on top of the legend in red
  const alerts = document.createElement('div');
  alerts.className = 'vigil-interference-alerts';
  alerts.setAttribute('role', 'alert');
  alerts.style.cssText = 'color:#ff6b6b;font-weight:bold;max-width:26em';
  legend.prepend(alerts);
  // the time slider: index into the kept minutes; the last position (times.length) is "now"
  const history = document.createElement('div');
  history.className = 'vigil-interference-history';
  history.hidden = true;
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = '0';
  slider.step = '1';
  slider.style.cssText = 'width:14em;vertical-align:middle';
  slider.setAttribute('aria-label', 'GNSS interference history');
  const when = document.createElement('span');
  when.className = 'vigil-interference-when';
  history.append(slider, ' ', when);
  legend.append(history);
  let times = [];
  let following = true;
  (map.getTargetElement()?.parentElement ?? document.body).append(legend);

  const draw = json => {
    source.clear();
    source.addFeatures(format.readFeatures(json));
  };
  const loadTimes = () => fetch('api/interference/history', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(json => {
      if (!json || !Array.isArray(json.times)) return;
      times = json.times;
      history.hidden = times.length < 2;
      slider.max = String(times.length);
      if (following) {
        slider.value = slider.max;
        when.textContent = 'now';
      }
    })
    .catch(() => {});
  slider.addEventListener('input', () => {
    const i = Number(slider.value);
    following = i >= times.length;
    if (following) {
      when.textContent = 'now';
      refresh();
      return;
    }
    const at = times[i];
    when.textContent = at.slice(0, 16).replace('T', ' ') + 'Z';
    fetch('api/interference/history?at=' + encodeURIComponent(at), { credentials: 'same-origin' })
      .then(r => (r.ok ? r.json() : null))
      .then(json => {
        if (!json || following || times[Number(slider.value)] !== at) return;
        draw(json);
        const areas = new Set(json.features.filter(f => f.properties.open).map(f => f.properties.area)).size;
        status.textContent = `${areas} area${areas === 1 ? '' : 's'} at ${at.slice(11, 16)}Z (history)`;
      })
      .catch(() => {});
  });

  const refresh = () => fetch('api/interference', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(json => {
      if (!json) return;
      latest = json;
      if (!following) return; // the slider shows a past minute
      draw(json);
      source.addFeatures(format.readFeatures(json));
      const affected = Object.keys(json.aircraft ?? {}).length;
      const areas = new Set(json.features.filter(f => f.properties.open).map(f => f.properties.area)).size;
      status.textContent = `${areas} area${areas === 1 ? '' : 's'}, ${affected} aircraft affected${json.time ? ' · ' + json.time.slice(11, 19) + 'Z' : ''}`;
    })
    .catch(() => { /* offline: keep what is drawn */ });
  const km2 = v => Math.round(v ?? 0).toLocaleString('en-GB');
  const refreshAlerts = () => fetch('api/interference/alerts', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(json => {
      if (!json) return;
      alerts.replaceChildren(...(json.alerts ?? []).map(a => {
        const line = document.createElement('div');
        line.className = 'vigil-interference-alert';
        const over = [];
        if (a.states?.length) over.push(`${a.states.join(', ')} airspace (${km2(a.national_km2)} km²)`);
        if (a.routes?.length) over.push(`QRA ${a.routes.join(', ')} (${km2(a.route_km2)} km²)`);
        line.textContent = `⚠ GNSS ${a.kind} area ${a.area} over ${over.join(' and ')} · ${a.affected}/${a.aircraft} aircraft affected`
          + (a.raised ? ` · since ${a.raised.slice(11, 16)}Z` : '');
        return line;
      }));
    })
    .catch(() => { /* offline: keep what is shown */ });
  refresh();
  loadTimes();
  refreshAlerts();
  setInterval(() => { refresh(); loadTimes(); refreshAlerts(); }, periodMs);
  return layer;
}

let latest = null;
const integrity = new Map(); // icao -> { at: ms fetched, json }

const STATUS_TEXT = {
  clean: 'integrity good',
  degraded: 'integrity dropped (NIC/NACp below thresholds)',
  'position-lost': 'position lost, velocity continues',
  spoofed: 'implausible positions (spoofing)',
};

/**
 * The details panel's GNSS integrity section for aircraft `ac`: rows made with `row(key, label, text)`.
 * Asks the server again at most every 2 s per aircraft; until the first answer, nothing.
 */
export function integrityRows(ac, row) {
  if (!ac?.icao) return [];
  const known = integrity.get(ac.icao);
  const now = Date.now();
  if (!known || (now - known.at > 2000 && !known.pending)) {
    const entry = known ?? { at: 0, json: null };
    entry.pending = true;
    integrity.set(ac.icao, entry);
    fetch('api/interference/aircraft/' + encodeURIComponent(ac.icao), { credentials: 'same-origin' })
      .then(r => (r.ok ? r.json() : null))
      .then(json => { entry.json = json; })
      .catch(() => {})
      .finally(() => { entry.at = Date.now(); entry.pending = false; });
  }
  const j = known?.json;
  if (!j) return [];
  const parts = [];
  if (j.nic != null) parts.push(`NIC ${j.nic}`);
  if (j.nac_p != null || ac.nac_p != null) parts.push(`NACp ${j.nac_p ?? ac.nac_p}`);
  if (ac.sil != null) parts.push(`SIL ${ac.sil}`);
  let area = 'not in an affected area';
  if (j.in_area) {
    const cells = (latest?.features ?? []).filter(f => f.properties.area === j.area);
    const spoofed = cells.reduce((n, f) => n + f.properties.spoofed, 0);
    const affected = cells.reduce((n, f) => n + f.properties.affected, 0);
    area = `in ${spoofed >= 2 && spoofed * 2 >= affected ? 'spoofing' : 'jamming'} area ${j.area}`;
  }
  return [
    ...row('gnss_integrity', 'GNSS integrity', parts.length ? parts.join(' · ') : 'not reported'),
    ...row('gnss_status', 'GNSS', `${STATUS_TEXT[j.status] ?? j.status}; ${area}`),
  ];
}
