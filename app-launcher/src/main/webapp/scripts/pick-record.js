// The record picker of an app launch (smart-classic §4.4 step 1): a record takes the browser back to app_launch.
(function () {
  'use strict';
  const appId = new URLSearchParams(window.location.search).get('app_id') || '';
  LAUNCHER.start().then(async () => {
    const apps = await LAUNCHER.call('apps');
    const app = apps.find((a) => a.id === appId);
    if (!app) throw new LAUNCHER.CallError(404, 'APP_NOT_FOUND', 'No enabled app has the id ' + appId + '.');
    document.getElementById('for-app').textContent = 'Choose the record to open ' + app.name + ' with.';
    RECORD_SEARCH.attach(document.getElementById('search'), document.getElementById('results'),
      (r) => 'apps/' + encodeURIComponent(appId) + '/launch?record_id=' + encodeURIComponent(r.record_id));
  }).catch((e) => LAUNCHER.showError('results', e));
}());
