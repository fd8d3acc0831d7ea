// Administration in the console (supervisors and admins), on the server's existing APIs:
//  - Users (admin): list, create, change role, disable/enable (GET/POST api/users, PUT .../role, .../disabled);
//  - QRA posture (supervisor): each unit's readiness, changed from a list (PUT api/qra/detachments/{id}/readiness);
//  - What-if (supervisor): the responsiveness with some units' readiness changed, against the posture as it is
//    (POST api/qra/responsiveness with {"readiness":[...]}: nothing changes on the server);
//  - Audit (supervisor): the trail (GET api/audit), and for admins its verification state (GET api/audit/verification).
// The server enforces the same roles; a tab the role may not use is not shown.

import { el } from './dom.js';
const RANKS = { observer: 0, operator: 1, supervisor: 2, admin: 3 };
const ROLES = ['observer', 'operator', 'supervisor', 'admin'];
const READINESS = ['QRA-5', 'QRA-15', 'AIRBORNE-CAP', 'UNAVAILABLE'];


const select = (options, value, attrs = {}) =>
  el('select', attrs, ...options.map(o => { const op = el('option', { value: o }, o); if (o === value) op.selected = true; return op; }));

async function call(method, url, body) {
  const r = await fetch(url, { method, credentials: 'same-origin',
    headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const reply = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(reply.error ?? reply.title ?? `refused (${r.status})`);
  return reply;
}

const when = ms => (Number.isFinite(ms) ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

/**
 * @param o {dialog, tabs, body, errorEl, openButton}; shows openButton for supervisors and admins (GET api/me).
 */
export function createAdmin({ dialog, tabs, body, errorEl, openButton }) {
  let role = 'observer';
  let current = null;
  const error = e => { errorEl.textContent = e ? (e.message ?? String(e)) : ''; };

  const TABS = [
    ['users', 'Users', 'admin', users],
    ['posture', 'QRA posture', 'supervisor', posture],
    ['whatif', 'What-if', 'supervisor', whatIf],
    ['audit', 'Audit trail', 'supervisor', audit],
  ];

  function allowed() {
    return TABS.filter(([, , r]) => (RANKS[role] ?? 0) >= RANKS[r]);
  }

  function setRole(r) {
    role = r;
    openButton.hidden = allowed().length === 0;
  }

  async function show(name) {
    current = name;
    error(null);
    tabs.replaceChildren(...allowed().map(([id, label]) => el('button', { type: 'button', 'data-tab': id,
      class: id === name ? 'current' : '', onclick: () => show(id) }, label)));
    const tab = allowed().find(([id]) => id === name);
    body.replaceChildren();
    body.dataset.tab = name;
    if (!tab) return;
    try { await tab[3](); } catch (e) { error(e); }
  }

  async function users() {
    const list = await call('GET', 'api/users');
    const name = el('input', { id: 'new-user-name', placeholder: 'user name', autocomplete: 'off' });
    const pw = el('input', { id: 'new-user-password', type: 'password', placeholder: 'initial password', autocomplete: 'new-password' });
    const newRole = select(ROLES, 'operator', { id: 'new-user-role' });
    body.replaceChildren(
      el('table', { class: 'admin-users' },
        el('thead', {}, el('tr', {}, el('th', {}, 'User'), el('th', {}, 'Role'), el('th', {}, 'Disabled'), el('th', {}, 'Created'))),
        el('tbody', {}, ...list.map(u => el('tr', { 'data-user': u.username },
          el('td', {}, u.username),
          el('td', {}, select(ROLES, u.role, { onchange: e => change(() => call('PUT', `api/users/${encodeURIComponent(u.username)}/role`, { role: e.target.value })) })),
          el('td', {}, (() => { const c = el('input', { type: 'checkbox', onchange: e => change(() => call('PUT',
            `api/users/${encodeURIComponent(u.username)}/disabled`, { disabled: e.target.checked })) }); c.checked = !!u.disabled; return c; })()),
          el('td', {}, when(u.created_at_millis)))))),
      el('form', { class: 'admin-new-user', onsubmit: e => { e.preventDefault();
        change(() => call('POST', 'api/users', { username: name.value.trim(), role: newRole.value, password: pw.value })); } },
        name, newRole, pw, el('button', { type: 'submit', id: 'new-user-create' }, 'Create user')));
  }

  async function change(fn) {
    try { await fn(); error(null); } catch (e) { error(e); return; }
    show(current);
  }

  async function posture() {
    const units = await call('GET', 'api/qra/units');
    body.replaceChildren(el('table', { class: 'admin-posture' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Unit'), el('th', {}, 'Base'), el('th', {}, 'Aircraft'), el('th', {}, 'Readiness'))),
      el('tbody', {}, ...units.map(u => el('tr', { 'data-unit': u.id },
        el('td', {}, u.id), el('td', {}, u.base), el('td', {}, `${u.type} ×${u.count}`),
        el('td', {}, select(READINESS, u.readiness, { onchange: e => {
          if (window.confirm(`Set ${u.id} to ${e.target.value}?`)) change(() => call('PUT', `api/qra/detachments/${encodeURIComponent(u.id)}/readiness`, { readiness: e.target.value }));
          else show(current);
        } })))))));
  }

  async function whatIf() {
    const units = await call('GET', 'api/qra/units');
    const level = el('input', { type: 'number', value: '250', min: '0', max: '600', step: '10', id: 'whatif-level' });
    const speed = el('input', { type: 'number', value: '400', min: '0', max: '1500', step: '50', id: 'whatif-speed' });
    const out = el('div', { id: 'whatif-result', class: 'muted' }, 'Change readiness below and compare: nothing changes on the server.');
    const rows = units.map(u => ({ u, sel: select(READINESS, u.readiness) }));
    const stats = s => (s ? `mean ${s.meanMinutes ?? '–'} min, worst ${s.worstCoveredMinutes ?? '–'} min, covered ${Math.round((s.coveredShare ?? 0) * 100)} %` : '–');
    async function compare() {
      const q = `api/qra/responsiveness?level=${level.value}&speed=${speed.value}&resolution=20`;
      const changes = rows.filter(r => r.sel.value !== r.u.readiness).map(r => ({ unit: r.u.id, readiness: r.sel.value }));
      try {
        const [now, then] = await Promise.all([call('GET', q), call('POST', q, { readiness: changes })]);
        out.textContent = `now: ${stats(now.stats)} · what-if (${changes.length} change${changes.length === 1 ? '' : 's'}): ${stats(then.stats)}`;
        error(null);
      } catch (e) { error(e); }
    }
    body.replaceChildren(el('div', {}, 'FL', level, ' target ', speed, ' kt ',
      el('button', { type: 'button', id: 'whatif-compare', onclick: compare }, 'Compare')),
    el('table', { class: 'admin-whatif' }, el('tbody', {}, ...rows.map(r => el('tr', { 'data-unit': r.u.id },
      el('td', {}, r.u.id), el('td', {}, r.u.readiness), el('td', {}, '→ ', r.sel))))), out);
  }

  async function audit() {
    const entries = await call('GET', 'api/audit?limit=200');
    let state = null;
    if (role === 'admin') state = await call('GET', 'api/audit/verification').catch(e => ({ state: 'unknown', problem: e.message }));
    body.replaceChildren(
      state ? el('div', { id: 'audit-verification', class: `audit-${state.state}`, 'data-state': state.state },
        `Verification: ${state.state}${state.rows != null ? ` · ${state.rows} rows` : ''}${state.keyed ? ' · keyed' : ''}`
        + `${state.first_bad_seq ? ` · first bad entry ${state.first_bad_seq}` : ''}${state.problem ? ` · ${state.problem}` : ''}`) : null,
      el('table', { class: 'admin-audit' },
        el('thead', {}, el('tr', {}, ...['#', 'Time', 'User', 'Role', 'Action', 'Target', 'Detail', 'Outcome'].map(h => el('th', {}, h)))),
        el('tbody', {}, ...entries.slice().reverse().map(a => el('tr', { 'data-seq': String(a.seq), class: a.outcome },
          el('td', {}, String(a.seq)), el('td', {}, when(a.wall_time_millis)), el('td', {}, a.user ?? ''),
          el('td', {}, a.role ?? ''), el('td', {}, a.action ?? ''), el('td', {}, a.target ?? ''),
          el('td', {}, a.detail ?? ''), el('td', {}, a.outcome ?? ''))))));
  }

  openButton.addEventListener('click', () => {
    dialog.showModal();
    show(current && allowed().some(([id]) => id === current) ? current : allowed()[0]?.[0]);
  });

  return { setRole, show, role: () => role };
}
