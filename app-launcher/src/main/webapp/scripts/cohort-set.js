// The set page (/cohorts/{set_id}, docs/cohort-ui.md): the set's size, the apps to page through it with (cohort mode),
// and the background apps' grants on it with their progress, refreshed while the page is open.
(function () {
  'use strict';
  const { base, call, element, showError, start } = LAUNCHER;
  const REFRESH_MS = 3000;
  // the link is /cohorts/{set_id}; CohortPagesServlet let only such paths through
  const setId = decodeURIComponent(window.location.pathname.substring(new URL(base).pathname.length).split('/')[1]);
  const setPath = 'cohort/patient-sets/' + encodeURIComponent(setId);
  let backgroundApps = [];
  let shownGrants = null;

  function showPageApps(apps) {
    const list = document.getElementById('page-apps');
    const usable = apps.filter((a) => a.scope !== 'container');
    if (usable.length === 0) {
      list.replaceChildren(element('li', { class: 'text-body-secondary', text: 'No app with a user interface is installed.' }));
      return;
    }
    list.replaceChildren(...usable.map((app) => element('li', { class: 'border rounded p-2 bg-white' },
      element('a', { class: 'fw-semibold d-block',
        href: base + 'cohorts/' + encodeURIComponent(setId) + '/apps/' + encodeURIComponent(app.id), text: app.name }),
      element('small', { class: 'text-body-secondary', text: app.description }))));
  }

  function progressOf(grant) {
    const total = grant.set_size;
    const percent = total > 0 ? Math.round(100 * grant.handed_out / total) : 0;
    return element('div', { class: 'mt-2' },
      element('div', { class: 'small grant-progress-text', text: grant.handed_out + ' of ' + total + ' records handed out' }),
      element('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Progress of ' + grant.app_id,
        'aria-valuemin': '0', 'aria-valuemax': String(total), 'aria-valuenow': String(grant.handed_out) },
      element('div', { class: 'progress-bar', style: 'width: ' + percent + '%' })));
  }

  async function change(method, app) {
    document.getElementById('grant-messages').replaceChildren();
    try {
      await call(setPath + '/grants/' + encodeURIComponent(app.id), { method });
    } catch (e) {
      showError('grant-messages', e);
    }
    await refreshGrants();
  }

  function showGrants(grants) {
    const byApp = new Map(grants.map((g) => [g.app_id, g]));
    const list = document.getElementById('background-apps');
    if (backgroundApps.length === 0) {
      list.replaceChildren(element('li', { class: 'text-body-secondary', text: 'No background or helper app is installed.' }));
      return;
    }
    list.replaceChildren(...backgroundApps.map((app) => {
      const grant = byApp.get(app.id);
      const item = element('li', { class: 'border rounded p-3 bg-white', 'data-app-id': app.id },
        element('strong', { class: 'd-block', text: app.name }),
        element('small', { class: 'text-body-secondary d-block', text: app.description }),
        element('div', { class: 'grant-status mt-1', text: grant
          ? 'Granted by ' + grant.granted_by + ' at ' + new Date(grant.granted_at).toLocaleString()
          : 'Not granted' }));
      if (grant) item.append(progressOf(grant));
      const button = grant
        ? element('button', { type: 'button', class: 'btn btn-sm btn-outline-danger mt-2', 'aria-label': 'Revoke ' + app.name, text: 'Revoke' })
        : element('button', { type: 'button', class: 'btn btn-sm btn-primary mt-2', 'aria-label': 'Grant ' + app.name, text: 'Grant' });
      button.addEventListener('click', () => change(grant ? 'DELETE' : 'PUT', app));
      item.append(button);
      return item;
    }));
  }

  // the list is drawn again only when a grant changed, so that a refresh does not take a button from under a click
  async function refreshGrants() {
    const grants = await call(setPath + '/grants');
    const text = JSON.stringify(grants);
    if (text !== shownGrants) {
      shownGrants = text;
      showGrants(grants);
    }
  }

  start().then(async () => {
    document.getElementById('set-title').textContent = 'Patient set ' + setId;
    document.title = 'Patient set ' + setId + ' – SMART Cohort Container';
    const [records, apps, background] = await Promise.all([call(setPath + '/records?limit=1'), call('apps'),
      call('apps?mode=background')]);
    document.getElementById('set-size').textContent = records.total + (records.total === 1 ? ' record' : ' records');
    showPageApps(apps);
    backgroundApps = background;
    await refreshGrants();
    const timer = window.setInterval(() => refreshGrants().catch((e) => {
      window.clearInterval(timer);
      showError('grant-messages', e);
    }), REFRESH_MS);
  }).catch((e) => {
    document.getElementById('set-size').textContent = '';
    showError('messages', e);
  });
}());
