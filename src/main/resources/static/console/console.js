// Live progress for the running imports a page shows: polls their progress every two seconds and, once one
// of them changes status, reloads the page for its final counts. Everything written goes in as text.
(function () {
  'use strict';
  var INTERVAL = 2000;

  function format(n) { return Number(n).toLocaleString('en'); }

  function left(seconds) {
    if (seconds < 0) { return 'time left unknown yet'; }
    if (seconds < 60) { return 'about ' + seconds + ' s left'; }
    return 'about ' + Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s left';
  }

  function start() {
    var shown = document.querySelectorAll('[data-progress-id]');
    if (shown.length === 0) { return; }
    var ids = Array.prototype.map.call(shown, function (element) { return element.getAttribute('data-progress-id'); });
    function poll() {
      fetch('/imports/progress?ids=' + encodeURIComponent(ids.join(',')),
            { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', redirect: 'manual' })
        .then(function (response) {
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
            element.querySelector('.progress-text').textContent = format(progress.rowsRead) + ' of '
              + format(progress.fileRows) + ' rows (' + progress.percent + '%), ' + format(progress.rowsPerSecond)
              + ' rows/s, ' + left(progress.secondsLeft);
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
