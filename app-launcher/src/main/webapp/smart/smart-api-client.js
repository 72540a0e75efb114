/*
 * SMART Connect client for apps (smart-classic §6.5): the API surface of the classic 0.6 smart-api-client.js,
 * without jQuery or rdfquery. Usage and differences from the classic client: docs/js-client.md.
 *
 * It loads two companions from the container: ./smart-api-calls.js (the convenience methods, generated from
 * the ontology) and ../js/smart-connect-host.js (the jschannel-compatible channel), then asks the parent
 * window for a channel (§6.2).
 */
(function (global) {
  'use strict';

  const READY_TIMEOUT_MS = 5000;
  const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const SCRIPT_URL = document.currentScript ? document.currentScript.src : null;

  /* ------------------------------------------------------------------ promise-like results (jQuery style) */

  /** A deferred with the jQuery-era names the classic apps use: success/done, error/fail, then, always. */
  function Deferred() {
    let settle;
    const promise = new Promise((resolve, reject) => {
      settle = {resolve: resolve, reject: reject};
    });
    promise.catch(() => {}); // an error nobody listens to is reported to the error callbacks only
    const result = {
      resolve: function (value) { settle.resolve(value); return result; },
      reject: function (reason) { settle.reject(reason); return result; },
      promise: function () { return view; }
    };
    const view = {
      done: function (fn) { promise.then(fn, () => {}); return view; },
      fail: function (fn) { promise.then(() => {}, fn); return view; },
      always: function (fn) { promise.then(fn, fn); return view; },
      then: function (ok, fail) { return promise.then(ok, fail); },
      catch: function (fail) { return promise.catch(fail); }
    };
    view.success = view.done;
    view.error = view.fail;
    return result;
  }

  /* ------------------------------------------------------------------ RDF/XML → triples */

  const XML_NS = 'http://www.w3.org/XML/1998/namespace';

  function rdfAttr(element, name) {
    return element.getAttributeNS(RDF_NS, name) || (element.hasAttributeNS(RDF_NS, name) ? '' : null);
  }

  /** Parses RDF/XML (the striped syntax incl. parseType Resource, Literal and Collection) into triples. */
  function parseRdfXml(text) {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) {
      throw new Error('the response is not well-formed RDF/XML');
    }
    const triples = [];
    let blankCounter = 0;
    const newBlank = () => ({type: 'bnode', value: 'g' + (blankCounter++)});
    const root = doc.documentElement;

    function base(element) {
      for (let e = element; e && e.nodeType === 1; e = e.parentNode) {
        const b = e.getAttributeNS(XML_NS, 'base');
        if (b) {
          return b;
        }
      }
      return doc.baseURI || null;
    }

    function resolve(uri, element) {
      const b = base(element);
      try {
        return b ? new URL(uri, b).href : uri;
      } catch (e) {
        return uri;
      }
    }

    function lang(element) {
      for (let e = element; e && e.nodeType === 1; e = e.parentNode) {
        if (e.hasAttributeNS(XML_NS, 'lang')) {
          return e.getAttributeNS(XML_NS, 'lang');
        }
      }
      return '';
    }

    function name(element) {
      return (element.namespaceURI || '') + element.localName;
    }

    function childElements(element) {
      return Array.prototype.filter.call(element.childNodes, n => n.nodeType === 1);
    }

    function isSyntaxAttribute(attr) {
      return attr.namespaceURI === XML_NS || attr.prefix === 'xmlns' || attr.name === 'xmlns'
        || (attr.namespaceURI === RDF_NS && ['about', 'ID', 'nodeID', 'resource', 'datatype', 'parseType'].indexOf(attr.localName) >= 0)
        || (!attr.namespaceURI && /^xml/i.test(attr.name));
    }

    function literal(value, element, datatype) {
      return {type: 'literal', value: value, datatype: datatype || null, lang: datatype ? '' : lang(element)};
    }

    /** A node element: returns its subject term. */
    function nodeElement(element) {
      let subject;
      const about = rdfAttr(element, 'about');
      const id = rdfAttr(element, 'ID');
      const nodeId = rdfAttr(element, 'nodeID');
      if (about !== null) {
        subject = {type: 'uri', value: resolve(about, element)};
      } else if (id !== null) {
        subject = {type: 'uri', value: resolve('#' + id, element)};
      } else if (nodeId !== null) {
        subject = {type: 'bnode', value: 'n' + nodeId};
      } else {
        subject = newBlank();
      }
      if (name(element) !== RDF_NS + 'Description') {
        triples.push({s: subject, p: RDF_NS + 'type', o: {type: 'uri', value: name(element)}});
      }
      propertyAttributes(element, subject);
      let li = 1;
      childElements(element).forEach(child => {
        let predicate = name(child);
        if (predicate === RDF_NS + 'li') {
          predicate = RDF_NS + '_' + (li++);
        }
        propertyElement(child, subject, predicate);
      });
      return subject;
    }

    function propertyAttributes(element, subject) {
      Array.prototype.forEach.call(element.attributes, attr => {
        if (isSyntaxAttribute(attr)) {
          return;
        }
        const predicate = (attr.namespaceURI || '') + attr.localName;
        const object = predicate === RDF_NS + 'type'
          ? {type: 'uri', value: resolve(attr.value, element)}
          : literal(attr.value, element, null);
        triples.push({s: subject, p: predicate, o: object});
      });
    }

    function propertyElement(element, subject, predicate) {
      const parseType = rdfAttr(element, 'parseType');
      const children = childElements(element);
      if (parseType === 'Resource') {
        const object = newBlank();
        triples.push({s: subject, p: predicate, o: object});
        children.forEach(child => propertyElement(child, object, name(child)));
        return;
      }
      if (parseType === 'Literal') {
        const xml = Array.prototype.map.call(element.childNodes, n => new XMLSerializer().serializeToString(n)).join('');
        triples.push({s: subject, p: predicate, o: literal(xml, element, RDF_NS + 'XMLLiteral')});
        return;
      }
      if (parseType === 'Collection') {
        let head = {type: 'uri', value: RDF_NS + 'nil'};
        for (let i = children.length - 1; i >= 0; i--) {
          const cell = newBlank();
          triples.push({s: cell, p: RDF_NS + 'first', o: nodeElement(children[i])});
          triples.push({s: cell, p: RDF_NS + 'rest', o: head});
          head = cell;
        }
        triples.push({s: subject, p: predicate, o: head});
        return;
      }
      if (children.length > 0) {
        triples.push({s: subject, p: predicate, o: nodeElement(children[0])});
        return;
      }
      const resource = rdfAttr(element, 'resource');
      const nodeId = rdfAttr(element, 'nodeID');
      const hasPropertyAttributes = Array.prototype.some.call(element.attributes, a => !isSyntaxAttribute(a));
      if (resource !== null || nodeId !== null || hasPropertyAttributes) {
        const object = resource !== null ? {type: 'uri', value: resolve(resource, element)}
          : nodeId !== null ? {type: 'bnode', value: 'n' + nodeId} : newBlank();
        triples.push({s: subject, p: predicate, o: object});
        propertyAttributes(element, object);
        return;
      }
      const datatype = rdfAttr(element, 'datatype');
      triples.push({s: subject, p: predicate, o: literal(element.textContent, element, datatype ? resolve(datatype, element) : null)});
    }

    if (name(root) === RDF_NS + 'RDF') {
      childElements(root).forEach(nodeElement);
    } else {
      nodeElement(root);
    }
    return triples;
  }

  /* ------------------------------------------------------------------ triples → JSON-LD-like objects */

  // The terms of the classic JSON-LD context (smart_context.jsonld): SMART terms bare, others prefix__local
  // with '-' as '_'. The API namespace's terms are bare too, so that the summary reads as in the classic
  // client: objects.of_type.ResponseSummary[0].totalResultCount.
  const BARE_NAMESPACES = ['http://smartplatforms.org/terms#', 'http://smartplatforms.org/terms/api#'];
  const PREFIXES = {
    'http://purl.org/dc/terms/': 'dcterms',
    'http://smartplatforms.org/terms/codes/': 'spcode',
    'http://www.w3.org/2006/vcard/ns#': 'v',
    'http://xmlns.com/foaf/0.1/': 'foaf',
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
    'http://www.w3.org/2000/01/rdf-schema#': 'rdfs',
    'http://www.w3.org/2001/XMLSchema#': 'xsd',
    'http://www.w3.org/2002/07/owl#': 'owl'
  };
  // Properties the classic context declares "@container": "@set": always arrays, even with one value.
  const SET_TERMS = ['denominator', 'fulfillment', 'hasStatement', 'labResult', 'maximum', 'medicalRecordNumber',
    'minimum', 'numerator', 'productClass', 'v__additional_name', 'v__adr', 'v__email', 'v__honorific_prefix',
    'v__honorific_suffix', 'v__tel'];

  function term(uri) {
    for (let i = 0; i < BARE_NAMESPACES.length; i++) {
      const ns = BARE_NAMESPACES[i];
      if (uri.indexOf(ns) === 0 && uri.length > ns.length) {
        return uri.substring(ns.length);
      }
    }
    const namespaces = Object.keys(PREFIXES);
    for (let i = 0; i < namespaces.length; i++) {
      const ns = namespaces[i];
      if (uri.indexOf(ns) === 0 && uri.length > ns.length && !/[/#]/.test(uri.substring(ns.length))) {
        return PREFIXES[ns] + '__' + uri.substring(ns.length).replace(/-/g, '_');
      }
    }
    return uri;
  }

  function termId(t) {
    return t.type === 'bnode' ? '_:' + t.value : t.value;
  }

  /**
   * Builds {"@graph": [...], of_type: {Medication: [...]}, by_id: {...}} from triples. Nodes reference each
   * other as objects (med.drugName.code.dcterms__title works); lists become arrays; literals are strings.
   * JSON.stringify of a node writes references as {"@id": ...}, so cycles do no harm.
   */
  function objectify(triples) {
    const nodes = {};
    const listCells = {};
    triples.forEach(t => {
      if (t.p === RDF_NS + 'first' || t.p === RDF_NS + 'rest') {
        (listCells[termId(t.s)] = listCells[termId(t.s)] || {})[t.p === RDF_NS + 'first' ? 'first' : 'rest'] = t.o;
      }
    });

    function node(t) {
      const id = termId(t);
      if (!nodes[id]) {
        const n = {'@id': id};
        Object.defineProperty(n, 'toJSON', {enumerable: false, value: flatten});
        nodes[id] = n;
      }
      return nodes[id];
    }

    function value(o) {
      if (o.type === 'literal') {
        return o.value;
      }
      if (o.type === 'uri' && o.value === RDF_NS + 'nil') {
        return [];
      }
      if (listCells[termId(o)]) {
        const items = [];
        const seen = {};
        for (let cell = o; cell && listCells[termId(cell)] && !seen[termId(cell)]; cell = listCells[termId(cell)].rest) {
          seen[termId(cell)] = true;
          if (listCells[termId(cell)].first) {
            items.push(value(listCells[termId(cell)].first));
          }
        }
        return items;
      }
      return node(o);
    }

    function add(target, key, v, alwaysArray) {
      if (!(key in target)) {
        target[key] = alwaysArray ? [v] : v;
      } else if (Array.isArray(target[key]) && (alwaysArray || target[key].__multi)) {
        target[key].push(v);
      } else {
        const values = [target[key], v];
        Object.defineProperty(values, '__multi', {enumerable: false, value: true});
        target[key] = values;
      }
    }

    const subjects = [];
    triples.forEach(t => {
      const sid = termId(t.s);
      if (listCells[sid]) {
        return;
      }
      const subject = node(t.s);
      if (subjects.indexOf(subject) < 0) {
        subjects.push(subject);
      }
      if (t.p === RDF_NS + 'type' && t.o.type === 'uri') {
        add(subject, '@type', term(t.o.value), false);
      } else {
        const key = term(t.p);
        add(subject, key, value(t.o), SET_TERMS.indexOf(key) >= 0);
      }
    });

    const ofType = {};
    subjects.forEach(n => {
      const types = n['@type'] === undefined ? [] : [].concat(n['@type']);
      types.forEach(type => (ofType[type] = ofType[type] || []).push(n));
    });
    const result = {'@graph': subjects};
    Object.defineProperty(result, 'of_type', {enumerable: false, value: ofType});
    Object.defineProperty(result, 'by_id', {enumerable: false, value: nodes});
    return result;

    function flatten() {
      const copy = {};
      Object.keys(this).forEach(key => {
        copy[key] = reference(this[key]);
      });
      return copy;
    }

    function reference(v) {
      if (Array.isArray(v)) {
        return v.map(reference);
      }
      if (v && typeof v === 'object' && v['@id'] !== undefined) {
        return {'@id': v['@id']};
      }
      return v;
    }
  }

  /* ------------------------------------------------------------------ responses */

  /** {body, contentType, status} plus, on first use, objects (RDF) or json (JSON). */
  function response(result) {
    const contentType = String(result.contentType || '').split(';')[0].trim();
    const r = {body: result.data, contentType: contentType, status: result.status === undefined ? 200 : result.status};
    if (contentType === 'application/rdf+xml') {
      let objects;
      Object.defineProperty(r, 'objects', {
        enumerable: true,
        get: function () {
          if (objects === undefined) {
            objects = objectify(parseRdfXml(r.body || '<rdf:RDF xmlns:rdf="' + RDF_NS + '"/>'));
          }
          return objects;
        }
      });
    } else if (contentType === 'application/json') {
      let json;
      Object.defineProperty(r, 'json', {
        enumerable: true,
        get: function () {
          if (json === undefined) {
            json = r.body ? JSON.parse(r.body) : null;
          }
          return json;
        }
      });
    }
    return r;
  }

  /* ------------------------------------------------------------------ the client */

  function SMART_CONNECT_CLIENT(parentWindow) {
    const smart = this;
    const readiness = Deferred();
    const handlers = {};
    let channel = null;
    let timer = null;

    smart.context = null;
    smart.user = null;
    smart.record = null;
    smart.manifest = null;
    smart.uuid = null;
    smart.ready_data = null;
    smart.credentials = null;
    smart.parse_rdf_xml = parseRdfXml;
    smart.objectify = function (rdfXml) { return objectify(parseRdfXml(rdfXml)); };

    /** Runs cb(SMART) once the container said ready; .fail(cb) runs when it never will. */
    smart.ready = function (cb) {
      const view = readiness.promise();
      if (typeof cb === 'function') {
        view.done(() => cb(smart));
      }
      return view;
    };
    smart.fail = function (cb) {
      return readiness.promise().fail(cb);
    };

    function connected() {
      if (!channel || smart.uuid === null) {
        throw new Error('SMART is not ready: call the API inside SMART.ready(...)');
      }
      return channel;
    }

    /** Sends a request over the channel; resolves with the result, rejects with {status, message}. */
    function request(method, params, ok, err) {
      const d = Deferred();
      const view = d.promise();
      if (typeof ok === 'function') {
        view.done(ok);
      }
      if (typeof err === 'function') {
        view.fail(err);
      }
      try {
        connected().call({
          method: method,
          params: params,
          success: r => d.resolve(r),
          error: (code, message) => d.reject({status: code, message: message})
        });
      } catch (e) {
        d.reject({status: 'not_ready', message: e.message});
      }
      return {deferred: d, view: view};
    }

    /** Like request, with the api_call result turned into a response object. */
    function apiRequest(method, params, ok, err) {
      const d = Deferred();
      const view = d.promise();
      if (typeof ok === 'function') {
        view.done(ok);
      }
      if (typeof err === 'function') {
        view.fail(err);
      }
      request(method, params).view.then(r => d.resolve(response(r || {})), e => d.reject(e));
      return view;
    }

    /**
     * The generic call: {method, url, data, contentType}; url is relative to the API base with variables
     * already filled in, data an object of query parameters (GET, DELETE) or the body (PUT, POST).
     */
    smart.api_call = function (options, ok, err) {
      return apiRequest('api_call', {
        func: options.url,
        method: (options.method || 'GET').toUpperCase(),
        params: options.data === undefined ? {} : options.data,
        contentType: options.contentType || 'application/x-www-form-urlencoded'
      }, ok, err);
    };

    /** Defines one convenience method per call of the ontology (smart-api-calls.js). */
    smart._install_calls = function (calls) {
      calls.forEach(call => {
        smart[call.name] = function (params, ok, err) {
          if (typeof params === 'function') {
            err = ok;
            ok = params;
            params = {};
          }
          return smart.api_call(callOptions(call, params || {}), ok, err);
        };
      });
    };

    function callOptions(call, params) {
      const remaining = Object.assign({}, params);
      const known = {
        record_id: smart.record && smart.record.id,
        user_id: smart.user && smart.user.id,
        smart_app_id: smart.manifest && smart.manifest.id
      };
      const url = call.path.replace(/\{(\w+)\}/g, (whole, variable) => {
        let v = remaining[variable];
        delete remaining[variable];
        if (v === undefined || v === null) {
          v = known[variable];
        }
        if (v === undefined || v === null) {
          throw new Error(call.name + ' needs a value for {' + variable + '}');
        }
        return encodeURIComponent(v);
      });
      if (call.method === 'PUT' || call.method === 'POST') {
        return {method: call.method, url: url, data: remaining.data === undefined ? '' : remaining.data,
          contentType: remaining.contentType || 'text/plain'};
      }
      return {method: call.method, url: url, data: remaining};
    }

    /** Launches another app with this app's context and resolves with what it passes to SMART.complete. */
    smart.call_app = function (manifest, readyData, ok, err) {
      return request('call_app', {manifest: manifest, ready_data: readyData === undefined ? null : readyData}, ok, err).view;
    };

    /** Ends a called app: the caller's call_app resolves with data. */
    smart.complete = function (data) {
      connected().notify({method: 'return', params: data === undefined ? null : data});
    };

    smart.notify_host = function (name, params) {
      connected().notify({method: name, params: params === undefined ? null : params});
    };

    /** Handles a notification of the container: 'backgrounded', 'foregrounded', 'destroyed', ... */
    smart.on = function (name, cb) {
      (handlers[name] = handlers[name] || []).push(cb);
      return smart;
    };
    smart.off = function (name, cb) {
      handlers[name] = cb ? (handlers[name] || []).filter(h => h !== cb) : [];
      return smart;
    };

    function installFrameUi() {
      /** Runs an API call for an app this frame_ui app hosts; resolves with the raw {contentType, data, status}. */
      smart.api_call_delegated = function (appInstance, callInfo, ok, err) {
        return request('api_call_delegated', {
          app_instance: {uuid: appInstance.uuid, context: appInstance.context, manifest: appInstance.manifest},
          call_info: callInfo
        }, ok, err).view;
      };
      /** Asks the container to launch an app inside this one; resolves with the launched instance. */
      smart.launch_app_delegated = function (appInstance, ok, err) {
        return request('launch_app_delegated', {
          uuid: appInstance.uuid, context: appInstance.context, manifest: appInstance.manifest,
          ready_data: appInstance.ready_data === undefined ? null : appInstance.ready_data
        }, ok, err).view;
      };
      smart.PATIENTS_get = function (params, ok, err) {
        return smart.search_records(params, ok, err);
      };
    }

    function onReady(trans, params) {
      params = params || {};
      smart.context = params.context || {};
      smart.user = smart.context.user || null;
      smart.record = smart.context.record || null;
      smart.manifest = params.manifest || {};
      smart.uuid = params.uuid;
      smart.ready_data = params.ready_data === undefined ? null : params.ready_data;
      smart.credentials = params.credentials || null;
      if (smart.manifest.mode === 'frame_ui') {
        installFrameUi();
      }
      clearTimeout(timer);
      // Answer the container first, then let the app run.
      setTimeout(() => readiness.resolve(smart), 0);
      return true;
    }

    function connect(uuid) {
      channel = global.SMART_CHANNEL.build({window: parentWindow, origin: '*', scope: uuid});
      channel.bind('ready', onReady);
      channel.onNotification = function (name, params) {
        (handlers[name] || []).forEach(h => h(params));
      };
    }

    smart._start = function () {
      if (global.top === global.self || !parentWindow) {
        readiness.reject({status: 'not_in_container', message: 'the app is not running inside a SMART container'});
        return;
      }
      timer = setTimeout(() => readiness.reject({status: 'timeout', message: 'the container did not answer in 5 s'}),
        READY_TIMEOUT_MS);
      companions().then(() => {
        function onUuid(event) {
          if (event.source !== parentWindow || typeof event.data !== 'string') {
            return;
          }
          const m = /^"app_instance_uuid=(.*)"$/.exec(event.data);
          if (m) {
            global.removeEventListener('message', onUuid);
            connect(m[1]);
          }
        }
        global.addEventListener('message', onUuid);
        parentWindow.postMessage('"procure_channel"', '*');
      }, e => {
        clearTimeout(timer);
        readiness.reject({status: 'load_failed', message: e.message});
      });
    };
  }

  /** Loads the channel and the call table unless the page has them already. */
  function companions() {
    const loads = [];
    if (!global.SMART_API_CALLS) {
      loads.push(load('smart-api-calls.js'));
    }
    if (!global.SMART_CHANNEL) {
      loads.push(load('../js/smart-connect-host.js'));
    }
    return Promise.all(loads).then(() => {
      SMART._install_calls(global.SMART_API_CALLS);
      installLegacyNames(SMART);
    });
  }

  function load(relative) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(relative, SCRIPT_URL || global.location.href).href;
      script.onload = resolve;
      script.onerror = () => reject(new Error('could not load ' + script.src));
      document.head.appendChild(script);
    });
  }

  /** The 0.3/0.4 names old apps call (§6.5), mapped onto the 0.6 calls; the callback gets the response. */
  function installLegacyNames(smart) {
    const aliases = {
      MEDICATIONS_get: 'get_medications', MEDS_get: 'get_medications', PROBLEMS_get: 'get_problems',
      LAB_RESULTS_get: 'get_lab_results', VITAL_SIGNS_get: 'get_vital_sign_sets',
      DEMOGRAPHICS_get: 'get_demographics', ALLERGIES_get: 'get_allergies', ENCOUNTERS_get: 'get_encounters',
      FULFILLMENTS_get: 'get_fulfillments', IMMUNIZATIONS_get: 'get_immunizations',
      NOTES_get: 'get_clinical_notes', MANIFESTS_get: 'get_app_manifests', ONTOLOGY_get: 'get_ontology',
      USER_get: 'get_user', PREFERENCES_get: 'get_user_preferences', PREFERENCES_put: 'put_user_preferences',
      PREFERENCES_delete: 'delete_user_preferences', CAPABILITIES_get: 'get_container_manifest'
    };
    Object.keys(aliases).forEach(alias => {
      const target = aliases[alias];
      if (typeof smart[target] === 'function') {
        smart[alias] = function (params, ok, err) {
          return smart[target](params, ok, err);
        };
      }
    });
  }

  global.SMART_CONNECT_CLIENT = SMART_CONNECT_CLIENT;
  const SMART = new SMART_CONNECT_CLIENT(global.parent === global.self ? null : global.parent);
  global.SMART = SMART;
  SMART._start();
})(window);
