// Today's board: each venue's tile follows the server's event stream (an event "venue" carries the whole row),
// so the colour and the numbers change as the gate checks people in, without a reload. EventSource reconnects by itself.
(function () {
  'use strict';
  var board = document.getElementById('today-board');
  if (!board || !window.EventSource) {
    return;
  }

  var fields = ['booked', 'arrived', 'expectedToCome', 'walkIns', 'remaining', 'capacity'];
  var live = document.getElementById('today-live');

  function percent(u) {
    return Math.round(u * 100) + '%';
  }

  function totals() {
    ['booked', 'arrived', 'expectedToCome', 'walkIns', 'capacity'].forEach(function (f) {
      var sum = 0;
      board.querySelectorAll('.tile [data-field="' + f + '"]').forEach(function (el) { sum += parseInt(el.textContent, 10) || 0; });
      var cell = board.querySelector('[data-total="' + f + '"]');
      if (cell) { cell.textContent = String(sum); }
    });
  }

  function show(row) {
    var tile = document.getElementById('tile-' + row.venueId);
    if (!tile) {
      return;
    }
    var level = String(row.level);
    tile.classList.remove('level-' + tile.dataset.level);
    tile.classList.add('level-' + level);
    tile.dataset.level = level;
    tile.querySelector('[data-field="level"]').textContent = board.dataset['level' + level.charAt(0).toUpperCase() + level.slice(1)] || level;
    tile.querySelector('[data-field="meter"]').value = row.utilization;
    tile.querySelector('[data-field="utilization"]').textContent = percent(row.utilization);
    fields.forEach(function (f) {
      tile.querySelector('[data-field="' + f + '"]').textContent = String(row[f]);
    });
    totals();
  }

  var source = new EventSource(board.dataset.stream);
  source.addEventListener('open', function () { if (live) { live.hidden = false; } });
  source.addEventListener('error', function () { if (live) { live.hidden = true; } });
  source.addEventListener('venue', function (e) { show(JSON.parse(e.data)); });
  window.addEventListener('pagehide', function () { source.close(); });
}());
