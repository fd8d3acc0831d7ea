// The aircraft table: one row per aircraft (tr[data-icao]), sortable by any column header,
// filtered by the text box (callsign, ICAO address or squawk), emergencies highlighted.
// Rows are kept and updated in place so selection, hover and scroll survive every picture.
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
];

function sortValue(ac, key, time) {
  if (key === 'age') return ageSeconds(ac, time);
  return ac[key];
}

/** Ascending compare with absent values always last, whatever the direction. */
function compare(a, b, dir) {
  const aAbsent = a == null || a === '' || Number.isNaN(a);
  const bAbsent = b == null || b === '' || Number.isNaN(b);
  if (aAbsent || bAbsent) return aAbsent === bAbsent ? 0 : aAbsent ? 1 : -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return dir * c;
}

export function matchesFilter(ac, text) {
  if (!text) return true;
  return ac.icao.toUpperCase().includes(text)
    || (ac.callsign ?? '').toUpperCase().includes(text)
    || (ac.squawk ?? '').includes(text);
}

export function createTable({ thead, tbody, filterInput, shownEl, onSelect, onFilterChange }) {
  const rows = new Map();
  let sortKey = 'callsign';
  let sortDir = 1;
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
    render(last.tracks, last.time, last.selected);
  });
  filterInput.addEventListener('input', () => {
    render(last.tracks, last.time, last.selected);
    onFilterChange?.();
  });
  tbody.addEventListener('click', e => {
    const tr = e.target.closest('tr[data-icao]');
    if (tr) onSelect(tr.dataset.icao);
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
      if (matchesFilter(t.ac, text)) shown.push(t.ac);
    }
    shown.sort((a, b) => compare(sortValue(a, sortKey, time), sortValue(b, sortKey, time), sortDir)
      || a.icao.localeCompare(b.icao));

    const wanted = new Set();
    shown.forEach((ac, i) => {
      wanted.add(ac.icao);
      const tr = rowFor(ac.icao);
      COLUMNS.forEach(([, fmt], c) => {
        const v = fmt(ac, time);
        const td = tr.children[c];
        if (td.textContent !== v) td.textContent = v;
      });
      tr.classList.toggle('emergency', isEmergency(ac));
      tr.classList.toggle('no-position', !hasPosition(ac));
      tr.classList.toggle('selected', ac.icao === selected);
      if (tbody.children[i] !== tr) tbody.insertBefore(tr, tbody.children[i] ?? null);
    });
    for (const [icao, tr] of rows) {
      if (!wanted.has(icao)) {
        tr.remove();
        if (!tracks.has(icao)) rows.delete(icao);
      }
    }
    shownEl.textContent = text ? `${shown.length} of ${tracks.size}` : `${shown.length}`;
    shownEl.dataset.shown = String(shown.length);
  }

  markSortHeader();
  return { render, filterText, rowFor: icao => rows.get(icao) };
}
