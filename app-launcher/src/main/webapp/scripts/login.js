// The sign-in page. Jakarta Security's FORM sign-in returns to the protected page that sent the browser here; a page
// opened directly has none, and a failed sign-in from it would end on an empty answer instead of "?error". So a direct
// visit goes through the start page first, which sends the browser back here with somewhere to return to.
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  if (params.has('error')) {
    document.getElementById('login-error').hidden = false;
  }
  const navigation = performance.getEntriesByType('navigation')[0];
  const primed = Number(sessionStorage.getItem('smartcc.login-primed') || 0);
  if (navigation && navigation.redirectCount === 0 && !params.has('error') && Date.now() - primed > 10000) {
    sessionStorage.setItem('smartcc.login-primed', String(Date.now()));
    window.location.replace('/launcher/');
  }
}());
