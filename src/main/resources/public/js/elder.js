// 码上联络 — 长辈模式 (elder-friendly mode) of the resident pages. A classic script in the shared head (not a module,
// not deferred): it sets html.elder before the body is painted, so a remembered mode never flashes. The toggle is one
// button at the top of the page; the choice is kept in localStorage ('mashang.elder'). The sizes are in css/elder.css.
(function () {
  var KEY = 'mashang.elder';
  var meta = document.querySelector('meta[name=mashang-page]');
  var page = meta ? meta.content : '';
  // the pages a resident sees (staff pages keep their dense layout)
  var RESIDENT = ['home', 'code', 'code-gone', 'code-unknown', 'concern-new', 'track', 'my', 'reception-book', 'recover'];
  if (RESIDENT.indexOf(page) < 0) return;
  var on = false;
  try { on = localStorage.getItem(KEY) === '1'; } catch (e) { /* storage blocked: normal mode */ }
  var root = document.documentElement;
  root.classList.add('resident');
  if (on) root.classList.add('elder');

  function label(b) {
    var now = root.classList.contains('elder');
    b.setAttribute('aria-pressed', now ? 'true' : 'false');
    b.textContent = now ? '退出长辈模式' : '长辈模式（大字）';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var bar = document.createElement('div');
    bar.className = 'elder-bar';
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'elder-toggle';
    b.setAttribute('data-testid', 'elder-toggle');
    label(b);
    b.addEventListener('click', function () {
      var next = !root.classList.contains('elder');
      root.classList.toggle('elder', next);
      try { localStorage.setItem(KEY, next ? '1' : '0'); } catch (e) { /* not remembered */ }
      label(b);
    });
    bar.appendChild(b);
    document.body.insertBefore(bar, document.body.firstChild);
  });
}());
