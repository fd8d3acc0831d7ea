// Map styles for aircraft and trails. Two symbologies:
//  - "glyph": an aircraft silhouette rotated to the track and coloured by altitude (tar1090 habit);
//  - "app6":  the MIL-STD-2525C / APP-6 air-track frame (unknown affiliation until identified),
//             with the standard direction-of-movement line instead of rotating the frame.
// Styles are cached by (symbology, colour, track bucket, selected, emergency) so that a picture of
// hundreds of aircraft redrawn every second creates almost no new objects.
import { Circle, Fill, Icon, Stroke, Style, Text } from 'ol/style.js';
import ms from 'milsymbol';
import { altitudeColour } from './colours.js';
import { displayName, flightLevel, isEmergency } from './format.js';
import { STALE_COLOUR, staleAircraft } from './health.js';
import { IDENTITIES } from './systemtracks.js';

/** Air track, unknown affiliation, present (2525C letter SIDC). */
export const AIR_TRACK_SIDC = 'SUAP-----------';
const TRACK_BUCKET_DEG = 3;
const MAX_CACHED_STYLES = 4000;
const cache = new Map();

// Own drawing: a swept-wing jet pointing north in a 32 x 32 box.
const GLYPH_PATH = 'M16 1.5 C17.2 1.5 17.8 3 17.8 5 L17.8 12 L30 19.2 L30 21.8 L17.8 18 L17.8 25.5 '
  + 'L21.5 28.5 L21.5 30.5 L16 29 L10.5 30.5 L10.5 28.5 L14.2 25.5 L14.2 18 L2 21.8 L2 19.2 L14.2 12 '
  + 'L14.2 5 C14.2 3 14.8 1.5 16 1.5 Z';

function glyphSrc(colour) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">`
    + `<path d="${GLYPH_PATH}" fill="${colour}" stroke="#000" stroke-width="1.2" stroke-linejoin="round"/></svg>`;
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

const SELECTED_RING = new Style({
  image: new Circle({ radius: 17, stroke: new Stroke({ color: '#4fb3ff', width: 2.5 }) }),
  zIndex: 1,
});
const EMERGENCY_RING = new Style({
  image: new Circle({ radius: 14, fill: new Fill({ color: 'rgba(255,59,59,0.25)' }),
    stroke: new Stroke({ color: '#ff3b3b', width: 2.5 }) }),
  zIndex: 1,
});

function symbolStyle(symbology, colour, trackDeg) {
  const hasTrack = Number.isFinite(trackDeg);
  const bucket = hasTrack ? (Math.round(trackDeg / TRACK_BUCKET_DEG) * TRACK_BUCKET_DEG) % 360 : -1;
  const key = `${symbology}|${colour}|${bucket}`;
  let style = cache.get(key);
  if (style) return style;
  if (cache.size > MAX_CACHED_STYLES) cache.clear();
  let image;
  if (symbology === 'app6') {
    // 'id:F' and the like: the frame and fill of that standard identity (milsymbol's own colours,
    // pale, never an altitude colour); any other colour (stale grey) fills an unknown frame
    const letter = colour.startsWith('id:') ? colour.slice(3) : 'U';
    const opts = { size: 18, fillOpacity: 0.9, outlineWidth: 2, outlineColor: '#000' };
    if (!colour.startsWith('id:')) opts.fillColor = colour;
    if (hasTrack) opts.direction = bucket;
    const sym = new ms.Symbol(`S${letter}AP-----------`, opts);
    const anchor = sym.getAnchor();
    image = new Icon({
      img: sym.asCanvas(),
      anchor: [anchor.x, anchor.y],
      anchorXUnits: 'pixels',
      anchorYUnits: 'pixels',
    });
  } else {
    image = new Icon({
      src: glyphSrc(colour),
      width: 26,
      height: 26,
      rotation: hasTrack ? bucket * Math.PI / 180 : 0,
      rotateWithView: true,
    });
  }
  style = new Style({ image, zIndex: 2 });
  cache.set(key, style);
  return style;
}

/**
 * Style function input: the aircraft feature carries its latest view in property "ac".
 * Returns an array of styles: rings (emergency, selection), the symbol and the label.
 */
export function aircraftStyles(ac, { symbology, selected, labels }) {
  const styles = [];
  if (isEmergency(ac)) styles.push(EMERGENCY_RING);
  if (selected) styles.push(SELECTED_RING);
  // a position older than STALE_S against the picture's clock is drawn faded (docs/HEALTH.md)
  // one symbol set at a time: glyphs coloured by altitude, or APP-6 frames by identity (the system track's)
  const colour = staleAircraft(ac) ? STALE_COLOUR
    : symbology === 'app6' ? `id:${IDENTITIES[ac.identity]?.letter ?? 'U'}` : altitudeColour(ac.altitude_ft);
  styles.push(symbolStyle(symbology, colour, ac.track_deg));
  if (labels) {
    const fl = flightLevel(ac.altitude_ft);
    styles.push(new Style({
      text: new Text({
        text: fl ? `${displayName(ac)}\n${fl}` : displayName(ac),
        font: '600 11px system-ui, "DejaVu Sans", sans-serif',
        textAlign: 'left',
        offsetX: 16,
        offsetY: -2,
        fill: new Fill({ color: isEmergency(ac) ? '#ff8080' : '#eef3f8' }),
        stroke: new Stroke({ color: '#0b1218', width: 3 }),
      }),
      zIndex: 3,
    }));
  }
  return styles;
}

const trailStyles = new Map();
/** Trail line in the aircraft's current altitude colour, a little transparent. */
export function trailStyle(altFt) {
  const colour = altitudeColour(altFt);
  let s = trailStyles.get(colour);
  if (!s) {
    s = new Style({ stroke: new Stroke({ color: colour, width: 2, lineCap: 'round', lineJoin: 'round' }) });
    trailStyles.set(colour, s);
  }
  return s;
}

/** A standalone APP-6 symbol for the details panel, as an <img>. */
export function symbolImage(ac) {
  const opts = { size: 26, fillColor: altitudeColour(ac.altitude_ft) };
  if (Number.isFinite(ac.track_deg)) opts.direction = ac.track_deg;
  const img = document.createElement('img');
  img.src = new ms.Symbol(AIR_TRACK_SIDC, opts).toDataURL();
  img.alt = 'air track symbol';
  return img;
}
