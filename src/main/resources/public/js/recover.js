// 找回我的反映 (/recover): mobile → a 6-digit code by SMS → the concerns submitted with that number, each opening
// its tracking page through the link key the API returns. The recovery token lives only in this page's memory.
import { api, el, $, fmtTime } from './api.js';
import { showFieldErrors, clearFieldErrors, fromApi } from './field-errors.js';
import { toneTag } from './labels.js';

const MOBILE = /^1[3-9]\d{9}$/;
const codeForm = $('#code-form');
const verifyForm = $('#verify-form');

async function sendCode(ev) {
  ev.preventDefault();
  const mobile = $('#mobile').value.trim();
  if (!MOBILE.test(mobile)) {
    showFieldErrors(codeForm, [{ field: 'mobile', message: '请填写正确的 11 位手机号' }]);
    return;
  }
  clearFieldErrors(codeForm);
  const button = $('#send');
  button.disabled = true;
  try {
    const a = await api('/api/v1/recovery/codes', { method: 'POST', auth: false, body: { mobile } });
    $('#sent').textContent = `如此号码提交过反映，验证码已发送（${Math.round(a.expiresInSeconds / 60)} 分钟内有效）`;
    verifyForm.classList.remove('hidden');
    $('#code').focus();
  } catch (e) {
    fromApi(codeForm, e, $('#code-error'));
  }
  button.disabled = false;
}

function list(items) {
  if (!items.length) {
    return el('div', { class: 'empty', 'data-testid': 'recovered-empty', text: '此号码没有提交过反映。' });
  }
  return el('div', { class: 'cells', 'data-testid': 'recovered' }, items.map((i) => el('a', { class: 'cell', href: i.link },
    el('div', { class: 'cell__bd' },
      el('div', {}, toneTag('states', i.state, i.stateLabel), ' ', i.category),
      el('div', { class: 'cell__desc', text: i.stationName }),
      el('div', { class: 'cell__desc', text: i.trackingNo + ' · ' + fmtTime(i.createdAt) })))));
}

async function verify(ev) {
  ev.preventDefault();
  const mobile = $('#mobile').value.trim();
  const code = $('#code').value.trim();
  if (!/^\d{6}$/.test(code)) {
    showFieldErrors(verifyForm, [{ field: 'code', message: '请填写 6 位验证码' }]);
    return;
  }
  clearFieldErrors(verifyForm);
  const button = $('#verify');
  button.disabled = true;
  try {
    const { recoveryToken } = await api('/api/v1/recovery/token', { method: 'POST', auth: false, body: { mobile, code } });
    const answer = await api('/api/v1/recovery/concerns', { auth: false, headers: { 'X-Recovery-Token': recoveryToken } });
    codeForm.classList.add('hidden');
    verifyForm.classList.add('hidden');
    $('#list').replaceChildren(el('div', { class: 'section-title', text: '此号码提交的反映' }), list(answer.items));
  } catch (e) {
    fromApi(verifyForm, e, $('#verify-error'));
    button.disabled = false;
  }
}

codeForm.addEventListener('submit', sendCode);
verifyForm.addEventListener('submit', verify);
