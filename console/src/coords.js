// Coordinates as operators read them: degrees-minutes-seconds and MGRS (the `mgrs` package), beside
// decimal degrees; and the great-circle range and bearing between two points (range-and-bearing
// tool, bullseye calls). Which format the cursor readout uses is a setting (prefs.js).
import { forward as toMgrs } from 'mgrs';

const R_NM = 6371008.8 / 1852; // mean Earth radius in nautical miles

/** 43°36'12.3"N from 43.60342 (lat) or 031°48'00.0"E (lon). */
export function dms(deg, isLat) {
  if (!Number.isFinite(deg)) return '';
  const hemi = isLat ? (deg < 0 ? 'S' : 'N') : (deg < 0 ? 'W' : 'E');
  let s = Math.round(Math.abs(deg) * 36000) / 10; // tenths of a second
  const d = Math.floor(s / 3600);
  s -= d * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${String(d).padStart(isLat ? 2 : 3, '0')}°${String(m).padStart(2, '0')}'${s.toFixed(1).padStart(4, '0')}"${hemi}`;
}

/** "43°36'12.3"N 031°48'00.0"E". */
export function dmsPosition(lat, lon) {
  return Number.isFinite(lat) && Number.isFinite(lon) ? `${dms(lat, true)} ${dms(lon, false)}` : '';
}

/** MGRS to 1 m ("36T VK 12345 67890"), or '' where MGRS is not defined (polar caps). */
export function mgrsPosition(lat, lon) {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < -80 || lat > 84) return '';
  try {
    const m = toMgrs([lon, lat], 5);
    return m.replace(/^(\d{1,2}[A-Z])([A-Z]{2})(\d{5})(\d{5})$/, '$1 $2 $3 $4');
  } catch (e) {
    return '';
  }
}

/** The position in one of the formats: 'dd' (decimal degrees), 'dms' or 'mgrs'. */
export function formatPosition(lat, lon, format) {
  if (format === 'dms') return dmsPosition(lat, lon);
  if (format === 'mgrs') return mgrsPosition(lat, lon);
  return Number.isFinite(lat) && Number.isFinite(lon) ? `${lat.toFixed(5)} ${lon.toFixed(5)}` : '';
}

const rad = d => (d * Math.PI) / 180;

/** Great-circle range (NM) and initial true bearing (degrees [0, 360)) from a to b ([lon, lat] each). */
export function rangeBearing(a, b) {
  const [l1, p1] = [rad(a[0]), rad(a[1])];
  const [l2, p2] = [rad(b[0]), rad(b[1])];
  const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin((l2 - l1) / 2) ** 2;
  const range = 2 * R_NM * Math.asin(Math.min(1, Math.sqrt(h)));
  const y = Math.sin(l2 - l1) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(l2 - l1);
  const bearing = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return { range, bearing };
}

/** "047° 112.4 NM" (bearing rounded to the degree, range to 0.1 NM). */
export function rangeBearingText({ range, bearing }) {
  return `${String(Math.round(bearing) % 360).padStart(3, '0')}° ${range.toFixed(1)} NM`;
}

/** The point `rangeNm` from [lon, lat] on true bearing `deg` (for range rings drawn as circles on the sphere). */
export function destination(from, deg, rangeNm) {
  const d = rangeNm / R_NM;
  const b = rad(deg);
  const [l1, p1] = [rad(from[0]), rad(from[1])];
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [((((l2 * 180) / Math.PI) + 540) % 360) - 180, (p2 * 180) / Math.PI];
}
