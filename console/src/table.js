// The aircraft table: one row per aircraft (tr[data-icao]), sortable by any column header,
// filtered by the text box (callsign, ICAO address or squawk), emergencies highlighted.
// Rows are kept and updated in place so selection, hover and scroll survive every picture.
// Virtualised: only the rows in the scroll box (and a few either side) are in the DOM; two spacer
// rows stand in for the rest, so 10,000 aircraft cost some 60 rows, not 10,000.
import { ageSeconds, hasPosition, int, isEmergency, signed, track } from './format.js';

const COLUMNS = [
  ['icao', ac => ac.icao, ''],
  ['callsign', ac => ac.callsign ?? '', ''],
  ['squawk', ac => ac.squawk ?? '', ''],
  ['altitude_ft', ac => int(ac.altitude_ft), 'num'],
  ['groundspeed_kt', ac => int(ac.groundspeed_kt), 'num'],
  ['track_deg', ac => track(ac.track_deg), 'num'],
  ['vertical_rate_fpm', ac => signed(ac.vertical_rate_fpm), 'num'],
  ['messages', ac => int(ac.messages), 'num'],
  ['age', (ac, time) => { const a = ageSeconds(ac, time); return Number.isFinite(a) ? a.toFixed(0) : ''; }, 'num'],
  ['category', ac => ac.category ?? '', ''],
  // NM from the bullseye (or the map centre without one), filled in by main.js as `distance_nm`
  ['distance_nm', ac => (Number.isFinite(ac.distance_nm) ? ac.distance_nm.toFixed(0) : ''), 'num'],
  // registration and aircraft type from the filed flight plan (REG/ and item 9), filled in by main.js
  ['registration', ac => ac.registration ?? '', ''],
  ['aircraft_type', ac => ac.aircraft_type ?? '', ''],
];

/** Every column's key, in table order (the column chooser lists them). */
export const COLUMN_KEYS = COLUMNS.map(([k]) => k);

function sortValue(ac, key, time) {
  if (key === 'age') return ageSeconds(ac, time);
  return ac[key];
}

/** Ascending compare with absent values always last, whatever the direction. */
function compare(a, b, dir) {
  const aAbsent = a == null || a === '' || Number.isNaN(a);
  const bAbsent = b == null || b === '' || Number.isNaN(b);
  if (aAbsent || bAbsent) return aAbsent === bAbsent ? 0 : aAbsent ? 1 : -1;
  // plain code-point order: localeCompare costs ~100x more, too much for 10,000 rows a second
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : (a < b ? -1 : a > b ? 1 : 0);
  return dir * c;
}

export function matchesFilter(ac, text) {
  if (!text) return true;
  return ac.icao.toUpperCase().includes(text)
    || (ac.callsign ?? '').toUpperCase().includes(text)
    || (ac.squawk ?? '').includes(text);
}

/** Row height in px (style.css fixes it), and rows drawn beyond the visible ones at each end. */
export const ROW_HEIGHT = 21;
const OVERSCAN = 10;

export function createTable({ thead, tbody, filterInput, shownEl, onSelect, onFilterChange, scroller,
  columns = COLUMN_KEYS, sort = 'callsign', sortDir: dir = 1, inView = null, onSortChange = () => {} }) {
  const rows = new Map();
  const topSpacer = document.createElement('tr');
  topSpacer.className = 'spacer';
  const bottomSpacer = document.createElement('tr');
  bottomSpacer.className = 'spacer';
  let order = []; // the shown aircraft in table order, for scrolling and keyboard use
  let sortKey = COLUMN_KEYS.includes(sort) ? sort : 'callsign';
  let sortDir = dir < 0 ? -1 : 1;
  // the columns the operator chose: the others hidden by a class on the table per column (style.css;
  // no style element: the page's content security policy allows no inline styles)
  let shownColumns = [];
  function setColumns(list) {
    shownColumns = COLUMN_KEYS.filter(k => list.includes(k));
    if (shownColumns.length === 0) shownColumns = ['icao'];
    for (const k of COLUMN_KEYS) thead.parentElement.classList.toggle(`hide-${k}`, !shownColumns.includes(k));
  }
  setColumns(columns);
  let inViewOnly = null; // (ac) => boolean, or null: every aircraft
  let multi = new Set(); // further selected rows (multi-select), beside the selected one
  let last = { tracks: new Map(), time: NaN, selected: null };

  function markSortHeader() {
    for (const th of thead.querySelectorAll('th[data-sort]')) {
      if (th.dataset.sort === sortKey) th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  }

  thead.addEventListener('click', e => {
    const th = e.target.closest('th[data-sort]');
    if (!th) return;
    if (th.dataset.sort === sortKey) sortDir = -sortDir;
    else { sortKey = th.dataset.sort; sortDir = 1; }
    markSortHeader();
    onSortChange(sortKey, sortDir);
    render(last.tracks, last.time, last.selected);
  });
  inViewOnly = inView;
  filterInput.addEventListener('input', () => {
    render(last.tracks, last.time, last.selected);
    onFilterChange?.();
  });
  tbody.addEventListener('click', e => {
    const tr = e.target.closest('tr[data-icao]');
    if (tr) onSelect(tr.dataset.icao, e); // the event: Ctrl/Shift-click adds to the selection (multi-select)
  });

  function rowFor(icao) {
    let tr = rows.get(icao);
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.icao = icao;
      for (const [key, , cls] of COLUMNS) {
        const td = document.createElement('td');
        td.dataset.col = key;
        if (cls) td.className = cls;
        tr.appendChild(td);
      }
      rows.set(icao, tr);
    }
    return tr;
  }

  function filterText() {
    return filterInput.value.trim().toUpperCase();
  }

  function render(tracks, time, selected) {
    last = { tracks, time, selected };
    const text = filterText();
    const shown = [];
    for (const t of tracks.values()) {
      if (matchesFilter(t.ac, text) && (!inViewOnly || inViewOnly(t))) shown.push(t.ac);
    }
    // each row's sort value once, not once per comparison (10,000 rows: ~140,000 comparisons a picture)
    const keyed = shown.map(ac => ({ v: sortValue(ac, sortKey, time), ac }));
    keyed.sort((a, b) => compare(a.v, b.v, sortDir) || (a.ac.icao < b.ac.icao ? -1 : a.ac.icao > b.ac.icao ? 1 : 0));
    for (let i = 0; i < keyed.length; i++) shown[i] = keyed[i].ac;

    order = shown;
    // the slice in the scroll box; everything when there is no scroll box (or it is not laid out)
    let first = 0;
    let end = shown.length;
    if (scroller && scroller.clientHeight > 0) {
      const visible = Math.ceil(scroller.clientHeight / ROW_HEIGHT);
      first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
      end = Math.min(shown.length, first + visible + 2 * OVERSCAN);
    }
    topSpacer.style.height = `${first * ROW_HEIGHT}px`;
    bottomSpacer.style.height = `${(shown.length - end) * ROW_HEIGHT}px`;
    if (tbody.firstChild !== topSpacer) tbody.insertBefore(topSpacer, tbody.firstChild);
    const wanted = new Set();
    shown.slice(first, end).forEach((ac, j) => {
      const i = j + 1; // after the top spacer
      wanted.add(ac.icao);
      const tr = rowFor(ac.icao);
      COLUMNS.forEach(([, fmt], c) => {
        const v = fmt(ac, time);
        const td = tr.children[c];
        if (td.textContent !== v) td.textContent = v;
      });
      tr.classList.toggle('emergency', isEmergency(ac));
      tr.classList.toggle('no-position', !hasPosition(ac));
      tr.classList.toggle('selected', ac.icao === selected || multi.has(ac.icao));
      if (tbody.children[i] !== tr) tbody.insertBefore(tr, tbody.children[i] ?? null);
    });
    for (const [icao, tr] of rows) {
      if (!wanted.has(icao)) {
        tr.remove();
        rows.delete(icao); // rebuilt when scrolled back into view
      }
    }
    if (tbody.lastChild !== bottomSpacer) tbody.appendChild(bottomSpacer);
    shownEl.textContent = text ? `${shown.length} of ${tracks.size}` : `${shown.length}`;
    shownEl.dataset.shown = String(shown.length);
  }

  let scrollQueued = false;
  scroller?.addEventListener('scroll', () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => { scrollQueued = false; render(last.tracks, last.time, last.selected); });
  });

  /** Scrolls the row of `icao` into the scroll box (it may not be in the DOM yet). */
  function scrollTo(icao) {
    const i = order.findIndex(ac => ac.icao === icao);
    if (i < 0 || !scroller) return;
    const top = i * ROW_HEIGHT;
    if (top < scroller.scrollTop || top > scroller.scrollTop + scroller.clientHeight - 2 * ROW_HEIGHT) {
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 2);
    }
  }

  markSortHeader();
  return { render, filterText, scrollTo, rowFor: icao => rows.get(icao), setColumns, columns: () => shownColumns.slice(),
    /** Only the aircraft the predicate passes (null: all), e.g. those in the map's view. */
    setInView: fn => { inViewOnly = fn; render(last.tracks, last.time, last.selected); },
    sort: () => ({ key: sortKey, dir: sortDir }),
    /** The further selected aircraft (multi-select), highlighted like the selected one. */
    setMulti: set => { multi = set ?? new Set(); },
    rerender: () => render(last.tracks, last.time, last.selected) };
}
