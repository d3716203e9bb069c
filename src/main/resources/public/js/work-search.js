// 码上联络 — 检索 on the staff queue pages (/work, /work/station?id=): GET /api/v1/concerns?q= (words or a tracking
// number), scoped by the server like the queues; results in their own list, paged by cursor.
import { api, el, $, fmtTime, showError, fill } from './api.js';
import { toneTag } from './labels.js';

const form = $('#search');
const stationMode = location.pathname === '/work/station';
const stationId = new URLSearchParams(location.search).get('id');
let cursor = null;
let query = '';

function item(c) {
  return el('li', { 'data-testid': 'search-item', 'data-id': String(c.id) },
    el('a', { href: '/work/concerns/' + c.id },
      el('div', { class: 'row1' }, el('span', {}, toneTag('states', c.state, c.stateLabel)),
        el('span', { text: c.trackingNo + ' · ' + c.category })),
      el('div', { class: 'summary', text: c.summary }),
      el('div', { class: 'meta', text: c.stationName + ' · ' + fmtTime(c.createdAt) })));
}

async function page(first) {
  const p = new URLSearchParams({ q: query, size: '20' });
  if (stationMode && stationId) p.set('station', stationId);
  if (!first && cursor) p.set('cursor', cursor);
  const list = $('#search-list');
  try {
    const r = await api('/api/v1/concerns?' + p);
    if (first) fill(list);
    r.items.forEach(c => list.append(item(c)));
    cursor = r.nextCursor || null;
    // a short page with a cursor: the server examined its budget of candidates, older matches may exist
    const more = $('#search-more');
    more.textContent = cursor && r.items.length < 20 ? '继续查找更早的反映' : '更多结果';
    more.classList.toggle('hidden', !cursor);
    $('#search-empty').classList.toggle('hidden', !(first && r.items.length === 0 && !cursor));
  } catch (e) {
    showError(e, $('#search-error'));
  }
}

if (form) {
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    query = form.q.value.trim();
    cursor = null;
    $('#search-results').classList.toggle('hidden', !query);
    if (query) page(true);
  });
  $('#search-more').addEventListener('click', () => page(false));
}
