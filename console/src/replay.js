// Replay mode (issue #7 item 2): when the server is a playback of a recording (`vigil replay
// --recording DIR --serve PORT`), GET api/replay answers {is_replay: true, ...}. The console then
// shows a REPLAY bar under the top bar (play/pause, time slider over the period, speed, position),
// a list of the period's alerts with "jump" buttons, and disables every operator action (the server
// refuses them anyway with 409 "replay: operator actions are disabled"). A live server answers 404
// here and nothing changes.

const SPEEDS = [['1', '1×'], ['4', '4×'], ['16', '16×'], ['max', 'max']];

const STYLE = `
body[data-replay] #topbar { border-bottom: 3px solid #d08a00; }
#replay-bar { display: flex; align-items: center; gap: .6em; padding: .3em .8em; background: #3a2a00; color: #ffd27a; font: 13px system-ui, sans-serif; }
#replay-bar .badge { font-weight: 700; letter-spacing: .15em; background: #d08a00; color: #000; padding: .1em .5em; border-radius: 3px; }
#replay-bar input[type=range] { flex: 1; min-width: 12em; }
#replay-bar .pos { font-variant-numeric: tabular-nums; min-width: 15em; }
#replay-alerts { max-height: 10em; overflow: auto; font: 12px system-ui, sans-serif; border-bottom: 1px solid #444; }
#replay-alerts header { font-weight: 600; padding: .2em .4em; }
#replay-alerts li { display: flex; gap: .5em; align-items: center; padding: .1em .4em; }
/* operator actions do not exist in a replay: hide them and make sure nothing stays clickable */
body[data-replay] #alerts button, body[data-replay] #qra button, body[data-replay] #details button.action { display: none; }
body[data-replay] #alerts, body[data-replay] #qra { opacity: .85; }
`;

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c != null) e.append(c);
  return e;
};

const post = (path, body) => fetch(path, {
  method: 'POST', credentials: 'same-origin',
  headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}),
}).then(r => r.json().catch(() => ({}))).catch(() => ({}));

// times come as nanoseconds; doubles lose a few hundred ns at 1.6e18, nothing the slider can show
const iso = ns => new Date(Number(ns) / 1e6).toISOString().replace('.000Z', 'Z');

// Starts replay mode if the server is a playback; returns a promise of true (replay) or false (live).
export async function initReplay({ intervalMs = 1000, onJump } = {}) {
  let state;
  try {
    const r = await fetch('api/replay', { credentials: 'same-origin' });
    if (!r.ok) return false;
    state = await r.json();
  } catch { return false; }
  if (!state || state.is_replay !== true) return false;

  document.body.dataset.replay = 'true';
  document.head.append(el('style', { textContent: STYLE }));
  document.title = 'REPLAY · ' + document.title;

  const from = Number(state.from_ns), to = Number(state.to_ns);
  const slider = el('input', { type: 'range', min: '0', max: '1000', step: '1', title: 'Position in the recorded period' });
  const play = el('button', { type: 'button', title: 'Play / pause the replay' });
  const speed = el('select', { title: 'Replay speed (data seconds per second)' },
    ...SPEEDS.map(([v, label]) => el('option', { value: v, textContent: label })));
  const pos = el('span', { className: 'pos' });
  const bar = el('div', { id: 'replay-bar', role: 'region', ariaLabel: 'Replay controls' },
    el('span', { className: 'badge', textContent: 'REPLAY' }),
    play, slider, pos, el('label', {}, 'Speed ', speed),
    el('span', { textContent: `${iso(state.from_ns)} – ${iso(state.to_ns)}`, className: 'period' }));
  document.getElementById('topbar').after(bar);

  let dragging = false;
  slider.addEventListener('input', () => { dragging = true; pos.textContent = iso(Math.round(from + (to - from) * slider.value / 1000)) + ' (seek)'; });
  slider.addEventListener('change', async () => {
    const target = Math.round(from + (to - from) * slider.value / 1000);
    onJump?.();
    show(await post('api/replay/seek', { time_ns: target }));
    dragging = false;
  });
  play.addEventListener('click', async () => show(await post(state.paused ? 'api/replay/resume' : 'api/replay/pause')));
  speed.addEventListener('change', async () => show(await post('api/replay/speed',
    { speed: speed.value === 'max' ? 'max' : Number(speed.value) })));

  function show(s) {
    if (!s || s.is_replay !== true) return;
    state = s;
    play.textContent = s.paused ? '▶ Play' : '❚❚ Pause';
    if (document.activeElement !== speed) speed.value = String(s.speed);
    if (!dragging) {
      slider.value = String(Math.round(1000 * (Number(s.position_ns) - from) / Math.max(1, to - from)));
      pos.textContent = iso(s.position_ns) + (s.seeking ? ' (building picture…)' : s.finished ? ' (end)' : '');
    }
  }
  show(state);

  // the period's alerts, from the recording, each with a jump to just before it was raised
  const list = el('ol');
  const panel = el('section', { id: 'replay-alerts', ariaLabel: 'Alerts of the replayed period' },
    el('header', { textContent: 'Alerts in this period' }), list);
  document.getElementById('side').prepend(panel);
  fetch('api/replay/alerts', { credentials: 'same-origin' }).then(r => r.ok ? r.json() : []).then(alerts => {
    list.replaceChildren(...alerts.map(a => el('li', {},
      el('button', { type: 'button', textContent: 'jump', title: 'Replay from 30 s before this alert',
        onclick: async () => { onJump?.(); show(await post('api/replay/seek', { time_ns: a.seek_to_ns })); } }),
      el('span', { textContent: `${iso(a.time_ns)} #${a.alert} track ${a.track ?? '-'} ${a.rule ?? ''}` }))));
    if (!alerts.length) list.append(el('li', { textContent: 'none' }));
  }).catch(() => list.replaceChildren(el('li', { textContent: 'alerts unavailable' })));

  setInterval(async () => {
    try {
      const r = await fetch('api/replay', { credentials: 'same-origin' });
      if (r.ok) show(await r.json());
    } catch { /* the feed shows offline */ }
  }, intervalMs);
  return true;
}
