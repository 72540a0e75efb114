/*
 * A frame_ui app that is a SMART Connect host for an app of its own (the classic smart-frame-ui.js pattern):
 * its SMART_CONNECT_HOST launches the child through SMART.launch_app_delegated and forwards the child's API
 * calls through SMART.api_call_delegated. It shows:
 *   #status  "ready" (its own SMART.ready), "launching child", "child launched", then "child ready" when the
 *            child answered the container's ready; "error: ..." on a failure
 *   #child   the child's iframe (data-app-id="wire-app@test.smartcc.local"), which shows the child's own #result
 */
(function () {
  'use strict';

  const CHILD_APP_ID = 'wire-app@test.smartcc.local';
  const status = document.getElementById('status');

  function fail(error) {
    status.textContent = 'error: ' + (error && error.message
      ? (typeof error.message === 'string' ? error.message : JSON.stringify(error.message)) : String(error && error.status || error));
  }

  function hostForChildren() {
    const host = new window.SMART_CONNECT_HOST();
    host.get_api_base = function (instance, callback) {
      return window.SMART.launch_app_delegated(instance).then(launched => {
        // The container's launch names the child: its uuid scopes the child's channel and its API calls.
        instance.uuid = launched.uuid;
        instance.context = launched.context;
        instance.manifest = launched.manifest;
        instance.launch_url = launched.launch_url;
        instance.credentials = launched.credentials || null;
        callback(launched.api_base);
      });
    };
    host.get_iframe = function (instance, callback) {
      const frame = document.createElement('iframe');
      frame.setAttribute('data-app-id', instance.manifest.id);
      frame.title = instance.manifest.name;
      document.getElementById('child').appendChild(frame);
      callback(frame);
    };
    host.handle_api = function (instance, call, ok, err) {
      window.SMART.api_call_delegated(instance, call).then(ok, e => err(e.status, e.message));
    };
    host.on_app_ready = function () {
      status.textContent = 'child ready';
    };
    host.on_app_launch_failed = function (instance, error) {
      fail(error);
    };
    return host;
  }

  window.loadLauncherScripts(['/js/smart-connect-host.js', '/smart/smart-api-client.js']).then(() => {
    window.SMART.ready(function () {
      status.textContent = 'ready';
      const host = hostForChildren();
      window.SMART.get_app_manifest({descriptor: CHILD_APP_ID}).then(response => {
        status.textContent = 'launching child';
        return host.launch_app(response.json, window.SMART.context, {});
      }).then(() => {
        if (status.textContent === 'launching child') {
          status.textContent = 'child launched';
        }
      }).catch(fail);
    }).fail(fail);
  }, fail);
})();
