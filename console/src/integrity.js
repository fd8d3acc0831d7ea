// Integrity badges in the top bar: damage to the stored data (from /api/health, for everyone) and,
// for admins, whether the audit trail verifies (GET /api/audit/verification). Hidden while all is well,
// except the admin's "audit intact", so an admin sees that the check runs.
export function initIntegrity(storageEl, auditEl) {
  const show = (el, state, text, title) => {
    el.hidden = false;
    el.dataset.state = state;
    el.textContent = text;
    el.title = title;
  };
  const pollHealth = async () => {
    try {
      const r = await fetch('api/health', { credentials: 'same-origin' });
      if (!r.ok) return;
      const h = await r.json();
      const damage = Array.isArray(h.storage_damage) ? h.storage_damage : [];
      if (damage.length) show(storageEl, 'bad', `storage damage (${damage.length})`, damage.join('\n'));
      else storageEl.hidden = true;
    } catch { /* offline: the connection badge says so */ }
  };
  const pollAudit = async () => {
    try {
      const r = await fetch('api/audit/verification', { credentials: 'same-origin' });
      if (!r.ok) return;
      const v = await r.json();
      if (v.state === 'broken') {
        const p = v.startup?.state === 'broken' ? v.startup : v;
        show(auditEl, 'bad', `audit broken at row ${p.first_bad_seq ?? '?'}`, p.problem ?? 'see vigil audit verify');
      } else {
        show(auditEl, v.state === 'intact' ? 'ok' : 'warn', `audit ${v.state}`,
          `${v.rows} rows checked${v.keyed ? ', keyed chain' : ', no audit key'}`);
      }
    } catch { /* offline */ }
  };
  pollHealth();
  setInterval(pollHealth, 30_000);
  fetch('api/me', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : null))
    .then(me => {
      if (me?.role !== 'admin') return;
      pollAudit();
      setInterval(pollAudit, 60_000);
    })
    .catch(() => {});
}
