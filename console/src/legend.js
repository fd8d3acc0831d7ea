// The map legend (bottom right): for the glyph set the altitude colour scale (as tar1090's), for the
// APP-6 set the standard identities; both with the system-track marks that have no aircraft view.
import { altitudeColour, UNKNOWN_ALTITUDE } from './colours.js';
import { IDENTITIES, TRACK_COLOURS } from './systemtracks.js';
import { STALE_COLOUR } from './health.js';

const ALTITUDES = [0, 2000, 4000, 6000, 8000, 10000, 20000, 30000, 40000];

function swatch(colour, text, shape = 'dot') {
  const li = document.createElement('li');
  const s = document.createElement('span');
  s.className = `swatch ${shape}`;
  s.style.setProperty('--c', colour);
  li.append(s, document.createTextNode(text));
  return li;
}

/** Draws the legend for `symbology` ('glyph' or 'app6') into `el`. */
export function renderLegend(el, symbology) {
  el.dataset.symbology = symbology;
  const list = document.createElement('ul');
  if (symbology === 'app6') {
    const seen = new Set();
    for (const [name, id] of Object.entries(IDENTITIES)) {
      const key = id.colour;
      const same = Object.entries(IDENTITIES).filter(([, x]) => x.colour === key).map(([n]) => n);
      if (seen.has(key)) continue;
      seen.add(key);
      list.append(swatch(id.colour, same.join(' / ') || name, 'frame'));
    }
  } else {
    const bar = document.createElement('li');
    bar.className = 'altitude-scale';
    for (const a of ALTITUDES) {
      const cell = document.createElement('span');
      cell.style.background = altitudeColour(a);
      cell.textContent = a >= 10000 ? `${a / 1000}k` : String(a);
      bar.append(cell);
    }
    list.append(bar, swatch(UNKNOWN_ALTITUDE, 'altitude unknown'));
  }
  list.append(swatch(TRACK_COLOURS.primary, 'primary only (no transponder)', 'square'),
    swatch(TRACK_COLOURS.disagreement, 'ADS-B / radar disagree !', 'square'),
    swatch(STALE_COLOUR, 'stale', 'square'));
  const title = document.createElement('div');
  title.className = 'legend-title';
  title.textContent = symbology === 'app6' ? 'Identity (APP-6)' : 'Altitude, ft';
  el.replaceChildren(title, list);
}
