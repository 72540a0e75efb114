// Cohort mode (/cohorts/{set_id}/apps/{app_id}, docs/cohort-ui.md): one app paged through the records of a patient
// set. Each move closes the app on the previous record (LAUNCHER_HOST's record-context change, which revokes that
// instance's tokens), launches it on the new record under its banner, and saves the position for the next visit.
(function () {
  'use strict';
  const { base, call, element, showError, start } = LAUNCHER;
  const host = window.LAUNCHER_HOST;
  // the link is /cohorts/{set_id}/apps/{app_id}; CohortPagesServlet let only such paths through
  const parts = window.location.pathname.substring(new URL(base).pathname.length).split('/').map(decodeURIComponent);
  const setId = parts[1];
  const appId = parts[3];
  const setPath = 'cohort/patient-sets/' + encodeURIComponent(setId);
  const previousButton = document.getElementById('previous');
  const nextButton = document.getElementById('next');
  const goField = document.getElementById('go-to');
  let app = null;
  let total = 0;
  let current = 0;
  let moving = false;

  function showBanner(record) {
    const fact = (term, value) => [element('dt', { class: 'col-auto', text: term }),
      element('dd', { class: 'col-auto me-3 mb-0', text: value || '–' })];
    document.getElementById('banner').replaceChildren(
      element('h1', { class: 'h4', id: 'patient-name', text: record.full_name }),
      element('dl', { class: 'row mb-0' }, ...fact('Sex', record.gender), ...fact('Birth date', record.birthday),
        ...fact('MRN', record.mrn)));
    document.title = record.full_name + ' – ' + app.name + ' – SMART Cohort Container';
  }

  function showPosition() {
    document.getElementById('record-position').textContent = 'Record ' + current + ' of ' + total;
    previousButton.disabled = moving || current <= 1;
    nextButton.disabled = moving || current >= total;
    goField.max = String(total);
  }

  // A set never changes, so its members are read a page at a time and kept, and the next record's banner is read
  // while the user looks at this one: "Next" then waits for no call before the launch (docs/benchmarks.md).
  const PAGE = 100;
  const pages = new Map();
  const banners = new Map();

  function memberAt(position) {
    const offset = Math.floor((position - 1) / PAGE) * PAGE;
    if (!pages.has(offset)) {
      pages.set(offset, call(setPath + '/records?offset=' + offset + '&limit=' + PAGE).then((page) => page.records)
        .catch((e) => { pages.delete(offset); throw e; }));
    }
    return pages.get(offset).then((records) => records[position - 1 - offset]);
  }

  function banner(recordId) {
    if (!banners.has(recordId)) {
      banners.set(recordId, call('records/' + encodeURIComponent(recordId))
        .catch((e) => { banners.delete(recordId); throw e; }));
    }
    return banners.get(recordId);
  }

  async function moveTo(position) {
    if (moving || position < 1 || position > total) return;
    moving = true;
    showPosition();
    document.getElementById('messages').replaceChildren();
    try {
      const member = await memberAt(position);
      if (!member) throw new Error('The set has no record ' + position + ' any more.');
      const record = await banner(member.record_id);
      host.recordContextChanged();
      current = position;
      showBanner(record);
      // awaited, so that the next move closes this instance too; LAUNCHER_HOST shows a launch that failed
      await host.launch(app.manifest, { id: record.record_id, full_name: record.full_name }).catch(() => {});
      await call(setPath + '/position', { method: 'PUT', json: { position, app_id: app.id } });
      if (position < total) memberAt(position + 1).then((next) => next && banner(next.record_id)).catch(() => {});
    } catch (e) {
      showError('messages', e);
    } finally {
      moving = false;
      showPosition();
    }
  }

  previousButton.addEventListener('click', () => moveTo(current - 1));
  nextButton.addEventListener('click', () => moveTo(current + 1));
  document.getElementById('go-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const position = Number(goField.value);
    if (Number.isInteger(position) && position >= 1 && position <= total) moveTo(position);
    else showError('messages', new Error('Choose a record number from 1 to ' + total + '.'));
  });

  start().then(async (session) => {
    const setLink = document.getElementById('set-link');
    setLink.href = base + 'cohorts/' + encodeURIComponent(setId);
    setLink.textContent = 'Patient set ' + setId;
    const [apps, first, saved] = await Promise.all([call('apps'), call(setPath + '/records?limit=1'),
      call(setPath + '/position')]);
    app = apps.find((a) => a.id === appId);
    if (!app) throw new Error('No enabled app with a user interface has the id ' + appId + '.');
    total = first.total;
    if (total === 0) {
      document.getElementById('record-position').textContent = 'The set has no SMART records.';
      return;
    }
    host.init({ container: document.getElementById('app-area'), csrfToken: session.csrf_token,
      user: { id: session.user.id, full_name: session.user.full_name } });
    await moveTo(saved.position <= total ? saved.position : 1);
  }).catch((e) => showError('messages', e));
}());
