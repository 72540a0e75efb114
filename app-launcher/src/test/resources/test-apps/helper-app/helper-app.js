/*
 * Called by the helper caller: reads the question from SMART.ready_data and answers at once with
 * SMART.complete({answer: "echo: <question>"}), which closes it. It shows #question and #status ("answered",
 * or "error: ..."; "no question" when launched on its own, then it stays open).
 */
(function () {
  'use strict';

  const status = document.getElementById('status');

  function fail(error) {
    status.textContent = 'error: ' + (error && error.message ? error.message : String(error && error.status || error));
  }

  window.loadLauncherScripts(['/smart/smart-api-client.js']).then(() => {
    window.SMART.ready(function () {
      const data = window.SMART.ready_data;
      if (!data || data.question === undefined) {
        status.textContent = 'no question';
        return;
      }
      document.getElementById('question').textContent = data.question;
      status.textContent = 'answered';
      window.SMART.complete({answer: 'echo: ' + data.question});
    }).fail(fail);
  }, fail);
})();
