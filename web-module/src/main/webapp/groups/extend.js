// The extension page of a private group: the link's token is in the fragment (#<token>), which
// browsers never send to a server; the page sends it only to the group-extension API.
(function () {
  'use strict';

  var token = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  var api = '../api/v1/group-extensions/' + encodeURIComponent(token);

  function show(id, visible) {
    document.getElementById(id).hidden = !visible;
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function when(instant) {
    var date = new Date(instant);
    return date.toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$|:\d\dZ$/, ' UTC');
  }

  function words(iso) {
    // PT168H, PT90M, P2D → "7 days", "1 hour 30 minutes"
    var match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:[\d.]+S)?)?$/.exec(iso);
    if (!match) {
      return iso;
    }
    var minutes = (+(match[1] || 0)) * 1440 + (+(match[2] || 0)) * 60 + (+(match[3] || 0));
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var rest = minutes % 60;
    var parts = [];
    if (days) { parts.push(days + (days === 1 ? ' day' : ' days')); }
    if (hours) { parts.push(hours + (hours === 1 ? ' hour' : ' hours')); }
    if (rest) { parts.push(rest + (rest === 1 ? ' minute' : ' minutes')); }
    return parts.length ? parts.join(' ') : 'nothing';
  }

  function refused(problem) {
    show('loading', false);
    show('offer', false);
    text('refused-title', problem.status === 410 ? 'This link was used already' : 'This link does not work');
    text('refused-detail', problem.detail || 'Ask the group\'s creator for help.');
    show('refused', true);
  }

  function request(method, body) {
    return fetch(api, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
      cache: 'no-store'
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          json.status = response.status;
          throw json;
        }
        return json;
      });
    });
  }

  function load() {
    request('GET').then(function (offer) {
      show('loading', false);
      if (offer.groupName) {
        text('group-name', offer.groupName);
      }
      text('expires-at', when(offer.expiresAt));
      text('most-allowed', words(offer.mostAllowed));
      text('latest-expiry', when(offer.latestExpiry));
      show('offer', true);
    }, refused);
  }

  document.getElementById('extend-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var amount = parseInt(document.getElementById('duration-amount').value, 10);
    var unit = document.getElementById('duration-unit').value;
    show('duration-error', false);
    if (!(amount >= 1)) {
      text('duration-error', 'Give a whole number, 1 or more.');
      show('duration-error', true);
      return;
    }
    var duration = unit === 'D' ? 'P' + amount + 'D' : 'PT' + amount + unit;
    var button = document.getElementById('extend');
    button.disabled = true;
    request('POST', { duration: duration }).then(function (extended) {
      show('offer', false);
      text('new-expiry', when(extended.expiresAt));
      show('done', true);
    }, function (problem) {
      button.disabled = false;
      if (problem.status === 400 && problem.fields && problem.fields.duration) {
        text('duration-error', problem.fields.duration);
        show('duration-error', true);
      } else {
        refused(problem);
      }
    });
  });

  if (!token) {
    refused({ status: 404, detail: 'The link is incomplete: open it from the mail again.' });
  } else {
    load();
  }
}());
