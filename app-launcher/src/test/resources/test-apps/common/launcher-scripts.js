/*
 * Loads scripts of the launcher (the container's SMART Connect client and host) into a test app, which is
 * served from another origin. The launcher's base URL is, in this order: the page's launcher_base query
 * parameter, the <html data-launcher-base> attribute when the test server filled in {{launcher_base}}, or
 * the api_base launch parameter + "/launcher" (the API at "/" and the launcher at "/launcher" of one server).
 */
window.loadLauncherScripts = function (paths) {
  'use strict';
  const query = new URLSearchParams(window.location.search);
  const filledIn = document.documentElement.getAttribute('data-launcher-base');
  let base = query.get('launcher_base');
  if (!base && filledIn && filledIn.indexOf('{{') < 0) {
    base = filledIn;
  }
  if (!base && query.get('api_base')) {
    base = query.get('api_base').replace(/\/$/, '') + '/launcher';
  }
  if (!base) {
    return Promise.reject(new Error('the launcher base URL is unknown'));
  }
  base = base.replace(/\/$/, '');
  return paths.reduce((previous, path) => previous.then(() => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = base + path;
    script.onload = resolve;
    script.onerror = () => reject(new Error('could not load ' + script.src));
    document.head.appendChild(script);
  })), Promise.resolve());
};
