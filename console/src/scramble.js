// Scramble panel: the QRA status board (units, readiness, aircraft committed), the recommendation
// for the alert the operator clicks in the alert queue (ranked units with their intercept times and
// a Propose button for operators), and the scrambles with their phase timeline and the actions a
// supervisor may take (Order = Alpha scramble, RTB, Outcome, Re-task, Cancel). Buttons are shown by
// the signed-in role (GET api/me); the server enforces the same rules. Polls api/scrambles every 2 s.

import { el } from './dom.js';
import { replanLine, plusMinus, replannedLine, tangoMark, followThroughActions } from './replan.js';

const RANKS = { observer: 0, operator: 1, supervisor: 2, admin: 3 };
const PHASES = ['proposed', 'ordered', 'airborne', 'en-route', 'intercept', 'identification', 'shadow', 'escort', 'hand-over', 'rtb', 'landed', 'cancelled'];


/** What a phase means to the operator, on its badge. */
const PHASE_LABELS = { proposed: 'PROPOSED · awaiting order', ordered: 'ORDERED', airborne: 'AIRBORNE', 'en-route': 'EN ROUTE',
  intercept: 'INTERCEPT', identification: 'IDENTIFYING', shadow: 'SHADOWING', escort: 'ESCORTING', 'hand-over': 'HANDED OVER',
  rtb: 'RETURNING', landed: 'LANDED', cancelled: 'CANCELLED' };

const hhmmss = iso => (iso ? `${iso.slice(11, 19)}Z` : '');

/**
 * @param {object} o panel elements and hooks: panel, board, recommendation, list, errorEl,
 *   alertList (the alert queue's list, clicked to pick an alert), alerts() (the queue's alerts),
 *   onScrambles(list) (e.g. the posture layer's showScrambles)
 */
export function createScramblePanel({ panel, board, recommendation, list, errorEl, alertList, alerts, onScrambles = () => {}, intervalMs = 2000 }) {
  let role = 'observer';
  let scrambles = [];
  let selectedAlert = null;
  let lastJson = '';
  const can = r => (RANKS[role] ?? 0) >= RANKS[r];

  // Role for the buttons: the session's; a server without sign-in (404) lets everyone act.
  fetch('api/me', { credentials: 'same-origin' }).then(r => (r.ok ? r.json() : r.status === 404 ? { role: 'supervisor' } : null))
    .then(me => { if (me?.role) { role = me.role; panel.dataset.role = role; render(); } }).catch(() => {});

  async function post(url, body) {
    try {
      const r = await fetch(url, { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      const reply = await r.json().catch(() => ({}));
      errorEl.textContent = r.ok ? '' : (reply.error ?? `refused (${r.status})`);
    } catch (e) {
      errorEl.textContent = 'server unreachable';
    }
    refresh(true);
  }

  async function showRecommendation(alertId) {
    selectedAlert = alertId;
    const alert = (alerts() ?? []).find(a => String(a.id) === String(alertId));
    try {
      const r = await fetch(`api/qra/recommendation?alert=${alertId}`
        + (alert ? `&track=${alert.track}` : ''), { credentials: 'same-origin' });
      const reply = await r.json();
      if (!r.ok) {
        recommendation.replaceChildren(el('div', { class: 'muted' }, reply.error ?? 'no recommendation'));
        return;
      }
      recommendation.replaceChildren(
        el('div', { class: 'rec-head' }, `Alert ${alertId}${alert ? ` · track ${alert.track} · ${alert.rule}` : ''}`),
        el('ol', { class: 'rec-list' }, ...reply.map(u => el('li', { class: u.feasible ? 'rec feasible' : 'rec', 'data-unit': u.unit },
          el('span', { class: 'rec-unit' }, `${u.rank}. ${u.unit}`),
          el('span', { class: 'rec-time' }, u.feasible ? `${u.minutes}${u.plusMinusMin != null ? ` ± ${u.plusMinusMin}` : ''} min${u.supersonic ? ' SS' : ''}` : u.reasonText ?? u.reason),
          u.feasible && can('operator') && alert ? el('button', { type: 'button',
            onclick: () => post('api/scrambles', { alert: Number(alertId), track: alert.track, unit: u.unit }) }, 'Propose') : null,
          u.feasible && can('operator') && alert ? el('button', { type: 'button', class: 'propose-tango',
            onclick: () => post('api/scrambles', { alert: Number(alertId), track: alert.track, unit: u.unit, category: 'TANGO' }) }, 'Propose Tango') : null))));
    } catch (e) {
      errorEl.textContent = 'server unreachable';
    }
  }

  alertList?.addEventListener('click', e => {
    const li = e.target.closest('li[data-alert]');
    if (li && e.target.tagName !== 'BUTTON') showRecommendation(li.dataset.alert);
  });

  function actions(s) {
    if (!can('supervisor')) return null;
    const b = (label, fn) => el('button', { type: 'button', onclick: fn }, label);
    const flying = ['airborne', 'en-route', 'intercept', 'shadow', 'escort'].includes(s.phase);
    return el('div', { class: 'scramble-actions' },
      s.phase === 'proposed' ? b('Order (Alpha)', () => {
        if (window.confirm(`Alpha scramble ${s.unit} against track ${s.track}?`)) post(`api/scrambles/${s.id}/order`);
      }) : null,
      flying ? b('RTB', () => post(`api/scrambles/${s.id}/rtb`)) : null,
      s.phase !== 'proposed' && s.phase !== 'cancelled' ? b('Outcome', () => {
        const identifiedAs = window.prompt('Identified as');
        const action = window.prompt('Action taken (shadowed, escort out of the area, escort to landing, handed over...)');
        if (identifiedAs || action) post(`api/scrambles/${s.id}/outcome`, { identifiedAs, action });
      }) : null,
      flying || s.phase === 'ordered' ? b('Re-task', () => {
        const track = Number(window.prompt('New target track number'));
        if (track) post(`api/scrambles/${s.id}/retask`, { track });
      }) : null,
      !['landed', 'cancelled'].includes(s.phase) ? b('Cancel', () => {
        const reason = window.prompt('Reason for cancelling');
        if (reason != null) post(`api/scrambles/${s.id}/cancel`, { reason });
      }) : null);
  }

  function scrambleItem(s) {
    const timeline = el('ol', { class: 'phase-timeline' }, ...PHASES.filter(p => s.phases?.[p])
      .map(p => el('li', { class: p === s.phase ? 'current' : '', 'data-phase': p }, `${p} ${hhmmss(s.phases[p])}`)));
    const plan = s.plan?.feasible ? `predicted intercept ${hhmmss(s.plan.interceptAt)} (${Math.round(s.plan.seconds / 60)} min,`
      + ` ${s.plan.distanceNm} NM, hdg ${s.plan.headingDeg})` : (s.plan?.reason ?? '');
    return el('li', { class: `scramble ${s.phase}`, 'data-scramble': s.id },
      // the phase first, in words (a proposal is not yet an Alpha: the category shows once ordered)
      el('div', { class: 'scramble-head' }, el('span', { class: `phase-badge ${s.phase}` }, PHASE_LABELS[s.phase] ?? s.phase),
        ` ${s.id}${s.phase === 'proposed' ? '' : ` ${s.category}`} · ${s.unit} → track ${s.track} · `,
        el('b', {}, s.phase), tangoMark(s)),
      el('div', { class: 'scramble-meta' }, `proposed by ${s.proposedBy ?? '?'}${s.orderedBy ? ` · ordered by ${s.orderedBy}` : ''}`
        + `${s.callsigns?.length ? ` · ${s.callsigns.join(', ')}` : ''}`),
      el('div', { class: 'scramble-plan' }, plan, plusMinus(s.plan), s.intercept ? ` · in trail ${hhmmss(s.intercept)}` : ''),
      replanLine(s),
      replannedLine(s),
      s.outcome ? el('div', { class: 'scramble-outcome' }, `outcome: ${s.outcome.identifiedAs ?? ''} · ${s.outcome.action ?? ''}`) : null,
      timeline, actions(s),
      followThroughActions(s, { can, post, showOptions: box => recommendation.replaceChildren(box) }));
  }

  async function loadBoard() {
    try {
      const r = await fetch('api/qra/units', { credentials: 'same-origin' });
      if (!r.ok) return;
      const units = await r.json();
      board.replaceChildren(...units.map(u => el('tr', { 'data-unit': u.id, class: u.count === 0 ? 'committed' : '' },
        el('td', {}, u.id), el('td', {}, u.base), el('td', {}, `${u.type} ×${u.count}`), el('td', {}, u.readiness))));
    } catch (e) { /* shown by the scramble poll */ }
  }

  function render() {
    // proposals on top, and for supervisors a banner: they wait for an order
    const proposed = scrambles.filter(s => s.phase === 'proposed');
    const rest = scrambles.filter(s => s.phase !== 'proposed');
    const waiting = can('supervisor') && proposed.length > 0;
    panel.classList.toggle('awaiting-order', waiting);
    const items = [...proposed, ...rest].map(scrambleItem);
    if (waiting) items.unshift(el('li', { class: 'scramble-banner', role: 'alert' },
      `${proposed.length} scramble${proposed.length === 1 ? '' : 's'} proposed: awaiting your order`));
    list.replaceChildren(...items);
    if (waiting) list.scrollTop = 0;
  }

  async function refresh(force = false) {
    try {
      const r = await fetch('api/scrambles', { credentials: 'same-origin' });
      if (!r.ok) { panel.dataset.state = String(r.status); return; }
      const text = await r.text();
      panel.dataset.state = 'ok';
      if (text === lastJson && !force) return;
      lastJson = text;
      scrambles = JSON.parse(text);
      render();
      onScrambles(scrambles);
      loadBoard();
    } catch (e) {
      panel.dataset.state = 'offline';
    }
  }

  refresh(true);
  const timer = setInterval(refresh, intervalMs);
  return { scrambles: () => scrambles, role: () => role, showRecommendation, refresh, selectedAlert: () => selectedAlert,
    stop: () => clearInterval(timer) };
}
