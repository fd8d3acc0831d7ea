// The details panel (#details): every field the server sends about the selected aircraft.
import { DETAIL_FIELDS, ageSeconds, displayName, isEmergency } from './format.js';
import { symbolImage } from './symbols.js';
import { integrityRows } from './interference.js';

const KNOWN = new Set(DETAIL_FIELDS.map(([k]) => k));

export function createDetails({ panel, title, symbol, fields, closeButton, onClose }) {
  closeButton.addEventListener('click', () => onClose());
  let symbolKey = '';

  function row(key, label, text) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.dataset.field = key;
    dd.textContent = text;
    return [dt, dd];
  }

  /** Shows `ac` (null hides the panel); `lost` marks an aircraft that left the picture. */
  function show(ac, pictureTime, lost = false) {
    if (!ac) {
      panel.hidden = true;
      panel.dataset.icao = '';
      symbolKey = '';
      return;
    }
    panel.hidden = false;
    panel.dataset.icao = ac.icao;
    panel.classList.toggle('emergency', isEmergency(ac));
    panel.classList.toggle('lost', lost);
    title.textContent = displayName(ac) + (ac.callsign ? `  ${ac.icao}` : '') + (lost ? ' (lost)' : '');
    const key = `${ac.icao}|${ac.altitude_ft}|${Math.round(ac.track_deg ?? -1)}`;
    if (key !== symbolKey) {
      symbol.replaceChildren(symbolImage(ac));
      symbolKey = key;
    }
    const nodes = [];
    for (const [k, label, fmt] of DETAIL_FIELDS) {
      const v = ac[k];
      if (v == null) continue;
      nodes.push(...row(k, label, fmt(v)));
    }
    const age = ageSeconds(ac, pictureTime);
    if (Number.isFinite(age)) nodes.push(...row('age', 'Age', `${age.toFixed(1)} s`));
    // Fields added on the server after this console was written still show, raw.
    for (const [k, v] of Object.entries(ac)) {
      if (!KNOWN.has(k) && v != null) nodes.push(...row(k, k, typeof v === 'object' ? JSON.stringify(v) : String(v)));
    }
    nodes.push(...integrityRows(ac, row)); // GNSS integrity section (docs/GNSS.md "Console")
    fields.replaceChildren(...nodes);
  }

  return { show };
}
