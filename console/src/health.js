// Picture health (docs/HEALTH.md): a banner naming the degraded feeds and radars, or saying that the
// input has ended, from /api/health; and the rule for drawing stale objects faded.

/** Older than this, an aircraft's position or a track's last update is drawn faded, seconds. */
export const STALE_S = 10;
export const STALE_COLOUR = '#7a8590';

/** Whether an aircraft view's position is stale (its age is measured against the picture's clock). */
export function staleAircraft(ac) {
  return Number.isFinite(ac.position_age_s) && ac.position_age_s > STALE_S;
}

/** Whether a system track view is stale: coasting long, or depending on a lost sensor. */
export function staleTrack(t) {
  return t.sensor_lost === true || (Number.isFinite(t.coasting_s) && t.coasting_s > STALE_S);
}

/** Polls /api/health and shows a banner over the map when sensors are degraded or the input ended. */
export function initHealthBanner(container, periodMs = 5000) {
  const banner = document.createElement('div');
  banner.id = 'health-banner';
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  container.appendChild(banner);
  const show = h => {
    const lines = [];
    if (h.input === 'ended') lines.push(`Input ended: the picture is frozen at ${h.clock || 'its last data'}`);
    if (h.status === 'degraded' && Array.isArray(h.degraded)) lines.push(`Degraded: ${h.degraded.join('; ')}`);
    banner.textContent = lines.join(' — ');
    banner.hidden = lines.length === 0;
    banner.dataset.kind = h.input === 'ended' ? 'ended' : 'degraded';
  };
  const poll = () => fetch('api/health', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(h => { if (h) show(h); })
    .catch(() => { /* offline: the feed indicator says so */ });
  poll();
  return setInterval(poll, periodMs);
}
