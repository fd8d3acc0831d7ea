// The live feed: one WebSocket to the server's /ws, reconnected automatically with a capped back-off.
// States reported to onState: "connecting", "open", "stale" (open but no picture for a while:
// the operator must not trust a frozen picture), "closed" (down, retrying).

const STALE_AFTER_MS = 3500;
const FORCE_RECONNECT_AFTER_MS = 10000;
const MAX_BACKOFF_MS = 5000;

// Protocol 2 (docs/CONSOLE.md): the server sends deltas for the view this console reports with
// sendView(); protocol 1 (the whole picture every push) stays for other clients.
export const PROTOCOL = 2;

export function connectFeed({ onPicture, onDelta, onPlots, onTracks, onTrackDelta, onState, view }) {
  let ws = null;
  let attempts = 0;
  let lastMessageAt = 0;
  let state = '';

  function setState(s) {
    if (s !== state) { state = s; onState(s); }
  }

  function url() {
    // Relative to the page, so the console also works behind a reverse proxy under a path prefix.
    const u = new URL(onDelta ? `ws?v=${PROTOCOL}` : 'ws', window.location.href);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    return u.href;
  }

  function open() {
    setState(attempts === 0 ? 'connecting' : 'closed');
    let socket;
    try {
      socket = new WebSocket(url());
    } catch (e) {
      retry();
      return;
    }
    ws = socket;
    socket.onopen = () => {
      attempts = 0;
      lastMessageAt = Date.now();
      setState('open');
      sendView();
    };
    socket.onmessage = ev => {
      lastMessageAt = Date.now();
      if (state !== 'open') setState('open');
      let msg;
      try { msg = JSON.parse(ev.data); } catch (e) { console.warn('vigil: bad message from server', e); return; }
      if (msg && msg.type === 'delta' && Array.isArray(msg.u) && onDelta) onDelta(msg, ev.data.length);
      else if (msg && msg.type === 'aircraft' && Array.isArray(msg.aircraft)) onPicture(msg);
      else if (msg && msg.type === 'plots' && Array.isArray(msg.plots) && onPlots) onPlots(msg);
      else if (msg && msg.type === 'tracks' && Array.isArray(msg.tracks) && onTracks) onTracks(msg);
      else if (msg && msg.type === 'track-delta' && Array.isArray(msg.u) && onTrackDelta) onTrackDelta(msg, ev.data.length);
    };
    socket.onclose = () => {
      if (ws === socket) { ws = null; retry(); }
    };
    socket.onerror = () => { /* onclose follows and schedules the retry */ };
  }

  function retry() {
    setState('closed');
    attempts++;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempts, 4));
    setTimeout(open, delay);
  }

  // Watchdog: a socket can stay "open" while nothing arrives (half-open TCP, stuck server).
  setInterval(() => {
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const silent = Date.now() - lastMessageAt;
    if (silent > FORCE_RECONNECT_AFTER_MS) ws.close();
    else if (silent > STALE_AFTER_MS) setState('stale');
  }, 1000);

  /** Tells the server what this console shows ({bbox, res, filter} from `view()`); again after each change. */
  function sendView(extra = {}) {
    if (!onDelta || !view || !ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ type: 'view', ...view(), ...extra }));
  }

  open();
  return { state: () => state, close: () => ws?.close(), sendView };
}
