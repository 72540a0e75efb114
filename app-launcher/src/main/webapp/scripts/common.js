// What every signed-in page shares: the session (user and CSRF token), JSON calls to /launcher/ui/..., the header.
(function () {
  'use strict';
  const base = document.currentScript.src.replace(/scripts\/common\.js.*$/, '');

  class CallError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  let session = null;

  // Reloading the page (not opening login.html) makes the page the request sign-in returns to, not this JSON call.
  function toLogin() { window.location.reload(); }

  // A call whose session ended comes back redirected to the login page (FORM sign-in): sign in again.
  // options.text: answer a body that is not JSON (i2b2 XML) as text.
  async function call(path, options = {}) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    if (options.json !== undefined) headers['Content-Type'] = 'application/json';
    if (options.method && options.method !== 'GET' && session) headers['X-CSRF-Token'] = session.csrf_token;
    const response = await fetch(base + 'ui/' + path, {
      method: options.method || 'GET', headers, credentials: 'same-origin',
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    });
    if (response.redirected && response.url.includes('login.html')) { toLogin(); throw new CallError(401, 'NOT_SIGNED_IN', 'sign in first'); }
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : (options.text ? await response.text() : null);
    if (!response.ok) {
      throw new CallError(response.status, body && body.code || 'HTTP_' + response.status,
        body && body.message || 'the launcher answered ' + response.status);
    }
    return body;
  }

  function element(tag, attributes = {}, ...children) {
    const el = document.createElement(tag);
    Object.entries(attributes).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') el.textContent = v; else el.setAttribute(k, v === true ? '' : v);
    });
    children.forEach((c) => el.append(c));
    return el;
  }

  function header(user, csrf) {
    const nav = element('nav', { class: 'navbar navbar-expand navbar-dark bg-dark px-3', 'aria-label': 'Main' });
    nav.append(element('a', { class: 'navbar-brand', href: base, text: 'SMART Cohort Container' }));
    const links = element('ul', { class: 'navbar-nav me-auto' });
    const link = (href, text) => element('li', { class: 'nav-item' }, element('a', { class: 'nav-link', href: base + href, text }));
    links.append(link('', 'Records'));
    links.append(link('cohort.html', 'Cohorts'));
    if (user.roles.includes('admin')) links.append(link('admin/', 'Administration'));
    links.append(link('status.html', 'Status'));
    nav.append(links);
    const logout = element('form', { method: 'post', action: base + 'logout', class: 'd-flex align-items-center' },
      element('span', { class: 'navbar-text me-3', id: 'user-name', text: user.full_name }),
      element('input', { type: 'hidden', name: 'csrf', value: csrf }),
      element('button', { type: 'submit', class: 'btn btn-outline-light btn-sm', text: 'Log out' }));
    nav.append(logout);
    const slot = document.getElementById('site-header');
    slot.replaceChildren(nav);
  }

  function showError(where, error) {
    const box = typeof where === 'string' ? document.getElementById(where) : where;
    box.replaceChildren(element('div', { class: 'alert alert-danger', role: 'alert',
      text: error.message + (error.code ? ' (' + error.code + ')' : '') }));
  }

  // The signed-in user and the CSRF token, once per page; fills the header.
  async function start() {
    session = await call('session');
    header(session.user, session.csrf_token);
    return session;
  }

  window.LAUNCHER = { base, call, start, element, showError, CallError, get session() { return session; } };
}());
