// Display formatting shared by the table, the details panel and the map labels.
// Absent values (the server omits them) always show as an empty cell, never as 0.

export const EMERGENCY_SQUAWKS = new Set(['7500', '7600', '7700']);

/** Emergency when the squawk is 7500/7600/7700 or the aircraft reports an emergency state. */
export function isEmergency(ac) {
  return EMERGENCY_SQUAWKS.has(ac.squawk) || (ac.emergency != null && ac.emergency !== 'none');
}

export function hasPosition(ac) {
  return Number.isFinite(ac.lat) && Number.isFinite(ac.lon);
}

/** "FL350" at and above 1000 ft, plain feet below (approach traffic), "" when unknown. */
export function flightLevel(altFt) {
  if (!Number.isFinite(altFt)) return '';
  if (altFt < 1000) return `${Math.round(altFt)} ft`;
  return 'FL' + String(Math.round(altFt / 100)).padStart(3, '0');
}

export function int(v) {
  return Number.isFinite(v) ? String(Math.round(v)) : '';
}

export function signed(v) {
  if (!Number.isFinite(v)) return '';
  const r = Math.round(v);
  return r > 0 ? `+${r}` : String(r);
}

export function track(v) {
  return Number.isFinite(v) ? String(Math.round(v) % 360).padStart(3, '0') : '';
}

/** Seconds between the picture time and the last message; both are epoch ms from the server. */
export function ageSeconds(ac, pictureTime) {
  return Number.isFinite(ac.last_seen) && Number.isFinite(pictureTime)
    ? Math.max(0, (pictureTime - ac.last_seen) / 1000) : NaN;
}

export function utcTime(epochMs) {
  if (!Number.isFinite(epochMs)) return '--:--:--Z';
  return new Date(epochMs).toISOString().substring(11, 19) + 'Z';
}

/** The label the operator knows the aircraft by: callsign when there is one, else the ICAO address. */
export function displayName(ac) {
  return ac.callsign || ac.icao;
}

/**
 * Every field the server sends, in the order the details panel shows them. Fields the server
 * adds later and this list does not know still appear (after these), so nothing is hidden.
 */
export const DETAIL_FIELDS = [
  ['icao', 'ICAO address', v => v],
  ['callsign', 'Callsign', v => v],
  ['squawk', 'Squawk', v => v],
  ['emergency', 'Emergency', v => v],
  ['category', 'Category', v => v],
  ['altitude_ft', 'Altitude (baro)', v => `${int(v)} ft (${flightLevel(v)})`],
  ['gnss_altitude_ft', 'Altitude (GNSS)', v => `${int(v)} ft`],
  ['groundspeed_kt', 'Ground speed', v => `${int(v)} kt`],
  ['track_deg', 'Track', v => `${track(v)}°`],
  ['vertical_rate_fpm', 'Vertical rate', v => `${signed(v)} ft/min`],
  ['lat', 'Latitude', v => v.toFixed(5)],
  ['lon', 'Longitude', v => v.toFixed(5)],
  ['position_dms', 'Position (DMS)', v => v],
  ['position_mgrs', 'MGRS', v => v],
  ['position_age_s', 'Position age', v => `${v.toFixed(1)} s`],
  ['version', 'ADS-B version', v => String(v)],
  ['nac_p', 'NACp', v => String(v)],
  ['sil', 'SIL', v => String(v)],
  ['messages', 'Messages', v => String(v)],
  ['last_seen', 'Last seen', v => new Date(v).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')],
  ['trail', 'Trail points', v => String(v.length)],
  // the system track this aircraft is, or a track with no aircraft view (primary only)
  ['track_number', 'System track', v => `T${v}`],
  ['status', 'Track status', v => v],
  ['identity', 'Identity', v => v],
  ['sensors', 'Sources', v => v.join(', ')],
  ['primary_only', 'Primary only', v => (v ? 'yes (no transponder)' : 'no')],
  ['disagreement', 'ADS-B / radar', v => (v ? 'DISAGREE (possible spoofing)' : 'agree')],
];
