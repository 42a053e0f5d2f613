// The landing page of a group's join link when it is opened in a browser rather than the app:
// the group and code are in the fragment (never sent to the server) and shown to be typed.
(function () {
  'use strict';
  var parameters = {};
  window.location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
    var eq = pair.indexOf('=');
    if (eq > 0) {
      parameters[pair.substring(0, eq)] = decodeURIComponent(pair.substring(eq + 1));
    }
  });
  document.getElementById('group').textContent = parameters.group || '?';
  document.getElementById('code').textContent = parameters.code || '?';
}());
