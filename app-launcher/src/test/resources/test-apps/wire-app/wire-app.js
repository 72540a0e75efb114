/*
 * A SMART Connect app without any SMART library: the handshake of smart-classic §6.2 and the jschannel
 * messages of §6.3, written out, as the classic 0.6 client sends them. It proves that an unmodified
 * classic app works with the container. It shows:
 *   #status  "ready" once the container's ready request came, then "done" or "failed"
 *   #result  "<family name>: <n> medications" (data-family-name, data-medication-count,
 *            data-content-types "<demographics>,<medications>", data-state "done"), or "error: ..." (data-state "error")
 */
(function () {
  'use strict';

  const SP = 'http://smartplatforms.org/terms#';
  const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const VCARD = 'http://www.w3.org/2006/vcard/ns#';
  const result = document.getElementById('result');
  const status = document.getElementById('status');
  let scope = null;
  let ready = false;
  const queue = [];
  const pending = {};
  let nextId = Math.floor(Math.random() * 1000001); // jschannel's start

  function log(text) {
    const item = document.createElement('li');
    item.textContent = text;
    document.getElementById('log').appendChild(item);
  }

  function fail(text) {
    status.textContent = 'failed';
    result.textContent = 'error: ' + text;
    result.setAttribute('data-state', 'error');
  }

  function post(message, force) {
    if (!ready && !force) {
      queue.push(message);
      return;
    }
    window.parent.postMessage(JSON.stringify(message), '*');
  }

  function call(method, params) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending[id] = {resolve: resolve, reject: reject};
      post({id: id, method: scope + '::' + method, params: params});
    });
  }

  function onReadyMessage(type) {
    if (ready) {
      return;
    }
    ready = true;
    log('channel ready (' + type + ')');
    if (type === 'ping') {
      post({method: scope + '::__ready', params: 'pong'});
    }
    queue.splice(0).forEach(m => post(m));
  }

  function onChannelMessage(event) {
    if (event.source !== window.parent || typeof event.data !== 'string') {
      return;
    }
    let m;
    try {
      m = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!m || typeof m !== 'object') {
      return;
    }
    if (typeof m.method === 'string') {
      if (m.method.indexOf(scope + '::') !== 0) {
        return;
      }
      const name = m.method.substring(scope.length + 2);
      if (name === '__ready') {
        onReadyMessage(m.params);
      } else if (name === 'ready' && m.id !== undefined) {
        post({id: m.id, result: true});
        status.textContent = 'ready';
        log('ready: record ' + m.params.context.record.id + ', mode ' + m.params.manifest.mode
          + (m.params.uuid === scope ? ', uuid matches' : ', uuid DIFFERS'));
        setTimeout(() => run(m.params), 0);
      } else if (m.id !== undefined) {
        post({id: m.id, error: 'method_not_found', message: "No method '" + name + "' was bound"});
      } else {
        log('notification ' + name);
      }
    } else if (m.id !== undefined && pending[m.id]) {
      const p = pending[m.id];
      delete pending[m.id];
      if ('error' in m) {
        p.reject({status: m.error, message: m.message});
      } else {
        p.resolve(m.result);
      }
    }
  }

  function apiCall(func, params) {
    return call('api_call', {
      func: func,
      method: 'GET',
      params: params,
      contentType: 'application/x-www-form-urlencoded'
    });
  }

  function parse(rdfXml) {
    return new DOMParser().parseFromString(rdfXml, 'application/xml');
  }

  /** Statements of a type, written as typed node elements or as rdf:Description with rdf:type. */
  function countOfType(doc, localName) {
    const typed = doc.getElementsByTagNameNS(SP, localName).length;
    const described = Array.prototype.filter.call(doc.getElementsByTagNameNS(RDF, 'type'),
      t => t.getAttributeNS(RDF, 'resource') === SP + localName).length;
    return typed + described;
  }

  function run(ready) {
    const recordId = ready.context.record.id;
    const record = '/records/' + encodeURIComponent(recordId);
    let family;
    let types;
    apiCall(record + '/demographics', {}).then(demographics => {
      const names = parse(demographics.data).getElementsByTagNameNS(VCARD, 'family-name');
      family = names.length ? names[0].textContent : '(no family name)';
      types = [demographics.contentType];
      return apiCall(record + '/medications/', {});
    }).then(medications => {
      types.push(medications.contentType);
      const count = countOfType(parse(medications.data), 'Medication');
      result.textContent = family + ': ' + count + ' medications';
      result.setAttribute('data-family-name', family);
      result.setAttribute('data-medication-count', String(count));
      result.setAttribute('data-content-types', types.join(','));
      result.setAttribute('data-state', 'done');
      status.textContent = 'done';
    }).catch(e => fail('HTTP ' + e.status + ' ' + JSON.stringify(e.message)));
  }

  if (window.top === window.self) {
    fail('not inside a SMART container');
    return;
  }
  setTimeout(() => { if (status.textContent === 'starting') { fail('no ready within 5 s'); } }, 5000);
  window.addEventListener('message', function onUuid(event) {
    if (event.source !== window.parent || typeof event.data !== 'string') {
      return;
    }
    const m = /^"app_instance_uuid=(.*)"$/.exec(event.data);
    if (!m) {
      return;
    }
    window.removeEventListener('message', onUuid);
    scope = m[1];
    log('channel scope ' + scope);
    window.addEventListener('message', onChannelMessage);
    setTimeout(() => post({method: scope + '::__ready', params: 'ping'}, true), 0);
  });
  window.parent.postMessage('"procure_channel"', '*');
})();
