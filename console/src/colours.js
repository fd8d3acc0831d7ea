// Altitude colours in the style operators know from tar1090: warm near the ground, through green
// and blue, to magenta at high level. Hue stops are (altitude ft, hue degrees); between stops the
// hue is interpolated linearly. Unknown altitude is grey so it never passes for a real level.

const STOPS = [
  [0, 20], [2000, 32], [4000, 43], [6000, 54], [8000, 72], [9000, 85],
  [11000, 140], [40000, 300],
];
export const UNKNOWN_ALTITUDE = 'hsl(0, 0%, 62%)';

/** CSS colour for a barometric altitude in feet; integer hue so styles can be cached per colour. */
export function altitudeColour(altFt) {
  if (!Number.isFinite(altFt)) return UNKNOWN_ALTITUDE;
  let hue = STOPS[STOPS.length - 1][1];
  if (altFt <= STOPS[0][0]) {
    hue = STOPS[0][1];
  } else {
    for (let i = 1; i < STOPS.length; i++) {
      const [a1, h1] = STOPS[i];
      if (altFt <= a1) {
        const [a0, h0] = STOPS[i - 1];
        hue = h0 + (h1 - h0) * (altFt - a0) / (a1 - a0);
        break;
      }
    }
  }
  return `hsl(${Math.round(hue)}, 88%, 52%)`;
}
