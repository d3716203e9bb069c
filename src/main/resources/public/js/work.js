// 码上联络 — 代表工作台: 待我处理 / 我处理过的 (/work) and a station's queue (/work/station?id=), with filters
// and an endless list paged by cursor.
import { api, el, $, fmtTime, showError, requireLogin } from './api.js';
import { entries, tag, toneTag } from './labels.js';

const params = new URLSearchParams(location.search);
const stationMode = location.pathname === '/work/station';
const stationId = params.get('id');
let view = params.get('view') === 'done' ? 'done' : 'todo';
let cursor = null;
let loading = false;
let done = false;
let generation = 0;

function queueUrl() {
  const f = $('#filters');
  const q = new URLSearchParams();
  if (f.state.value) q.set('state', f.state.value);
  if (f.category.value) q.set('category', f.category.value);
  if (f.order.value) q.set('order', f.order.value);
  if (f.overdue.checked) q.set('overdue', 'true');
  if (cursor) q.set('cursor', cursor);
  q.set('size', '20');
  if (stationMode) return '/api/v1/stations/' + encodeURIComponent(stationId) + '/queue?' + q;
  q.set('view', view);
  if (f.station.value) q.set('station', f.station.value);
  return '/api/v1/me/queue?' + q;
}

function item(c) {
  const tags = [toneTag('states', c.state, c.stateLabel)];
  if (c.overdue) tags.push(tag('已超期', 'alert'));
  if (c.reopenCount) tags.push(tag('重办 ' + c.reopenCount, 'pending'));
  const who = c.assigneeName ? '承办：' + c.assigneeName : (c.deputyName ? '反映给：' + c.deputyName : '未分派');
  return el('li', { 'data-testid': 'queue-item', 'data-id': String(c.id) },
    el('a', { href: '/work/concerns/' + c.id },
      el('div', { class: 'row1' }, el('span', {}, ...tags), el('span', { text: '#' + c.id + ' · ' + c.category })),
      el('div', { class: 'summary', text: c.summary }),
      el('div', { class: 'meta', text: c.stationName + ' · ' + who + ' · ' + fmtTime(c.createdAt) })));
}

async function load() {
  if (loading || done) return;
  loading = true;
  const mine = generation;
  const more = $('#load-more');
  more.textContent = '正在加载…';
  try {
    const page = await api(queueUrl());
    if (mine !== generation) return;
    $('#queue-list').append(...page.items.map(item));
    cursor = page.nextCursor;
    done = !cursor;
    $('#queue-empty').classList.toggle('hidden', $('#queue-list').children.length > 0);
    more.classList.toggle('hidden', done);
    more.textContent = '加载更多';
  } catch (e) {
    showError(e, $('#queue-error'));
    more.textContent = '重试';
  } finally {
    loading = false;
  }
}

function reset() {
  generation++;
  cursor = null;
  done = false;
  loading = false;
  $('#queue-list').replaceChildren();
  $('#queue-error').replaceChildren();
  load();
}

function selectTab(v) {
  view = v;
  for (const b of document.querySelectorAll('#tabs button')) b.setAttribute('aria-selected', String(b.dataset.view === v));
  reset();
}

/** The filter's states (REOPENED passes on to ACCEPTED at once, so no concern rests in it) and categories. */
function fillFilters() {
  $('#f-state').append(...entries('states').filter((s) => s.value !== 'REOPENED')
    .map((s) => el('option', { value: s.value, text: s.label })));
  api('/api/v1/categories', { auth: false }).then((c) => $('#f-category')
    .append(...c.categories.map((n) => el('option', { value: n, text: n })))).catch(() => null);
}

async function init() {
  if (!requireLogin()) return;
  fillFilters();
  if (stationMode) {
    $('#tabs').classList.add('hidden');
    $('#f-station-box').classList.add('hidden');
    $('#work-title').textContent = '联络站反映';
    api('/api/v1/stations/' + encodeURIComponent(stationId)).then((s) => { $('#work-title').textContent = s.name; }).catch(() => null);
  } else {
    for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => selectTab(b.dataset.view));
    try {
      const me = await api('/api/v1/me');
      const select = $('#f-station');
      for (const s of me.stations || []) select.append(el('option', { value: String(s.id), text: s.name }));
      if ((me.stations || []).length < 2) $('#f-station-box').classList.add('hidden');
      if (me.role === 'LIAISON' || me.role === 'STATION_HEAD') {
        const s = (me.stations || [])[0];
        if (s) $('#me-link').after(el('a', { href: '/work/station?id=' + s.id, id: 'station-link', 'data-testid': 'station-link', text: '本站' }));
      }
    } catch (e) {
      showError(e, $('#queue-error'));
    }
    for (const b of document.querySelectorAll('#tabs button')) b.setAttribute('aria-selected', String(b.dataset.view === view));
  }
  $('#filters').addEventListener('change', reset);
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); reset(); });
  $('#load-more').addEventListener('click', load);
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((entries) => { if (entries.some((x) => x.isIntersecting)) load(); })
      .observe($('#queue-more'));
  }
  load();
}

init();
