// Administration: apps (register, enable, legacy launch flag, remove, tokens) and users, through /ui/admin/...
(function () {
  'use strict';
  const { call, element, showError, start } = LAUNCHER;
  const $ = (id) => document.getElementById(id);
  const path = (...parts) => 'admin/' + parts.map(encodeURIComponent).join('/');

  function notice(text) {
    $('messages').replaceChildren(element('div', { class: 'alert alert-success', role: 'status', text }));
  }

  async function act(work, done) {
    try {
      await work();
      if (done) notice(done);
    } catch (e) {
      showError('messages', e);
    }
  }

  function button(text, label, onClick, style = 'btn-outline-secondary') {
    const b = element('button', { type: 'button', class: 'btn btn-sm ' + style, text, 'aria-label': label });
    b.addEventListener('click', onClick);
    return b;
  }

  async function loadApps() {
    const apps = await call(path('apps'));
    $('apps').replaceChildren(...apps.map((app) => {
      const legacy = element('input', { type: 'checkbox', class: 'form-check-input', checked: app.legacy_launch,
        'aria-label': 'Legacy launch for ' + app.name });
      legacy.addEventListener('change', () => act(async () => {
        await call(path('apps', app.app_id), { method: 'PATCH', json: { legacy_launch: legacy.checked } });
        await loadApps();
      }, 'Legacy launch ' + (legacy.checked ? 'on' : 'off') + ' for ' + app.name + '.'));
      return element('tr', {},
        element('td', {}, element('strong', { text: app.name }), element('br'),
          element('small', { class: 'text-body-secondary', text: app.app_id })),
        element('td', { text: app.mode }),
        element('td', { text: app.enabled ? 'yes' : 'no' }),
        element('td', {}, legacy),
        element('td', { class: 'd-flex gap-1 flex-wrap' },
          button(app.enabled ? 'Disable' : 'Enable', (app.enabled ? 'Disable ' : 'Enable ') + app.name, () => act(async () => {
            await call(path('apps', app.app_id), { method: 'PATCH', json: { enabled: !app.enabled } });
            await loadApps();
          }, app.name + (app.enabled ? ' is disabled.' : ' is enabled.'))),
          button('Tokens', 'Tokens of ' + app.name, () => act(() => loadTokens(app))),
          button('Remove', 'Remove ' + app.name, () => {
            if (!window.confirm('Remove ' + app.name + ' and all its tokens?')) return;
            act(async () => { await call(path('apps', app.app_id), { method: 'DELETE' }); await loadApps(); },
              app.name + ' is removed.');
          }, 'btn-outline-danger')));
    }));
  }

  async function loadTokens(app) {
    const tokens = await call(path('apps', app.app_id, 'tokens'));
    $('tokens').hidden = false;
    $('tokens-title').textContent = 'Live tokens of ' + app.name;
    const rows = tokens.map((t) => element('tr', {},
      element('td', { class: 'font-monospace', text: t.token }), element('td', { text: t.kind }),
      element('td', { text: t.user_id || '–' }), element('td', { text: t.record_id || '–' }),
      element('td', { text: t.expires || '–' }),
      element('td', {}, button('Revoke', 'Revoke token ' + t.token, () => act(async () => {
        await call(path('tokens', t.token), { method: 'DELETE' });
        await loadTokens(app);
      }, 'The token is revoked.'), 'btn-outline-danger'))));
    const table = element('table', { class: 'table table-sm' },
      element('thead', {}, element('tr', {}, ...['Token', 'Kind', 'User', 'Record', 'Expires', '']
        .map((h) => element('th', { scope: 'col', text: h })))),
      element('tbody', {}, ...rows));
    const all = button('Revoke all', 'Revoke all tokens of ' + app.name, () => act(async () => {
      await call(path('apps', app.app_id, 'tokens'), { method: 'DELETE' });
      await loadTokens(app);
    }, 'All tokens of ' + app.name + ' are revoked.'), 'btn-outline-danger');
    $('token-list').replaceChildren(tokens.length ? table : element('p', { text: 'No live tokens.' }), all);
  }

  async function register(event) {
    event.preventDefault();
    await act(async () => {
      let manifest;
      try {
        manifest = JSON.parse($('manifest').value);
      } catch (e) {
        throw new LAUNCHER.CallError(400, 'MANIFEST_INVALID', 'The manifest is not JSON: ' + e.message);
      }
      if (!manifest || typeof manifest.id !== 'string') {
        throw new LAUNCHER.CallError(400, 'MANIFEST_INVALID', 'The manifest has no id.');
      }
      const result = await call(path('apps', manifest.id), { method: 'PUT', json: manifest });
      // shown once: the API server keeps only what it needs to check signatures
      $('secret').replaceChildren(element('div', { class: 'alert alert-warning', role: 'status' },
        element('p', { class: 'mb-1', text: 'Consumer secret of ' + result.app_id + ' (shown once; give it to the app):' }),
        element('p', { class: 'secret mb-0', id: 'consumer-secret', text: result.consumer_secret })));
      $('register').reset();
      await loadApps();
    }, 'The app is registered.');
  }

  const DATA_ROLES = ['DATA_OBFSC', 'DATA_AGG', 'DATA_LDS', 'DATA_DEID', 'DATA_PROT'];

  async function loadUsers() {
    const users = await call(path('users'));
    $('users').replaceChildren(...users.map((u) => element('tr', {},
      element('td', { text: u.user_id }), element('td', { text: u.full_name }),
      element('td', { text: (u.roles || []).join(', ') }),
      element('td', { text: (u.data_roles || []).join(', ') }),
      element('td', {}, button('Edit', 'Edit ' + u.user_id, () => {
        $('user-id').value = u.user_id;
        $('given-name').value = u.given_name || '';
        $('family-name').value = u.family_name || '';
        $('password').value = '';
        ['researcher', 'clinician', 'admin'].forEach((r) => { $('role-' + r).checked = (u.roles || []).includes(r); });
        DATA_ROLES.forEach((r) => { $('data-role-' + r).checked = (u.data_roles || []).includes(r); });
        $('user-id').focus();
      })))));
  }

  async function saveUser(event) {
    event.preventDefault();
    const id = $('user-id').value.trim();
    const body = { given_name: $('given-name').value.trim(), family_name: $('family-name').value.trim(),
      roles: ['researcher', 'clinician', 'admin'].filter((r) => $('role-' + r).checked),
      data_roles: DATA_ROLES.filter((r) => $('data-role-' + r).checked) };
    if ($('password').value) body.password = $('password').value;
    await act(async () => {
      await call(path('users', id), { method: 'PUT', json: body });
      $('user-form').reset();
      await loadUsers();
    }, 'User ' + id + ' is saved.');
  }

  $('manifest-file').addEventListener('change', async () => {
    const file = $('manifest-file').files[0];
    if (file) $('manifest').value = await file.text();
  });
  $('register').addEventListener('submit', register);
  $('user-form').addEventListener('submit', saveUser);
  start().then(() => Promise.all([loadApps(), loadUsers()])).catch((e) => showError('messages', e));
}());
