/*
 * Calls the helper app with SMART.call_app and shows its answer. It shows:
 *   #status       "ready" once SMART is ready (the button is enabled then), "calling", "returned", or "error: ..."
 *   #call-helper  the button "Call helper": calls helper-app@test.smartcc.local with {question: "ping-42"}
 *   #returned     the answer the helper returned, "echo: ping-42"
 */
(function () {
  'use strict';

  const HELPER_APP_ID = 'helper-app@test.smartcc.local';
  const QUESTION = 'ping-42';
  const status = document.getElementById('status');
  const button = document.getElementById('call-helper');

  function fail(error) {
    status.textContent = 'error: ' + (error && error.message
      ? (typeof error.message === 'string' ? error.message : JSON.stringify(error.message)) : String(error && error.status || error));
  }

  function callHelper() {
    status.textContent = 'calling';
    window.SMART.get_app_manifest({descriptor: HELPER_APP_ID})
      .then(response => window.SMART.call_app(response.json, {question: QUESTION}))
      .then(returned => {
        document.getElementById('returned').textContent = returned && returned.answer;
        status.textContent = 'returned';
      })
      .catch(fail);
  }

  window.loadLauncherScripts(['/smart/smart-api-client.js']).then(() => {
    window.SMART.ready(function () {
      status.textContent = 'ready';
      button.disabled = false;
      button.addEventListener('click', callHelper);
    }).fail(fail);
  }, fail);
})();
