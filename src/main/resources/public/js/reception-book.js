// Resident booking page /r/{sessionId}: shows the session, books a slot (optional name/mobile), shows the booking code.
import { api, el, $, fill, showError, fmtTime, lastSegment } from './api.js';
import { residentToken, saveResidentToken } from './resident.js';

const sessionId = lastSegment();
const form = $('#form');
const CODES = 'mashang.bookings';

function row(label, value) {
  return value ? el('div', { class: 'cell' }, el('div', { class: 'cell__hd', text: label }), el('div', { class: 'cell__bd', text: value })) : null;
}

function remember(code) {
  try {
    const all = JSON.parse(localStorage.getItem(CODES) || '{}');
    all[sessionId] = code;
    localStorage.setItem(CODES, JSON.stringify(all));
  } catch (e) { /* private mode */ }
}

function rememberedCode() {
  try { return JSON.parse(localStorage.getItem(CODES) || '{}')[sessionId] || null; } catch (e) { return null; }
}

function forget() {
  try {
    const all = JSON.parse(localStorage.getItem(CODES) || '{}');
    delete all[sessionId];
    localStorage.setItem(CODES, JSON.stringify(all));
  } catch (e) { /* private mode */ }
}

/** 取消预约 from the device that booked (its resident token); the seat is freed. */
async function cancel(code, button) {
  if (!window.confirm('确定取消这次预约吗？')) return;
  button.disabled = true;
  try {
    await api('/api/v1/bookings/' + encodeURIComponent(code) + '/cancel', {
      method: 'POST', auth: false, headers: tokenHeaders() });
    forget();
    $('#done').replaceChildren(el('div', { class: 'msg', 'data-testid': 'booking-cancelled' },
      el('h2', { text: '预约已取消' }), el('p', { text: '名额已释放，欢迎另约其他场次。' })));
  } catch (e) {
    showError(e, $('#cancel-error'));
    button.disabled = false;
  }
}

function tokenHeaders() {
  const token = residentToken();
  return token ? { 'X-Resident-Token': token } : {};
}

/** 预约提醒 of this booking: on or off, with a button to turn it off (or on again); shown when a mobile was left. */
function noticeBox(code) {
  const box = el('div', { class: 'cells', 'data-testid': 'booking-notice' });
  const path = '/api/v1/bookings/' + encodeURIComponent(code) + '/notifications';
  const show = (n) => {
    if (!n.available) { box.replaceChildren(); return; }
    const err = el('div');
    const button = el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'booking-notice-toggle',
      text: n.sms ? '取消预约提醒' : '开启短信提醒' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        show(await api(path, { method: 'PUT', auth: false, headers: tokenHeaders(), body: { sms: !n.sms } }));
      } catch (e) {
        showError(e, err);
        button.disabled = false;
      }
    });
    box.replaceChildren(el('div', { class: 'cell' }, el('div', { class: 'cell__hd', text: '预约提醒' }),
      el('div', { class: 'cell__bd', 'data-testid': 'booking-notice-state',
        text: n.sms ? '已开启，短信发至 ' + (n.mobileMasked || '') : '未开启' })),
    el('div', { class: 'cell' }, button), err);
  };
  api(path, { auth: false, headers: tokenHeaders() }).then(show).catch(() => box.replaceChildren());
  return box;
}

function showCode(code, s) {
  form.classList.add('hidden');
  $('#done').classList.remove('hidden');
  $('#done').replaceChildren(
    el('div', { class: 'section-title', text: '您的预约码' }),
    el('div', { class: 'code-box' },
      el('div', { class: 'code', text: code }),
      el('img', { src: '/api/v1/bookings/' + encodeURIComponent(code) + '/qr.svg', alt: '预约码二维码 ' + code })),
    el('div', { class: 'hint', text: `请于 ${fmtTime(s.startsAt)} 前往 ${s.place || s.stationName}，向联络员出示预约码签到。` }),
    noticeBox(code),
    el('div', { id: 'cancel-error' }),
    el('div', { class: 'form-actions' }, el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'cancel-booking',
      text: '取消预约', onclick: (ev) => cancel(code, ev.currentTarget) })));
}

async function load() {
  let s;
  try {
    s = await api('/api/v1/sessions/' + encodeURIComponent(sessionId), { auth: false });
  } catch (e) {
    showError(e, $('#error'));
    $('#station').textContent = '';
    return;
  }
  document.title = '预约接待日 · ' + s.stationName;
  $('#station').textContent = s.stationName;
  const names = (s.deputies || []).map((d) => d.name).join('、');
  fill($('#info'),
    row('时间', fmtTime(s.startsAt) + ' — ' + fmtTime(s.endsAt).slice(11)),
    row('地点', s.place),
    row('接待代表', names || '待定'),
    row('名额', `共 ${s.capacity} 个，剩余 ${s.remaining} 个`),
    s.moved ? row('说明', `原定 ${s.nominalDate} 适逢休息日或节假日，顺延至本日`) : null);
  const known = rememberedCode();
  if (known) { showCode(known, s); return; }
  if (s.status !== 'SCHEDULED' || new Date(s.startsAt) <= new Date()) {
    $('#error').replaceChildren(el('div', { class: 'error-box', role: 'alert', text: '该场接待已开始或已取消，不能再预约。' }));
    return;
  }
  if (s.remaining <= 0) {
    $('#error').replaceChildren(el('div', { class: 'error-box', role: 'alert', text: '本场名额已满，欢迎直接到站或选择其他场次。' }));
    return;
  }
  form.classList.remove('hidden');
  form.addEventListener('submit', (e) => { e.preventDefault(); book(s); });
}

async function book(s) {
  const contactName = $('#contactName').value.trim();
  const mobile = $('#mobile').value.trim();
  const consent = $('#consent').checked;
  const notifyMe = $('#notifyMe').checked;
  const problem = mobile && !/^1[3-9]\d{9}$/.test(mobile) ? '请填写正确的 11 位手机号'
    : notifyMe && !mobile ? '需要预约提醒时请填写手机号'
    : (mobile || contactName) && !consent ? '留下姓名或手机号时，请勾选同意个人信息使用说明' : null;
  if (problem) { $('#form-error').replaceChildren(el('div', { class: 'error-box', role: 'alert', text: problem })); return; }
  const button = $('#submit');
  button.disabled = true;
  button.textContent = '正在预约…';
  try {
    const a = await api('/api/v1/sessions/' + encodeURIComponent(sessionId) + '/bookings', {
      method: 'POST', auth: false, headers: tokenHeaders(),
      body: { contactName: contactName || null, mobile: mobile || null, consent, notifyMe }
    });
    saveResidentToken(a.residentToken);
    remember(a.bookingCode);
    showCode(a.bookingCode, s);
  } catch (e) {
    showError(e, $('#form-error'));
  } finally {
    button.disabled = false;
    button.textContent = '预约';
  }
}

load();
