// Live progress for the running imports a page shows: polls their progress every two seconds and, once one
// of them changes status, reloads the page for its final counts. Everything written goes in as text.
(function () {
  'use strict';
  var INTERVAL = 2000;

  function start() {
    var shown = document.querySelectorAll('[data-progress-id]');
    if (shown.length === 0) { return; }
    var ids = Array.prototype.map.call(shown, function (element) { return element.getAttribute('data-progress-id'); });
    var url = shown[0].getAttribute('data-progress-url');
    function poll() {
      fetch(url + '?ids=' + encodeURIComponent(ids.join(',')),
            { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', redirect: 'manual' })
        .then(function (response) {
          // Signed out meanwhile (idle, or elsewhere): the reload shows the sign-in page.
          if (response.type === 'opaqueredirect' || response.status === 401) { window.location.reload(); return []; }
          if (!response.ok) { throw new Error('progress answered ' + response.status); }
          return response.json();
        })
        .then(function (all) {
          var changed = false;
          all.forEach(function (progress) {
            var element = document.querySelector('[data-progress-id="' + String(progress.id) + '"]');
            if (!element) { return; }
            if (progress.status !== element.getAttribute('data-status') || progress.ended) { changed = true; return; }
            element.querySelector('progress').value = progress.percent;
            element.querySelector('.progress-text').textContent = progress.text;
          });
          if (changed) { window.location.reload(); return; }
          window.setTimeout(poll, INTERVAL);
        })
        .catch(function () { window.setTimeout(poll, INTERVAL * 5); });
    }
    window.setTimeout(poll, INTERVAL);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
