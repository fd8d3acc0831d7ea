// Alert queue for operators: polls GET api/alerts every second and lists the open alerts, most
// urgent first (the server's order: priority, then age), each with its evidence, and the actions
// acknowledge / resolve / identity override (POST to the routes of org.vigil.server.ident.AlertService).
// Plain DOM, rebuilt only when the queue changes, so the buttons stay clickable between polls.

const PRIORITY_NAMES = { 1: 'P1', 2: 'P2', 3: 'P3', 4: 'P4' };
const IDENTITIES = ['unknown', 'assumed-friend', 'friend', 'neutral', 'suspect', 'hostile'];

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
};

/** What the operator reads for one alert: who, what, since when, and the evidence lines. */
function alertItem(a, act) {
  const who = [a.callsign, a.icao, a.squawk ? `sqk ${a.squawk}` : null].filter(Boolean).join(' · ') || `track ${a.track}`;
  const evidence = el('ul', { class: 'alert-evidence' }, ...(a.evidence ?? []).map(e => el('li', {}, e.text)));
  const state = a.state + (a.causeActive ? '' : ' · cause cleared') + (a.assignee ? ` · to ${a.assignee}` : '');
  return el('li', { class: `alert p${a.priority} ${a.state}`, 'data-alert': String(a.id), 'data-rule': a.rule },
    el('div', { class: 'alert-head' },
      el('span', { class: 'alert-priority' }, PRIORITY_NAMES[a.priority] ?? `P${a.priority}`),
      el('span', { class: 'alert-rule' }, a.rule),
      el('span', { class: 'alert-who' }, who),
      el('span', { class: 'alert-identity', 'data-identity': a.identity ?? '' }, a.identity ?? '')),
    el('div', { class: 'alert-meta' }, `${a.raised.slice(11, 19)}Z · ${state}`),
    el('div', { class: 'alert-title' }, a.title),
    evidence,
    el('div', { class: 'alert-actions' },
      a.state === 'raised' ? el('button', { type: 'button', onclick: () => act(`api/alerts/${a.id}/acknowledge`, {}) }, 'Acknowledge') : null,
      el('button', { type: 'button', onclick: () => {
        const resolution = window.prompt(`Resolve ${a.rule} on ${who}: resolution`);
        if (resolution) act(`api/alerts/${a.id}/resolve`, { resolution });
      } }, 'Resolve'),
      el('button', { type: 'button', onclick: () => {
        const identity = window.prompt(`Identity of ${who} (${IDENTITIES.join(', ')})`, a.identity ?? 'unknown');
        if (!identity) return;
        const reason = window.prompt('Reason for the identity override');
        if (reason) act(`api/tracks/${a.track}/identity`, { identity, reason });
      } }, 'Override identity')));
}

/**
 * Starts the alert panel in {@code panel} (an element with a list inside, see index.html).
 * @returns {{ alerts: () => object[], refresh: () => Promise<void>, stop: () => void }}
 */
export function createAlerts({ panel, list, countEl, errorEl, intervalMs = 1000 }) {
  let alerts = [];
  let lastJson = '';
  let timer = null;

  async function act(url, body) {
    try {
      const r = await fetch(url, { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const reply = await r.json().catch(() => ({}));
      errorEl.textContent = r.ok ? '' : (reply.error ?? `refused (${r.status})`);
    } catch (e) {
      errorEl.textContent = 'server unreachable';
    }
    refresh();
  }

  async function refresh() {
    try {
      const r = await fetch('api/alerts', { credentials: 'same-origin' });
      if (!r.ok) { panel.dataset.state = String(r.status); return; }
      const text = await r.text();
      panel.dataset.state = 'ok';
      if (text === lastJson) return;
      lastJson = text;
      alerts = JSON.parse(text).alerts ?? [];
      list.replaceChildren(...alerts.map(a => alertItem(a, act)));
      countEl.textContent = `${alerts.length} alert${alerts.length === 1 ? '' : 's'}`;
      countEl.dataset.count = String(alerts.length);
      countEl.dataset.top = alerts.length ? String(alerts[0].priority) : '';
    } catch (e) {
      panel.dataset.state = 'offline';
    }
  }

  refresh();
  timer = setInterval(refresh, intervalMs);
  return { alerts: () => alerts, refresh, stop: () => clearInterval(timer) };
}
