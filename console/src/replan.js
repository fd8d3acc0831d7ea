// Re-planning and uncertainty in the scramble panel (issue #19): the latest plan's intercept time
// with its "± min" interval, the advice (abort / return) the workflow gives when the intercept became
// impossible, a proposed hand-over and the fuel state. Read from the scramble's view (api/scrambles).

const hhmm = iso => (iso ? `${iso.slice(11, 16)}Z` : '');

/** "± 1.5 min" from a plan's plusMinusS, or ''. */
export function plusMinus(plan) {
  return plan?.plusMinusS != null ? ` ± ${(plan.plusMinusS / 60).toFixed(1)} min` : '';
}

/** One line for a scramble (a DOM element), or null when there is nothing to add. */
export function replanLine(s) {
  const parts = [];
  const latest = s.latest ?? s.plan;
  if (latest?.feasible) {
    parts.push(`now ${hhmm(latest.interceptAt)}${plusMinus(latest)}${latest.levelAssumed ? ' (level assumed)' : ''}`);
  } else if (latest && latest.feasible === false) {
    parts.push(`no intercept now: ${latest.reason ?? '?'}`);
  }
  if (s.advice) parts.push(`advice: ${s.advice.advice} (${s.advice.reason})`);
  if (s.handOver) parts.push(`hand-over proposed to ${s.handOver.toNation}${s.handOver.toUnit ? ` ${s.handOver.toUnit}` : ''}`);
  if (s.fuel) parts.push(`fuel used ${Math.round(s.fuel.used * 100)} %${s.fuel.bingo ? ' BINGO' : ''}`);
  if (!parts.length) return null;
  const div = document.createElement('div');
  div.className = s.advice ? 'scramble-replan advised' : 'scramble-replan';
  div.textContent = parts.join(' · ');
  return div;
}

// The follow-through actions of a scramble (issue #19): visual ID by the pilot (operator), hand-over
// to the receiving nation, taking the workflow's abort / return advice, and diverting an airborne pair
// to another target from the ranked options (supervisor). Tango scrambles are marked as exercises.

const AT_TARGET = ['intercept', 'identification', 'shadow', 'escort'];
const AIRBORNE = ['airborne', 'en-route', 'intercept', 'identification', 'shadow', 'escort'];

/** "re-planned: was 09:30Z, now 09:32Z ± 1.5 min" when the latest plan moved the ordered one, or null. */
export function replannedLine(s) {
  if (!s.latest?.feasible || !s.plan?.feasible || s.latest.interceptAt === s.plan.interceptAt) return null;
  const div = document.createElement('div');
  div.className = 'scramble-replanned';
  div.textContent = `re-planned: was ${hhmm(s.plan.interceptAt)}, now ${hhmm(s.latest.interceptAt)}${plusMinus(s.latest)}`;
  return div;
}

/** The "TANGO (exercise)" mark of an exercise scramble, or null. */
export function tangoMark(s) {
  if (s.category !== 'TANGO') return null;
  const b = document.createElement('b');
  b.className = 'tango-mark';
  b.textContent = 'TANGO (exercise)';
  b.style.marginLeft = '0.5em';
  b.style.color = '#b36b00';
  return b;
}

/**
 * Buttons for a scramble's follow-through, by role ({@code can('operator')}...); {@code post(url, body)}
 * sends an action, {@code showOptions(el)} puts the divert ranking in the recommendation area.
 */
export function followThroughActions(s, { can, post, showOptions }) {
  const buttons = [];
  const b = (label, fn, cls) => {
    const e = document.createElement('button');
    e.type = 'button';
    e.textContent = label;
    if (cls) e.className = cls;
    e.addEventListener('click', fn);
    buttons.push(e);
  };
  if (can('operator') && AT_TARGET.includes(s.phase)) {
    b('Visual ID', () => {
      const identifiedAs = window.prompt('Pilot reports the target as (type, registration, callsign)');
      if (identifiedAs) post(`api/scrambles/${s.id}/visual-id`, { identifiedAs });
    }, 'visual-id');
  }
  if (can('supervisor')) {
    if (s.handOver && AIRBORNE.includes(s.phase)) {
      b(`Hand over to ${s.handOver.toNation}`, () => {
        if (window.confirm(`Hand ${s.id} over to ${s.handOver.toNation}${s.handOver.toUnit ? ` (${s.handOver.toUnit})` : ''}?`)) {
          post(`api/scrambles/${s.id}/handover`);
        }
      }, 'hand-over');
    }
    if (s.advice?.advice === 'abort' && !['landed', 'cancelled'].includes(s.phase)) {
      b('Abort (advised)', () => {
        if (window.confirm(`Abort ${s.id}: ${s.advice.reason}?`)) post(`api/scrambles/${s.id}/cancel`, { reason: `advised abort: ${s.advice.reason}` });
      }, 'advice-abort');
    }
    if (s.advice?.advice === 'return' && AIRBORNE.includes(s.phase)) {
      b('Return to base (advised)', () => post(`api/scrambles/${s.id}/rtb`), 'advice-return');
    }
    if (AIRBORNE.includes(s.phase)) {
      b('Divert…', async () => {
        const track = Number(window.prompt('Divert to target track number'));
        if (track) showOptions(await divertOptions(s, track, post));
      }, 'divert');
    }
  }
  if (!buttons.length) return null;
  const div = document.createElement('div');
  div.className = 'scramble-actions follow-through';
  div.append(...buttons);
  return div;
}

/** The ranked divert options for {@code track} (ground units and airborne pairs), with a Divert button on this pair's line. */
async function divertOptions(s, track, post) {
  const box = document.createElement('div');
  box.className = 'divert-options';
  try {
    const r = await fetch(`api/qra/divert?track=${track}`, { credentials: 'same-origin' });
    const reply = await r.json();
    if (!r.ok) {
      box.textContent = reply.error ?? `no options (${r.status})`;
      return box;
    }
    const head = document.createElement('div');
    head.className = 'rec-head';
    head.textContent = `Divert options · track ${track}`;
    const ol = document.createElement('ol');
    ol.className = 'rec-list';
    for (const u of reply) {
      const li = document.createElement('li');
      li.className = u.feasible ? 'rec feasible' : 'rec';
      li.dataset.unit = u.unit;
      li.textContent = `${u.rank}. ${u.unit}${u.readiness === 'AIRBORNE-CAP' ? ' (airborne)' : ''} · `
        + (u.feasible ? `${u.minutes}${u.plusMinusMin != null ? ` ± ${u.plusMinusMin}` : ''} min` : u.reasonText ?? u.reason);
      if (u.feasible && u.unit === s.unit) {
        const go = document.createElement('button');
        go.type = 'button';
        go.textContent = `Divert ${s.id} here`;
        go.addEventListener('click', () => post(`api/scrambles/${s.id}/retask`, { track }));
        li.append(' ', go);
      }
      ol.append(li);
    }
    box.append(head, ol);
  } catch (e) {
    box.textContent = 'server unreachable';
  }
  return box;
}
