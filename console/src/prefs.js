// tar1090 habits: settings kept between reloads (localStorage "vigil.settings"), URL parameters that
// override them for one page (a link to a view), and keyboard shortcuts.
//
// URL parameters: icao=4CA2D1 (select it; T12 for a system track), lat=, lon=, zoom=, filter=,
// sort=<column> (e.g. altitude_ft; -altitude_ft for descending), symbols=glyph|app6,
// coords=dd|dms|mgrs, columns=icao,callsign,..., inview=1, kiosk=1 (map only: no side panel, no controls).

export const SETTINGS_KEY = 'vigil.settings';

export const DEFAULTS = Object.freeze({
  symbology: 'glyph', labels: true, trails: true, plots: true, tracks: true, firs: true, sites: true,
  coords: 'dd', ringsNm: 50, inView: false, dim: false,
  columns: ['icao', 'callsign', 'squawk', 'altitude_ft', 'groundspeed_kt', 'track_deg', 'vertical_rate_fpm', 'messages', 'age'],
  sort: 'callsign', sortDir: 1,
});

/** Settings: the defaults, what this browser kept, then the URL's parameters; plus the URL-only ones. */
export function loadSettings(storage, search) {
  let kept = {};
  try { kept = JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}') ?? {}; } catch (e) { kept = {}; }
  const s = { ...DEFAULTS, ...kept };
  const q = new URLSearchParams(search);
  const url = {};
  if (q.has('symbols') && ['glyph', 'app6'].includes(q.get('symbols'))) s.symbology = q.get('symbols');
  if (q.has('coords') && ['dd', 'dms', 'mgrs'].includes(q.get('coords'))) s.coords = q.get('coords');
  if (q.has('columns')) s.columns = q.get('columns').split(',').filter(Boolean);
  if (q.has('inview')) s.inView = q.get('inview') !== '0';
  if (q.has('sort')) {
    const v = q.get('sort');
    s.sort = v.replace(/^-/, '');
    s.sortDir = v.startsWith('-') ? -1 : 1;
  }
  for (const k of ['lat', 'lon', 'zoom']) {
    const v = Number(q.get(k));
    if (q.has(k) && Number.isFinite(v)) url[k] = v;
  }
  if (q.has('icao')) url.icao = q.get('icao').trim().toUpperCase();
  if (q.has('filter')) url.filter = q.get('filter');
  url.kiosk = q.has('kiosk') && q.get('kiosk') !== '0';
  return { settings: s, url };
}

/** Keeps the settings for the next visit (URL-only parameters are not kept). */
export function saveSettings(storage, settings) {
  try { storage.setItem(SETTINGS_KEY, JSON.stringify(settings)); } catch (e) { /* private mode: this visit only */ }
}

/** Keyboard shortcuts, as shown in the help (the "?" key). */
export const SHORTCUTS = [
  ['+ / -', 'zoom in / out'],
  ['arrows', 'pan the map'],
  ['Esc', 'clear the selection, end a tool'],
  ['/', 'filter'],
  ['L', 'labels on/off'],
  ['T', 'trails on/off'],
  ['P', 'radar plots on/off'],
  ['S', 'symbol set: aircraft glyphs by altitude / APP-6 by identity'],
  ['C', 'coordinates: degrees / DMS / MGRS'],
  ['R', 'range and bearing: click start, click end'],
  ['B', 'bullseye: click to set (Shift+B clears)'],
  ['D', 'dim the map'],
  ['V', 'table: only what is in view'],
  ['M', 'multi-select on/off: clicks add to the selection (or Ctrl/Shift-click)'],
  ['?', 'this help'],
];

/**
 * Binds the shortcuts to `actions` (name -> function); keys typed into a field are left alone.
 * Returns the handler (for removal in tests).
 */
export function bindShortcuts(doc, actions) {
  const handler = e => {
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA') && e.key !== 'Escape') return;
    const k = e.key;
    const map = { '+': 'zoomIn', '=': 'zoomIn', '-': 'zoomOut', ArrowUp: 'panUp', ArrowDown: 'panDown',
      ArrowLeft: 'panLeft', ArrowRight: 'panRight', Escape: 'escape', '/': 'filter', l: 'labels', t: 'trails',
      p: 'plots', s: 'symbols', c: 'coords', r: 'rangeBearing', b: 'bullseye', B: 'clearBullseye', d: 'dim',
      v: 'inView', m: 'multiSelect', '?': 'help' };
    const name = map[k] ?? map[k.toLowerCase?.() ?? k];
    const fn = name && actions[name];
    if (!fn) return;
    e.preventDefault();
    fn();
  };
  doc.addEventListener('keydown', handler);
  return handler;
}
