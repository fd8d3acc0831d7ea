// Evidence and history of the selected track in the details panel (issue 16: every track, primary-only
// included): why it has its identity now (GET api/tracks/{n}/identity: identity, deciding rule or
// override, firing rules with their evidence and since when) and what happened to it (GET
// api/tracks/{n}/history: identification start, rules fired and cleared, identity changes, alerts
// raised / acknowledged / assigned / resolved, overrides, radio contact, with times; newest first).

const hhmmss = iso => (typeof iso === 'string' && iso.length >= 19 ? `${iso.slice(11, 19)}Z` : '');

/** One history event as the operator reads it. */
export function describeEvent(e) {
  const who = e.user ? ` by ${e.user}` : '';
  switch (e.type) {
    case 'identification-started': return 'identification started (pending)';
    case 'identification-ended': return `track ended (${e.identity ?? 'unknown'})`;
    case 'rule-fired': return `rule ${e.rule} fired${e.detail ? ` (${e.detail})` : ''}`;
    case 'rule-cleared': return `rule ${e.rule} cleared`;
    case 'identity-changed':
      return `identity ${e.from} → ${e.to} (${e.by}${who}${e.reason ? `: ${e.reason}` : ''})`;
    case 'override-set': return `identity set to ${e.identity}${who}${e.reason ? `: ${e.reason}` : ''}`;
    case 'override-cleared': return `identity override cleared${who}`;
    case 'operator-input':
      return `${e.input === 'radio-contact-lost' ? 'radio contact lost' : e.input}${e.on ? '' : ' cleared'}${who}`;
    default:
      if (typeof e.type === 'string' && e.type.startsWith('alert-')) {
        const what = e.type.slice('alert-'.length);
        const extra = what === 'resolved' && e.resolution ? `: ${e.resolution}`
          : what === 'assigned' && e.assignee ? ` to ${e.assignee}` : '';
        return `alert #${e.alert} ${what} (P${e.priority} ${e.rule})${who}${extra}`;
      }
      return e.type ?? '?';
  }
}

/** The track number of a selection: "T12" (a track without an aircraft view), or the aircraft's system track. */
export function trackNumberOf(id, systemTrackOf) {
  if (typeof id === 'string' && /^T\d+$/.test(id)) return Number(id.slice(1));
  const st = systemTrackOf(id);
  return st && Number.isFinite(st.track_number) ? st.track_number : null;
}

/** Fills `section` (an element in the details panel) for track `n`; null empties it. */
export function createTrackHistory(section) {
  let shown = null;
  let asked = 0;

  function item(cls, time, text) {
    const li = document.createElement('li');
    li.className = cls;
    const t = document.createElement('time');
    t.textContent = time;
    li.append(t, ` ${text}`);
    return li;
  }

  function render(n, identity, events) {
    const nodes = [];
    const h = document.createElement('h3');
    h.textContent = `Track ${n}: evidence and history`;
    nodes.push(h);
    if (identity) {
      const p = document.createElement('p');
      p.className = 'identity-basis';
      p.dataset.identity = identity.identity ?? '';
      p.textContent = `${identity.identity} by ${identity.by}`
        + (identity.overrideBy ? ` (${identity.overrideBy}: ${identity.overrideReason ?? ''})` : '')
        + (identity.radioContactLost ? ', radio contact lost' : '')
        + (identity.flightPlan ? `, flight plan ${identity.flightPlan}` : '');
      nodes.push(p);
      const ev = document.createElement('ul');
      ev.className = 'evidence';
      for (const e of identity.evidence ?? []) ev.append(item('evidence-item', hhmmss(e.since), e.text ?? e.rule));
      if (ev.children.length) nodes.push(ev);
    }
    const list = document.createElement('ol');
    list.className = 'history';
    for (const e of [...events].reverse()) list.append(item(`history-item ${e.type ?? ''}`, hhmmss(e.time), describeEvent(e)));
    if (!events.length) list.append(item('history-item none', '', 'no identification events yet'));
    nodes.push(list);
    section.replaceChildren(...nodes);
    section.hidden = false;
    section.dataset.track = String(n);
  }

  /** Shows track `n` (null: nothing), asking the server for its identity and history. */
  function show(n) {
    if (n == null) {
      shown = null;
      section.hidden = true;
      section.replaceChildren();
      section.dataset.track = '';
      return;
    }
    shown = n;
    const ask = ++asked;
    const get = url => fetch(url, { credentials: 'same-origin' }).then(r => (r.ok ? r.json() : null)).catch(() => null);
    Promise.all([get(`api/tracks/${n}/identity`), get(`api/tracks/${n}/history`)]).then(([identity, events]) => {
      if (ask !== asked || shown !== n) return; // another selection since
      render(n, identity, Array.isArray(events) ? events : []);
    });
  }

  return { show, shown: () => shown };
}
