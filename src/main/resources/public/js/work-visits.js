// 码上联络 — a deputy logs a visit to residents (/work/visits, 走访): station, date, place, how many, topics and the
// concerns raised on the spot (each becomes a concern with channel VISIT; its tracking link is shown to hand over).
// My earlier visits below. One Idempotency-Key per form, kept across retries.
import { api, el, $, fill, newKey, requireLogin, showError } from './api.js';
import { showFieldErrors, clearFieldErrors, fromApi } from './field-errors.js';

let categories = [];
let key = newKey();
let n = 0;

function today() {
  return new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
}

function raised() {
  const i = n++;
  const id = (f) => 'r' + i + '-' + f;
  const box = el('div', { class: 'cells raised', 'data-testid': 'raised' },
    el('div', { class: 'cell' }, el('label', { for: id('category'), text: '类别' }),
      el('select', { id: id('category'), name: id('category'), 'data-testid': 'raised-category' },
        categories.map((c) => el('option', { value: c, text: c })))),
    el('div', { class: 'cell' }, el('label', { for: id('content'), text: '内容' }),
      el('textarea', { id: id('content'), name: id('content'), maxlength: '2000', required: true, placeholder: '群众反映的问题', 'data-testid': 'raised-content' })),
    el('div', { class: 'cell' }, el('label', { for: id('contactName'), text: '群众姓名' }),
      el('input', { type: 'text', id: id('contactName'), name: id('contactName'), maxlength: '32', placeholder: '选填' })),
    el('div', { class: 'cell' }, el('label', { for: id('mobile'), text: '手机号' }),
      el('input', { type: 'tel', id: id('mobile'), name: id('mobile'), maxlength: '11', placeholder: '选填，用于告知办理结果' })),
    el('label', { class: 'checkline', for: id('consent') },
      el('input', { type: 'checkbox', id: id('consent'), name: id('consent') }), el('span', { text: '群众同意留下姓名和手机号' })));
  box.dataset.index = String(i);
  return box;
}

function concernsOf(form) {
  return [...form.querySelectorAll('.raised')].map((b) => {
    const v = (f) => form.elements['r' + b.dataset.index + '-' + f];
    return { category: v('category').value, content: v('content').value.trim(), contactName: v('contactName').value.trim() || null,
      mobile: v('mobile').value.trim() || null, consent: v('consent').checked };
  }).filter((c) => c.content);
}

async function submit(e) {
  e.preventDefault();
  const f = e.target;
  const missing = [...f.querySelectorAll('.cells:not(.raised) [required]')].filter((c) => !c.value.trim())
    .map((c) => ({ field: c.name, message: '请填写' + c.labels[0].textContent }));
  if (missing.length) { showFieldErrors(f, missing); return; }
  clearFieldErrors(f);
  $('#visit-submit').disabled = true;
  try {
    const v = await api('/api/v1/visits', { method: 'POST', headers: { 'Idempotency-Key': key }, body: {
      stationId: Number(f.elements.stationId.value), visitDate: f.elements.visitDate.value, place: f.elements.place.value.trim(),
      residents: Number(f.elements.residents.value) || null, topics: f.elements.topics.value.trim(), concerns: concernsOf(f) } });
    key = newKey();
    f.reset();
    f.elements.visitDate.value = today();
    $('#raised-list').replaceChildren();
    fill($('#visit-done'), el('div', { class: 'answer', role: 'status' },
      el('div', { class: 'body', text: '走访已记录：' + v.place + '，' + v.residents + ' 人' + (v.concerns.length ? '；当场反映 ' + v.concerns.length + ' 件，请把查询编号告诉群众：' : '') }),
      v.concerns.map((c) => el('div', { class: 'tracking-no', 'data-testid': 'raised-tracking', text: c.trackingNo }))));
    $('#visit-done').classList.remove('hidden');
    list();
  } catch (err) {
    fromApi(f, err, $('#visit-error'));
  } finally {
    $('#visit-submit').disabled = false;
  }
}

async function list() {
  try {
    const visits = await api('/api/v1/visits');
    fill($('#visit-list'), visits.length ? visits.map((v) => el('div', { class: 'cell', 'data-testid': 'visit-item' },
      el('span', { class: 'cell__bd' }, el('div', { text: v.visitDate + ' · ' + v.place }),
        el('div', { class: 'cell__desc', text: v.topics })),
      el('span', { class: 'cell__ft', text: v.residents + ' 人' + (v.concernCount ? ' · ' + v.concernCount + ' 件' : '') })))
      : el('div', { class: 'empty', text: '还没有走访记录' }));
  } catch (e) {
    showError(e, $('#list-error'));
  }
}

async function start() {
  if (!requireLogin()) return;
  const me = await api('/api/v1/me').catch(() => null);
  const f = $('#visit-form');
  if (!me || !me.deputy || !me.stations.length) {
    fill($('#visit-error'), el('div', { class: 'error-box', role: 'alert', text: '走访由代表本人记录，请使用代表账号登录' }));
    return;
  }
  fill(f.elements.stationId, me.stations.map((s) => el('option', { value: String(s.id), text: s.name })));
  f.elements.visitDate.value = today();
  f.elements.visitDate.max = today();
  const station = await api('/api/v1/stations/' + me.stations[0].id, { auth: false }).catch(() => null);
  const offer = station && station.code ? await api('/api/v1/categories?code=' + encodeURIComponent(station.code), { auth: false }).catch(() => null) : null;
  categories = offer ? offer.categories : ['其他'];
  $('#add-raised').addEventListener('click', () => { const b = raised(); $('#raised-list').append(b); b.querySelector('textarea').focus(); });
  f.addEventListener('submit', submit);
  list();
}

start();
