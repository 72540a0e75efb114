/*
 * The launcher's SMART Connect glue (docs/launcher.md, "SMART Connect in the browser"): SMART_CONNECT_HOST
 * with the hooks that make launches through /ui/launches, proxy API calls through /ui/connect and show apps
 * in iframes under the banner. Needs smart-connect-host.js on the page first.
 *
 *   LAUNCHER_HOST.init({container: element or id, csrfToken, user: {id, full_name}});
 *   LAUNCHER_HOST.launch(manifest, record);   // record {id, full_name}, or null for container-scope apps
 *   LAUNCHER_HOST.recordContextChanged();     // closes the record's apps and revokes their tokens
 */
(function (global) {
  'use strict';

  // The launcher's context root, from this script's own URL (<root>/js/launcher-host.js).
  const ROOT = new URL('..', document.currentScript.src).href;

  const state = {
    host: null,
    container: null,
    strip: null,
    frames: null,
    messages: null,
    csrfToken: null,
    user: null,
    visible: null
  };

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  /** One JSON or plain call to the launcher, with the session cookie and the CSRF header on changes. */
  function launcherFetch(path, options) {
    options = options || {};
    const headers = Object.assign({}, options.headers || {});
    const method = (options.method || 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      headers['X-CSRF-Token'] = state.csrfToken;
    }
    return fetch(ROOT + path, Object.assign({}, options, {
      method: method,
      headers: headers,
      credentials: 'same-origin'
    }));
  }

  /** The launcher's error answers are {"code", "message"}; anything else is shown by its status. */
  function errorOf(response) {
    return response.text().then(text => {
      let detail = text;
      try {
        const json = JSON.parse(text);
        if (json && json.message) {
          detail = json.message + (json.code ? ' (' + json.code + ')' : '');
        }
      } catch (e) {
        // not JSON: keep the text
      }
      return new Error('HTTP ' + response.status + (detail ? ': ' + detail : ''));
    });
  }

  function showMessage(text) {
    const message = element('p', 'launcher-app-error', text);
    message.setAttribute('role', 'alert');
    state.messages.appendChild(message);
  }

  function clearMessages() {
    state.messages.textContent = '';
  }

  function revoke(uuid, keepalive) {
    return launcherFetch('ui/launches/' + encodeURIComponent(uuid), {method: 'DELETE', keepalive: !!keepalive})
      .catch(() => {}); // the session's end revokes it anyway
  }

  function bareContentType(header) {
    return (header || '').split(';')[0].trim();
  }

  /** GET/DELETE parameters as a query string; arrays as repeated parameters. */
  function queryString(params) {
    if (params === null || params === undefined || params === '') {
      return '';
    }
    if (typeof params === 'string') {
      return params.charAt(0) === '?' ? params : '?' + params;
    }
    const q = new URLSearchParams();
    Object.keys(params).forEach(key => {
      [].concat(params[key]).forEach(v => {
        if (v !== undefined && v !== null) {
          q.append(key, String(v));
        }
      });
    });
    const s = q.toString();
    return s ? '?' + s : '';
  }

  function body(params, contentType) {
    if (params === null || params === undefined) {
      return '';
    }
    if (typeof params === 'string') {
      return params;
    }
    return contentType === 'application/json' ? JSON.stringify(params) : queryString(params).substring(1);
  }

  /* ---- the hooks */

  function installHooks(host) {
    host.get_api_base = function (instance, callback) {
      return launcherFetch('ui/launches', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({
          app_id: instance.manifest.id,
          record_id: instance.context && instance.context.record ? instance.context.record.id : null
        })
      }).then(response => {
        if (!response.ok) {
          return errorOf(response).then(e => { throw e; });
        }
        return response.json();
      }).then(launch => {
        // The launcher's answer is authoritative: its uuid names the launch, its manifest and context are the
        // installed app's and the signed-in user's, whatever the caller passed.
        instance.uuid = launch.uuid;
        instance.launch_url = launch.launch_url;
        instance.manifest = launch.manifest || instance.manifest;
        instance.context = launch.context || instance.context;
        instance.credentials = launch.credentials || null;
        callback(launch.api_base);
      });
    };

    host.get_iframe = function (instance, callback) {
      const frame = element('iframe', 'launcher-app-frame');
      frame.title = instance.manifest.name || instance.manifest.id;
      frame.setAttribute('data-app-id', instance.manifest.id);
      frame.hidden = true;
      state.frames.appendChild(frame);
      addTab(instance);
      callback(frame);
    };

    host.on_app_launch_complete = function (instance) {
      if (!instance.manifest.standalone) {
        host.display_app(instance);
      }
    };

    host.display_app = function (instance) {
      const previous = state.visible;
      state.visible = instance;
      Object.keys(host.running_apps).forEach(uuid => {
        const running = host.running_apps[uuid];
        const shown = running === instance;
        if (running.iframe) {
          running.iframe.hidden = !shown;
        }
        if (running.tab) {
          running.tab.classList.toggle('active', shown);
          running.tab.setAttribute('aria-pressed', String(shown));
        }
      });
      if (previous && previous !== instance && host.running_apps[previous.uuid]) {
        host.notify_app(previous, 'backgrounded');
      }
      if (previous !== instance) {
        host.notify_app(instance, 'foregrounded');
      }
    };

    host.on_app_ready = function (instance) {
      if (instance.tab) {
        instance.tab.classList.add('ready');
      }
      if (instance.iframe) {
        instance.iframe.setAttribute('data-ready', 'true');
      }
    };

    host.handle_api = function (instance, call, ok, err) {
      const method = call.method;
      const hasBody = method === 'PUT' || method === 'POST';
      const options = {method: method, headers: {}};
      let path = 'ui/connect/' + encodeURIComponent(instance.uuid) + call.func;
      if (hasBody) {
        options.headers['Content-Type'] = call.contentType;
        options.body = body(call.params, call.contentType);
      } else {
        path += queryString(call.params);
      }
      launcherFetch(path, options).then(response => response.text().then(text => {
        const answer = {contentType: bareContentType(response.headers.get('Content-Type')), data: text};
        if (response.ok) {
          answer.status = response.status;
          ok(answer);
        } else {
          err(response.status, answer);
        }
      })).catch(e => err(502, {contentType: 'text/plain', data: 'the launcher could not be reached: ' + e.message}));
    };

    const destroyed = host.on_app_destroyed;
    host.on_app_destroyed = function (instance) {
      destroyed.call(host, instance);
      if (instance.tab && instance.tab.parentNode) {
        instance.tab.parentNode.removeChild(instance.tab);
      }
      revoke(instance.uuid);
      if (state.visible === instance) {
        state.visible = null;
        const next = Object.keys(host.running_apps).map(uuid => host.running_apps[uuid]).find(i => i.iframe);
        if (next) {
          host.display_app(next);
        }
      }
    };

    host.on_app_launch_failed = function (instance, error) {
      if (instance.tab && instance.tab.parentNode) {
        instance.tab.parentNode.removeChild(instance.tab);
      }
      if (instance.iframe && instance.iframe.parentNode) {
        instance.iframe.parentNode.removeChild(instance.iframe);
      }
      const name = instance.manifest ? instance.manifest.name || instance.manifest.id : 'the app';
      showMessage(name + ' could not be launched: ' + (error && error.message ? error.message : error));
    };
  }

  /** A button in the strip of running apps: shows the app; its × closes it. */
  function addTab(instance) {
    const host = state.host;
    const tab = element('span', 'launcher-app-tab');
    tab.setAttribute('data-app-id', instance.manifest.id);
    const show = element('button', 'launcher-app-show');
    show.type = 'button';
    if (instance.manifest.icon) {
      const icon = element('img', 'launcher-app-icon');
      icon.src = instance.manifest.icon;
      icon.alt = '';
      show.appendChild(icon);
    }
    show.appendChild(document.createTextNode(instance.manifest.name || instance.manifest.id));
    show.addEventListener('click', () => host.display_app(instance));
    const close = element('button', 'launcher-app-close', '\u00d7');
    close.type = 'button';
    close.title = 'Close ' + (instance.manifest.name || instance.manifest.id);
    close.setAttribute('aria-label', close.title);
    close.addEventListener('click', () => host.destroy_app_instance(instance));
    tab.appendChild(show);
    tab.appendChild(close);
    state.strip.appendChild(tab);
    instance.tab = tab;
  }

  function addStylesheet() {
    if (document.querySelector('link[data-launcher-host]')) {
      return;
    }
    const link = element('link');
    link.rel = 'stylesheet';
    link.href = ROOT + 'css/launcher-host.css';
    link.setAttribute('data-launcher-host', '');
    document.head.appendChild(link);
  }

  function runningApps() {
    const host = state.host;
    return Object.keys(host.running_apps).map(uuid => host.running_apps[uuid]);
  }

  const LAUNCHER_HOST = {
    /** @param options {container: Element|string, csrfToken: string, user: {id, full_name}} */
    init: function (options) {
      if (state.host) {
        throw new Error('LAUNCHER_HOST is already initialised');
      }
      state.container = typeof options.container === 'string'
        ? document.getElementById(options.container) : options.container;
      state.csrfToken = options.csrfToken;
      state.user = options.user;
      state.container.classList.add('launcher-apps');
      state.messages = element('div', 'launcher-app-messages');
      state.strip = element('nav', 'launcher-app-strip');
      state.strip.setAttribute('aria-label', 'Running apps');
      state.frames = element('div', 'launcher-app-frames');
      state.container.appendChild(state.messages);
      state.container.appendChild(state.strip);
      state.container.appendChild(state.frames);
      addStylesheet();
      state.host = new global.SMART_CONNECT_HOST();
      installHooks(state.host);
      // Leaving the page ends its launches; keepalive lets the requests outlive the page.
      global.addEventListener('pagehide', () => {
        runningApps().forEach(instance => revoke(instance.uuid, true));
        Object.keys(state.host.delegated_apps).forEach(uuid => revoke(uuid, true));
      });
      return LAUNCHER_HOST;
    },

    /**
     * Launches an app for a record (null for container-scope apps). An app already running for that record is
     * shown instead of launched twice.
     * @returns a promise of the app instance
     */
    launch: function (manifest, record) {
      const host = state.host;
      if (!host) {
        throw new Error('call LAUNCHER_HOST.init first');
      }
      const recordId = record ? record.id : null;
      const running = runningApps().find(i => i.manifest.id === manifest.id && !i.launched_by
        && ((i.context.record && i.context.record.id) || null) === recordId);
      if (running && !running.manifest.standalone) {
        host.display_app(running);
        return Promise.resolve(running);
      }
      clearMessages();
      const context = {
        user: {id: state.user.id, full_name: state.user.full_name},
        record: record ? {id: record.id, full_name: record.full_name} : null,
        browser_environment: 'desktop'
      };
      return host.launch_app(manifest, context, {});
    },

    /** The record changed: record-scope apps are closed and their tokens revoked. */
    recordContextChanged: function () {
      if (state.host) {
        state.host.record_context_changed();
      }
    },

    /** The SMART_CONNECT_HOST behind it, for pages that register notifications (host.on(name, fn)). */
    host: function () {
      return state.host;
    },

    /** The running app instances. */
    running: function () {
      return state.host ? runningApps() : [];
    }
  };

  global.LAUNCHER_HOST = LAUNCHER_HOST;
})(window);
