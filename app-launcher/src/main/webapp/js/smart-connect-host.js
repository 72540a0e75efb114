/*
 * SMART Connect, container side (smart-classic §6): the jschannel wire protocol and SMART_CONNECT_HOST.
 *
 * Written from the protocol description, not from the original files. Apps built on the classic 0.6
 * smart-api-client.js (which uses Mozilla's jschannel) talk to this host unmodified, so every message
 * below keeps jschannel's exact shape:
 *   request       {"id":N,"method":"<scope>::name","params":...}
 *   response      {"id":N,"result":...}
 *   error         {"id":N,"error":code,"message":detail}
 *   notification  {"method":"<scope>::name","params":...}
 * all sent as JSON strings through window.postMessage.
 */
(function (global) {
  'use strict';

  if (global.SMART_CHANNEL && global.SMART_CONNECT_HOST) {
    return; // loaded twice (an app that is also a host loads it itself and through the client library)
  }

  /* ------------------------------------------------------------------ the channel (jschannel's wire format) */

  // jschannel starts its transaction ids at a random number so that two channels of one window rarely clash;
  // never 0, which jschannel would not take for an id.
  let nextTransactionId = Math.floor(Math.random() * 1000000) + 1;

  /**
   * One end of a channel to another window.
   * @param {{window: Window, origin: string, scope: string, onReady?: function}} config
   *        origin: the other side's origin ('*' accepts any and posts to any, as the classic app side does)
   */
  function buildChannel(config) {
    const other = config.window;
    const origin = config.origin;
    const scope = config.scope;
    const handlers = {};
    const pending = {};           // our requests waiting for an answer, by id
    let queue = [];               // messages sent before the other side was ready
    let ready = false;
    let destroyed = false;
    const channel = {};

    function post(message, force) {
      if (destroyed) {
        return;
      }
      if (!ready && !force) {
        queue.push(message);
        return;
      }
      other.postMessage(JSON.stringify(message), origin);
    }

    function scoped(name) {
      return scope ? scope + '::' + name : name;
    }

    function becomeReady(type) {
      if (ready) {
        return; // both sides pinged at once: the second ping or pong changes nothing
      }
      ready = true;
      if (type === 'ping') {
        post({method: scoped('__ready'), params: 'pong'});
      }
      const waiting = queue;
      queue = [];
      waiting.forEach(m => post(m));
      if (typeof config.onReady === 'function') {
        config.onReady(channel);
      }
    }

    function transaction(id, origin) {
      let delayed = false;
      let done = false;
      function answer(message) {
        if (done) {
          throw new Error('transaction ' + id + ' already answered');
        }
        done = true;
        post(message);
      }
      return {
        origin: origin,
        delayReturn: function (flag) { delayed = flag !== false; return delayed; },
        isDelayed: function () { return delayed; },
        complete: function (result) { answer({id: id, result: result}); },
        error: function (code, message) { answer({id: id, error: code, message: message}); },
        completed: function () { return done; }
      };
    }

    function handleRequest(message, name, eventOrigin) {
      const trans = transaction(message.id, eventOrigin);
      const handler = handlers[name];
      if (!handler) {
        trans.error('method_not_found', "No method '" + name + "' was bound");
        return;
      }
      try {
        const result = handler(trans, message.params);
        if (!trans.isDelayed() && !trans.completed()) {
          trans.complete(result === undefined ? null : result);
        }
      } catch (e) {
        if (!trans.completed()) {
          const described = describeError(e);
          trans.error(described[0], described[1]);
        }
      }
    }

    function onMessage(event) {
      if (destroyed || event.source !== other || typeof event.data !== 'string') {
        return;
      }
      if (origin !== '*' && event.origin.toLowerCase() !== origin) {
        return;
      }
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return; // not ours
      }
      if (message === null || typeof message !== 'object') {
        return; // e.g. the handshake strings "procure_channel" and "app_instance_uuid=..."
      }
      if (typeof message.method === 'string') {
        const separator = message.method.indexOf('::');
        const messageScope = separator < 0 ? '' : message.method.substring(0, separator);
        const name = separator < 0 ? message.method : message.method.substring(separator + 2);
        if (messageScope !== (scope || '')) {
          return;
        }
        if (name === '__ready') {
          becomeReady(message.params);
        } else if (message.id !== undefined && message.id !== null) {
          handleRequest(message, name, event.origin);
        } else if (handlers[name]) {
          handlers[name]({origin: event.origin}, message.params);
        } else if (typeof channel.onNotification === 'function') {
          channel.onNotification(name, message.params);
        }
      } else if (message.id !== undefined && pending[message.id]) {
        const call = pending[message.id];
        delete pending[message.id];
        if (Object.prototype.hasOwnProperty.call(message, 'error')) {
          if (typeof call.error === 'function') {
            call.error(message.error, message.message);
          }
        } else if (typeof call.success === 'function') {
          call.success(message.result);
        }
      }
    }

    channel.bind = function (name, handler) {
      handlers[name] = handler;
      return channel;
    };
    channel.unbind = function (name) {
      delete handlers[name];
      return channel;
    };
    /** @param {{method: string, params?: *, success?: function(*), error?: function(code, message)}} call */
    channel.call = function (call) {
      const id = nextTransactionId++;
      pending[id] = call;
      post({id: id, method: scoped(call.method), params: call.params});
    };
    channel.notify = function (notification) {
      post({method: scoped(notification.method), params: notification.params});
    };
    channel.destroy = function () {
      destroyed = true;
      global.removeEventListener('message', onMessage);
      Object.keys(pending).forEach(id => {
        const call = pending[id];
        delete pending[id];
        if (typeof call.error === 'function') {
          call.error('channel_destroyed', 'the channel was closed before an answer came');
        }
      });
    };
    channel.isReady = function () {
      return ready;
    };

    global.addEventListener('message', onMessage);
    // Ping after the caller's current task, so that the host's "app_instance_uuid" reply reaches the app first.
    setTimeout(() => post({method: scoped('__ready'), params: 'ping'}, true), 0);
    return channel;
  }

  /** jschannel's error conventions: [code, message] arrays, {error, message} objects, anything else is runtime. */
  function describeError(e) {
    if (Array.isArray(e) && e.length === 2) {
      return e;
    }
    if (e && typeof e === 'object' && e.error !== undefined) {
      return [e.error, e.message];
    }
    return ['runtime_error', e && e.message ? e.message : String(e)];
  }

  global.SMART_CHANNEL = {build: buildChannel};

  /* ------------------------------------------------------------------ the host */

  function originOf(url) {
    const u = new URL(url, global.location.href);
    return (u.protocol + '//' + u.host).toLowerCase();
  }

  function randomUuid() {
    if (global.crypto && typeof global.crypto.randomUUID === 'function') {
      return global.crypto.randomUUID();
    }
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, c => {
      const r = Math.random() * 16 | 0;
      return (c === 'x' ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  /** A content type without parameters: the classic client parses RDF and JSON only on exact matches. */
  function bareContentType(contentType) {
    return (contentType || '').split(';')[0].trim();
  }

  /**
   * Runs one hook in the classic style hook(instance, callback): it may call the callback, return a
   * promise, or throw. The launch stops when it throws or its promise rejects.
   */
  function runHook(host, hook, instance) {
    return new Promise((resolve, reject) => {
      try {
        const returned = hook.call(host, instance, resolve);
        if (returned && typeof returned.then === 'function') {
          returned.then(resolve, reject);
        }
      } catch (e) {
        reject(e);
      }
    });
  }

  /** What a delegated launch hands back to the frame_ui app: the instance without windows and channels. */
  function portable(instance) {
    const copy = {
      uuid: instance.uuid,
      context: instance.context,
      manifest: instance.manifest,
      api_base: instance.api_base,
      launch_url: instance.launch_url
    };
    if (instance.credentials) {
      copy.credentials = instance.credentials;
    }
    return copy;
  }

  function SMART_CONNECT_HOST() {
    if (!(this instanceof SMART_CONNECT_HOST)) {
      return new SMART_CONNECT_HOST();
    }
    this.running_apps = {};   // uuid -> app instance with a window of its own
    this.delegated_apps = {}; // uuid -> instance launched for a frame_ui app, shown inside that app
    this.notification_handlers = {};
    this._listener = this._on_message.bind(this);
    global.addEventListener('message', this._listener);
  }

  const proto = SMART_CONNECT_HOST.prototype;

  /* ---- hooks a container overrides; the defaults let a bare host run apps from their manifest */

  proto.on_app_launch_begin = function (app_instance, callback) { callback(); };
  proto.get_api_base = function (app_instance, callback) { callback(null); };
  proto.get_iframe = function (app_instance, callback) {
    const iframe = global.document.createElement('iframe');
    global.document.body.appendChild(iframe);
    callback(iframe);
  };
  proto.on_app_launch_complete = function (app_instance) {};
  proto.on_app_launch_delegated_begin = function (app_instance, callback) { callback(); };
  proto.on_app_launch_delegated_complete = function (app_instance) {};
  proto.on_app_ready = function (app_instance) {};
  proto.display_app = function (app_instance) {};
  proto.handle_api = function (app_instance, api_call, success, error) {
    error(501, {contentType: 'text/plain', data: 'this container does not proxy API calls'});
  };
  proto.handle_context_changed = function () {};
  /** Called once an instance is gone (its window closed, channel shut): remove its frame, release its launch. */
  proto.on_app_destroyed = function (app_instance) {
    if (app_instance.iframe && app_instance.iframe.parentNode) {
      app_instance.iframe.parentNode.removeChild(app_instance.iframe);
    }
    if (app_instance.standalone_window && !app_instance.standalone_window.closed) {
      app_instance.standalone_window.close();
    }
  };
  /** Called when a hook failed and the launch was given up. */
  proto.on_app_launch_failed = function (app_instance, error) {
    if (global.console) {
      global.console.error('SMART app launch failed', error);
    }
  };

  /* ---- launching */

  /**
   * Launches an app: the hooks in the classic order, then the window, then the handshake when the app asks.
   * @param manifest the app manifest (mode and id matter: the client installs its API by mode)
   * @param context  {user: {id, full_name}, record: {id, full_name} | null, ...}
   * @param options  {ready_data?, launched_by?: app instance}
   * @returns a promise of the instance (rejected when a hook failed)
   */
  proto.launch_app = function (manifest, context, options) {
    options = options || {};
    const host = this;
    const instance = {
      uuid: randomUuid(),
      manifest: manifest,
      context: context,
      ready_data: options.ready_data === undefined ? null : options.ready_data,
      launched_by: options.launched_by || null,
      api_base: null,
      launch_url: null,
      credentials: null,
      iframe: null,
      window: null
    };
    return runHook(host, host.on_app_launch_begin, instance)
      .then(() => runHook(host, host.get_api_base, instance))
      .then(apiBase => {
        if (apiBase !== undefined && apiBase !== null) {
          instance.api_base = apiBase;
        }
        instance.launch_url = instance.launch_url || launchUrl(instance);
        instance.origin = originOf(instance.launch_url);
        host.running_apps[instance.uuid] = instance;
        if (instance.manifest.standalone) {
          instance.standalone_window = global.open(instance.launch_url, '_blank');
          instance.window = instance.standalone_window;
          return instance;
        }
        return runHook(host, host.get_iframe, instance).then(iframe => {
          instance.iframe = iframe;
          iframe.src = instance.launch_url;
          instance.window = iframe.contentWindow;
          return instance;
        });
      })
      .then(() => {
        host.on_app_launch_complete(instance);
        return instance;
      })
      .catch(error => {
        delete host.running_apps[instance.uuid];
        host.on_app_launch_failed(instance, error);
        throw error;
      });
  };

  /** §4.3 step 3: index + api_base + record_id, used when get_api_base left no launch URL of its own. */
  function launchUrl(instance) {
    const index = instance.manifest.index;
    const parameters = [];
    if (instance.api_base) {
      parameters.push('api_base=' + encodeURIComponent(instance.api_base));
    }
    if (instance.context && instance.context.record && instance.context.record.id) {
      parameters.push('record_id=' + encodeURIComponent(instance.context.record.id));
    }
    if (parameters.length === 0) {
      return index;
    }
    return index + (index.indexOf('?') < 0 ? '?' : '&') + parameters.join('&');
  }

  /* ---- the handshake (§6.2 steps 2 and 5) */

  proto._on_message = function (event) {
    if (event.data !== '"procure_channel"') {
      return;
    }
    const instance = this._instance_of_window(event.source);
    if (!instance) {
      return; // some other window; only apps we launched get a channel
    }
    if (instance.channel) {
      instance.channel.destroy(); // the app navigated or reloaded and asks again
    }
    instance.window = event.source;
    instance.channel = buildChannel({window: event.source, origin: instance.origin, scope: instance.uuid});
    this._bind_app_methods(instance);
    event.source.postMessage('"app_instance_uuid=' + instance.uuid + '"', instance.origin);
    this._send_ready(instance);
  };

  proto._instance_of_window = function (source) {
    const host = this;
    return Object.keys(host.running_apps).map(uuid => host.running_apps[uuid]).find(instance =>
      (instance.iframe && instance.iframe.contentWindow === source) || instance.window === source) || null;
  };

  proto._send_ready = function (instance) {
    const host = this;
    const params = {
      context: instance.context,
      uuid: instance.uuid,
      manifest: instance.manifest,
      ready_data: instance.ready_data
    };
    if (instance.credentials) {
      params.credentials = instance.credentials; // only legacy (0.3-0.5) launches have them
    }
    instance.channel.call({
      method: 'ready',
      params: params,
      success: function () { host.on_app_ready(instance); },
      error: function (code, message) {
        host.on_app_launch_failed(instance, new Error('the app refused ready: ' + code + ' ' + JSON.stringify(message)));
      }
    });
  };

  proto._bind_app_methods = function (instance) {
    const host = this;
    const channel = instance.channel;
    const isFrameUi = instance.manifest && instance.manifest.mode === 'frame_ui';

    channel.bind('api_call', function (trans, call) {
      trans.delayReturn(true);
      host._proxy_api_call(instance, call, trans);
    });

    channel.bind('call_app', function (trans, params) {
      trans.delayReturn(true);
      host._call_app(instance, params || {}, trans);
    });

    channel.bind('return', function (trans, data) {
      host._app_returned(instance, data);
    });

    channel.bind('api_call_delegated', function (trans, params) {
      trans.delayReturn(true);
      const nested = params && params.app_instance && host.delegated_apps[params.app_instance.uuid];
      if (!isFrameUi || !nested || nested.delegated_by !== instance) {
        trans.error(403, {contentType: 'text/plain', data: 'no such app instance was launched by this app'});
        return;
      }
      host._proxy_api_call(nested, params.call_info || {}, trans);
    });

    channel.bind('launch_app_delegated', function (trans, nested) {
      trans.delayReturn(true);
      if (!isFrameUi) {
        trans.error(403, 'only frame_ui apps launch apps of their own');
        return;
      }
      host._launch_delegated(instance, nested || {}, trans);
    });

    channel.onNotification = function (name, params) {
      (host.notification_handlers[name] || []).forEach(handler => handler(instance, params));
    };
  };

  /* ---- API calls */

  /** Accepts the 0.6 client's {func, method, params, contentType} and the documented {type, ...}. */
  proto._proxy_api_call = function (instance, call, trans) {
    const apiCall = {
      func: call.func,
      method: String(call.method || call.type || 'GET').toUpperCase(),
      params: call.params === undefined ? null : call.params,
      contentType: call.contentType || 'application/x-www-form-urlencoded'
    };
    if (typeof apiCall.func !== 'string' || apiCall.func.charAt(0) !== '/') {
      trans.error(400, {contentType: 'text/plain', data: 'func must be a path relative to the API base'});
      return;
    }
    let answered = false;
    function once(fn) {
      return function () {
        if (!answered) {
          answered = true;
          fn.apply(null, arguments);
        }
      };
    }
    try {
      this.handle_api(instance, apiCall,
        once(function (result) {
          result = result || {};
          const answer = {contentType: bareContentType(result.contentType), data: result.data === undefined ? '' : result.data};
          if (result.status !== undefined) {
            answer.status = result.status;
          }
          trans.complete(answer);
        }),
        once(function (status, message) {
          message = message || {};
          trans.error(status, {contentType: bareContentType(message.contentType), data: message.data === undefined ? '' : message.data});
        }));
    } catch (e) {
      if (!answered) {
        answered = true;
        trans.error(500, {contentType: 'text/plain', data: String(e && e.message ? e.message : e)});
      }
    }
  };

  /* ---- call_app / return */

  proto._call_app = function (caller, params, trans) {
    const host = this;
    if (!params.manifest) {
      trans.error(400, 'call_app needs the manifest of the app to call');
      return;
    }
    host.launch_app(params.manifest, caller.context, {ready_data: params.ready_data, launched_by: caller})
      .then(callee => {
        callee.return_to = trans;
        host.display_app(callee);
      })
      .catch(error => trans.error('launch_failed', String(error && error.message ? error.message : error)));
  };

  proto._app_returned = function (callee, data) {
    const caller = callee.launched_by;
    const trans = callee.return_to;
    callee.return_to = null;
    this.destroy_app_instance(callee);
    if (trans) {
      trans.complete(data === undefined ? null : data);
    }
    if (caller && this.running_apps[caller.uuid]) {
      this.display_app(caller);
    }
  };

  /* ---- delegated launches (frame_ui apps hosting apps of their own) */

  proto._launch_delegated = function (frameApp, nested, trans) {
    const host = this;
    const instance = {
      uuid: nested.uuid || randomUuid(),
      context: nested.context || frameApp.context,
      manifest: nested.manifest,
      ready_data: nested.ready_data === undefined ? null : nested.ready_data,
      api_base: null,
      launch_url: null,
      credentials: null,
      delegated_by: frameApp
    };
    if (!instance.manifest) {
      trans.error(400, 'launch_app_delegated needs a manifest');
      return;
    }
    runHook(host, host.on_app_launch_delegated_begin, instance)
      .then(() => runHook(host, host.get_api_base, instance))
      .then(apiBase => {
        if (apiBase !== undefined && apiBase !== null) {
          instance.api_base = apiBase;
        }
        instance.launch_url = instance.launch_url || launchUrl(instance);
        host.delegated_apps[instance.uuid] = instance;
        host.on_app_launch_delegated_complete(instance);
        trans.complete(portable(instance));
      })
      .catch(error => {
        host.on_app_launch_failed(instance, error);
        trans.error('launch_failed', String(error && error.message ? error.message : error));
      });
  };

  /* ---- notifications and life cycle */

  /** Registers fn(app_instance, params) for a notification apps send with SMART.notify_host(name, params). */
  proto.on = function (name, fn) {
    (this.notification_handlers[name] = this.notification_handlers[name] || []).push(fn);
    return this;
  };

  proto.off = function (name) {
    delete this.notification_handlers[name];
    return this;
  };

  /** Sends a notification, e.g. 'backgrounded', 'foregrounded', 'destroyed', to an app. */
  proto.notify_app = function (app_instance, name, params) {
    if (app_instance && app_instance.channel) {
      app_instance.channel.notify({method: name, params: params === undefined ? null : params});
    }
  };

  proto.destroy_app_instance = function (app_instance) {
    const host = this;
    if (!app_instance || !host.running_apps[app_instance.uuid]) {
      return;
    }
    delete host.running_apps[app_instance.uuid];
    host.notify_app(app_instance, 'destroyed');
    // Apps called by this one, and apps it launched as a frame_ui app, go with it.
    Object.keys(host.running_apps).map(uuid => host.running_apps[uuid])
      .filter(other => other.launched_by === app_instance)
      .forEach(other => host.destroy_app_instance(other));
    Object.keys(host.delegated_apps).map(uuid => host.delegated_apps[uuid])
      .filter(nested => nested.delegated_by === app_instance)
      .forEach(nested => {
        delete host.delegated_apps[nested.uuid];
        host.on_app_destroyed(nested);
      });
    if (app_instance.return_to) {
      app_instance.return_to.error('destroyed', 'the called app was closed before it returned');
      app_instance.return_to = null;
    }
    if (app_instance.channel) {
      const channel = app_instance.channel;
      app_instance.channel = null;
      // Let the 'destroyed' notification leave before the channel stops listening.
      setTimeout(() => channel.destroy(), 0);
    }
    host.on_app_destroyed(app_instance);
  };

  /** The record changed: every app bound to a record goes (manifest scope "record", the default). */
  proto.record_context_changed = function () {
    const host = this;
    Object.keys(host.running_apps).map(uuid => host.running_apps[uuid])
      .filter(instance => !instance.manifest || instance.manifest.scope !== 'container')
      .forEach(instance => host.destroy_app_instance(instance));
    host.handle_context_changed();
  };

  /** Stops listening for new apps; running apps are destroyed. */
  proto.close = function () {
    const host = this;
    Object.keys(host.running_apps).forEach(uuid => host.destroy_app_instance(host.running_apps[uuid]));
    global.removeEventListener('message', host._listener);
  };

  global.SMART_CONNECT_HOST = SMART_CONNECT_HOST;
})(window);
