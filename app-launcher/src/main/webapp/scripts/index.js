// The start page: record search; each record opens the record page.
(function () {
  'use strict';
  LAUNCHER.start().then(() => {
    RECORD_SEARCH.attach(document.getElementById('search'), document.getElementById('results'),
      (r) => 'record.html?record_id=' + encodeURIComponent(r.record_id));
  }).catch((e) => LAUNCHER.showError('results', e));
}());
