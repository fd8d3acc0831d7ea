// Alert queue for operators: polls GET api/alerts every second and lists the open alerts, most
// urgent first (the server's order: priority, then age), each with its evidence, and the actions
// acknowledge / resolve / identity override (POST to the routes of org.vigil.server.ident.AlertService).
// Plain DOM, rebuilt only when the queue changes, so the buttons stay clickable between polls.

import { el } from './dom.js';
const PRIORITY_NAMES = { 1: 'P1', 2: 'P2', 3: 'P3', 4: 'P4' };
const IDENTITIES = ['unknown', 'assumed-friend', 'friend', 'neutral', 'suspect', 'hostile'];
// Reason lists instead of free text (issue 16): what an operator picks from, as the audit records it.
export const RESOLUTIONS = ['identified as civil traffic', 'identified as military friendly', 'flight plan correlated',
  'radio contact established', 'handed over to the neighbouring unit', 'intercepted and identified',
  'false alarm (sensor)', 'duplicate alert'];
export const OVERRIDE_REASONS = ['visual identification (intercept)', 'flight plan and radio contact',
  'coordination with civil ATC', 'coordination with the neighbouring unit', 'intelligence report', 'correcting an error'];


const choice = (cls, options, selected) => el('select', { class: cls },
  ...options.map(o => { const opt = el('option', { value: o }, o); if (o === selected) opt.selected = true; return opt; }));

/** The inline form under an alert for `kind` (resolve, identity): reason lists and a confirm button. */
function alertForm(a, kind, act, close) {
  if (kind === 'resolve') {
    const reason = choice('resolve-reason', RESOLUTIONS);
    return el('div', { class: 'alert-form', 'data-form': 'resolve' }, 'Resolution ', reason,
      el('button', { type: 'button', class: 'confirm', onclick: () => { close(); act(`api/alerts/${a.id}/resolve`, { resolution: reason.value }); } }, 'Resolve'),
      el('button', { type: 'button', onclick: close }, 'Cancel'));
  }
  const identity = choice('override-identity', IDENTITIES, a.identity ?? 'unknown');
  const reason = choice('override-reason', OVERRIDE_REASONS);
  return el('div', { class: 'alert-form', 'data-form': 'identity' }, 'Identity ', identity, ' because ', reason,
    el('button', { type: 'button', class: 'confirm', onclick: () => { close(); act(`api/tracks/${a.track}/identity`, { identity: identity.value, reason: reason.value }); } }, 'Set identity'),
    el('button', { type: 'button', onclick: close }, 'Cancel'));
}

/** What the operator reads for one alert: who, what, since when, and the evidence lines. */
function alertItem(a, act, form, openForm) {
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
      el('button', { type: 'button', 'data-action': 'resolve', onclick: () => openForm(a.id, 'resolve') }, 'Resolve…'),
      el('button', { type: 'button', 'data-action': 'identity', onclick: () => openForm(a.id, 'identity') }, 'Override identity…'),
      el('button', { type: 'button', 'data-action': 'radio-lost', title: 'Report radio contact with this aircraft lost',
        onclick: () => act(`api/tracks/${a.track}/radio-contact`, { lost: true }) }, 'Radio contact lost')),
    form ? alertForm(a, form, act, () => openForm(a.id, null)) : null);
}

/**
 * Starts the alert panel in {@code panel} (an element with a list inside, see index.html).
 * @returns {{ alerts: () => object[], refresh: () => Promise<void>, stop: () => void }}
 */
export function createAlerts({ panel, list, countEl, errorEl, intervalMs = 1000, onSelect, onNew }) {
  let alerts = [];
  let lastJson = '';
  let timer = null;
  let forms = new Map(); // alert id -> open form kind, kept across rebuilds of the list
  let selectedId = null;
  let known = null; // alert ids seen, null before the first answer (no cue for what was already open)

  function draw() {
    list.replaceChildren(...alerts.map(a => {
      const li = alertItem(a, act, forms.get(a.id), openForm);
      li.classList.toggle('selected', a.id === selectedId);
      return li;
    }));
  }

  function openForm(id, kind) {
    if (kind) forms.set(id, kind); else forms.delete(id);
    draw();
  }

  // A click on an alert (not on its buttons or form) takes the operator to its track.
  list.addEventListener('click', e => {
    if (e.target.closest('button, select, .alert-form')) return;
    const li = e.target.closest('li.alert[data-alert]');
    if (!li) return;
    const a = alerts.find(x => String(x.id) === li.dataset.alert);
    if (!a) return;
    selectedId = a.id;
    draw();
    onSelect?.(a);
  });

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
      const fresh = known ? alerts.filter(a => !known.has(a.id)) : [];
      known = new Set(alerts.map(a => a.id));
      forms = new Map([...forms].filter(([id]) => known.has(id)));
      draw();
      if (fresh.length) onNew?.(fresh);
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
