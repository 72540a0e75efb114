// The record page: patient banner, app gallery, and the app area driven by LAUNCHER_HOST (js/launcher-host.js).
(function () {
  'use strict';
  const { call, element, showError, start } = LAUNCHER;
  const params = new URLSearchParams(window.location.search);
  const recordId = params.get('record_id');
  const appToOpen = params.get('app');
  const host = typeof window.LAUNCHER_HOST === 'undefined' ? null : window.LAUNCHER_HOST;

  function showBanner(record) {
    const banner = document.getElementById('banner');
    if (!record) {
      banner.replaceChildren(element('h1', { class: 'h4 mb-0', text: 'No record' }),
        element('p', { class: 'mb-0 text-body-secondary', text: 'Apps for the whole container' }));
      return;
    }
    document.title = record.full_name + ' – SMART Cohort Container';
    const fact = (term, value) => [element('dt', { class: 'col-auto', text: term }),
      element('dd', { class: 'col-auto me-3 mb-0', text: value || '–' })];
    banner.replaceChildren(element('h1', { class: 'h4', id: 'patient-name', text: record.full_name }),
      element('dl', { class: 'row mb-0' }, ...fact('Sex', record.gender), ...fact('Birth date', record.birthday),
        ...fact('MRN', record.mrn)));
  }

  function launch(app, record) {
    if (!host) {
      showError('messages', new Error('The app host (js/launcher-host.js) is not available, so apps cannot open.'));
      return;
    }
    document.getElementById('messages').replaceChildren();
    host.launch(app.manifest, record ? { id: record.record_id, full_name: record.full_name } : null);
  }

  // an icon that cannot be loaded (the reference sample apps' icons lie on hosts that may be out of reach) becomes
  // the app's initial rather than a broken image
  function appIcon(app) {
    const initial = element('span', { class: 'app-icon-initial', 'aria-hidden': 'true',
      text: (app.name || '?').charAt(0).toUpperCase() });
    if (!app.icon) return initial;
    const img = element('img', { src: app.icon, alt: '' });
    img.addEventListener('error', () => img.replaceWith(initial));
    return img;
  }

  function showGallery(apps, record) {
    const usable = apps.filter((a) => (a.scope === 'container') === !record);
    const gallery = document.getElementById('gallery');
    if (usable.length === 0) {
      gallery.replaceChildren(element('li', { class: 'text-body-secondary', text: 'No apps are installed for this.' }));
      return;
    }
    gallery.replaceChildren(...usable.map((app) => {
      const button = element('button', { type: 'button', class: 'btn btn-light border w-100 d-flex gap-2 app-card',
        'aria-label': 'Launch ' + app.name },
        appIcon(app),
        element('span', {}, element('strong', { class: 'd-block', text: app.name }),
          element('small', { class: 'text-body-secondary', text: app.description })));
      button.addEventListener('click', () => launch(app, record));
      return element('li', {}, button);
    }));
  }

  start().then(async (session) => {
    const [record, apps] = await Promise.all([recordId ? call('records/' + encodeURIComponent(recordId)) : null,
      call('apps')]);
    showBanner(record);
    showGallery(apps, record);
    if (host) {
      host.init({ container: document.getElementById('app-area'), csrfToken: session.csrf_token,
        user: { id: session.user.id, full_name: session.user.full_name } });
      // the record's apps end with the page; their tokens are revoked at once rather than left to expire
      window.addEventListener('pagehide', () => host.recordContextChanged());
    }
    if (appToOpen) {
      const app = apps.find((a) => a.id === appToOpen);
      if (app) launch(app, record);
      else showError('messages', new Error('No enabled app has the id ' + appToOpen + '.'));
    }
  }).catch((e) => showError('messages', e));
}());
