// The sign-in page: after a failed attempt the mechanism sends the browser back here with ?error.
(function () {
  'use strict';
  if (new URLSearchParams(window.location.search).has('error')) {
    document.getElementById('login-error').hidden = false;
  }
}());
