// Vigil sign-in page: signs in (the server sets an HttpOnly session cookie) and, when opened from
// the first-start setup link (login.html#setup=TOKEN), creates the first administrator.
// Plain module, no dependencies; URLs are relative so the console also works under a path prefix.

const $ = id => document.getElementById(id);

async function post(path, body) {
  const r = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  let text = '';
  try { text = await r.text(); } catch (e) { /* no body */ }
  return { status: r.status, text };
}

function enterConsole() {
  window.location.replace('./');
}

function loginMessage(status) {
  if (status === 401) return 'Wrong user name or password.';
  if (status === 429) return 'Too many failed sign-ins. Wait a minute and try again.';
  if (status === 503) return 'The server has too many sessions open. Try again later.';
  return `Sign-in failed (${status}).`;
}

function setupMessage(status, text) {
  if (status === 400) return text || 'Check the user name and the password (at least 12 characters).';
  if (status === 403) return 'This setup link is invalid, used or expired. Restart Vigil for a new one.';
  if (status === 409) return 'An administrator already exists: sign in instead.';
  return `Setup failed (${status}).`;
}

// The setup token arrives in the fragment, which browsers never send to a server or in a Referer.
const setupToken = new URLSearchParams(window.location.hash.slice(1)).get('setup');
if (setupToken) {
  history.replaceState(null, '', window.location.pathname); // out of the address bar and history
  $('login-form').hidden = true;
  $('setup-form').hidden = false;
  $('setup-username').focus();
}

$('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  $('login-button').disabled = true;
  $('login-message').textContent = '';
  try {
    const r = await post('api/auth/login', { username: $('username').value.trim(), password: $('password').value });
    if (r.status === 200) { enterConsole(); return; }
    $('login-message').textContent = loginMessage(r.status);
    $('password').value = '';
    $('password').focus();
  } catch (err) {
    $('login-message').textContent = 'Cannot reach the Vigil server.';
  } finally {
    $('login-button').disabled = false;
  }
});

$('setup-form').addEventListener('submit', async e => {
  e.preventDefault();
  if ($('setup-password').value !== $('setup-confirm').value) {
    $('setup-message').textContent = 'The two passwords differ.';
    return;
  }
  $('setup-button').disabled = true;
  $('setup-message').textContent = '';
  try {
    const r = await post('api/auth/setup', {
      token: setupToken, username: $('setup-username').value.trim(), password: $('setup-password').value,
    });
    if (r.status === 201) { enterConsole(); return; }
    // Javalin answers errors as JSON ({"title": ...}) or plain text depending on Accept.
    let text = r.text.slice(0, 200);
    try { text = JSON.parse(r.text).title ?? text; } catch (err) { /* plain text */ }
    $('setup-message').textContent = setupMessage(r.status, text);
  } catch (err) {
    $('setup-message').textContent = 'Cannot reach the Vigil server.';
  } finally {
    $('setup-button').disabled = false;
  }
});
