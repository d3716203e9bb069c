// 办理进度 (/t/{trackingNo}#k=…): the secret stays in the URL fragment, which browsers never send to a server.
import { api, el, $, ApiError, fmtTime, lastSegment, showError, toast } from './api.js';
import { keyFor, residentToken, saveLink } from './resident.js';
import { entries, toneTag } from './labels.js';

const trackingNo = lastSegment();
const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
const key = fragment.get('k') || keyFor(trackingNo);
const base = '/api/v1/track/' + encodeURIComponent(trackingNo);

function headers() {
  const h = {};
  if (key) h['X-Tracking-Key'] = key;
  const token = residentToken();
  if (token) h['X-Resident-Token'] = token;
  return h;
}

async function photo(p) {
  const img = el('img', { alt: '反映附带的图片' });
  const box = el('div', { class: 'photo' }, img);
  api(p.url, { auth: false, headers: headers(), as: 'blob' })
    .then((b) => { img.src = URL.createObjectURL(b); })
    .catch(() => {});
  return box;
}

function ratingForm() {
  const choices = el('div', { class: 'choices', role: 'radiogroup', 'aria-label': '评价' },
    entries('ratings').map(({ value: v, label }, i) => el('label', { for: 'rate-' + i },
      el('input', { type: 'radio', name: 'rating', value: v, id: 'rate-' + i }), el('span', { text: label }))));
  const comment = el('textarea', { id: 'rating-comment', maxlength: '500', placeholder: '说说您的看法（选填；不满意时将重新办理）' });
  const err = el('div');
  const button = el('button', { type: 'submit', class: 'btn btn-primary', text: '提交评价' });
  const form = el('form', { class: 'form', id: 'rating', novalidate: true },
    el('div', { class: 'section-title', text: '对办理结果评价' }),
    el('div', { class: 'cells' }, el('div', { class: 'cell' }, choices),
      el('div', { class: 'cell' }, el('label', { for: 'rating-comment', text: '评价说明' }), el('div', { class: 'cell__bd' }, comment))),
    err, el('div', { class: 'form-actions' }, button));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const chosen = form.querySelector('input[name=rating]:checked');
    if (!chosen) {
      err.replaceChildren(el('div', { class: 'error-box', role: 'alert', text: '请选择评价' }));
      return;
    }
    button.disabled = true;
    try {
      render(await api(base + '/rating', { method: 'POST', auth: false, headers: headers(),
        body: { rating: chosen.value, comment: comment.value.trim() || null } }));
      toast('感谢您的评价');
    } catch (e) {
      showError(e, err);
      button.disabled = false;
    }
  });
  return form;
}

function messageForm() {
  const text = el('textarea', { id: 'message', maxlength: '1000', placeholder: '补充情况、新的进展等（不超过 1000 字）' });
  const err = el('div');
  const button = el('button', { type: 'submit', class: 'btn btn-default', text: '补充信息' });
  const form = el('form', { class: 'form', novalidate: true },
    el('div', { class: 'section-title' }, el('label', { for: 'message', text: '补充信息' })),
    el('div', { class: 'cells' }, el('div', { class: 'cell' }, el('div', { class: 'cell__bd' }, text))),
    err, el('div', { class: 'form-actions' }, button));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) {
      err.replaceChildren(el('div', { class: 'error-box', role: 'alert', text: '请填写补充的内容' }));
      return;
    }
    button.disabled = true;
    try {
      render(await api(base + '/messages', { method: 'POST', auth: false, headers: headers(), body: { body: text.value.trim() } }));
      toast('已补充');
    } catch (e) {
      showError(e, err);
      button.disabled = false;
    }
  });
  return form;
}

/** 有进展时通知我: the opt-in state of this concern, with a button to turn it off or on (needs the mobile left with it). */
function noticeBox() {
  const box = el('div', { class: 'cells', id: 'notice', 'data-testid': 'notice' });
  const show = (n) => {
    if (!n.available) { box.replaceChildren(); return; }
    const text = n.sms ? '有进展时将短信通知 ' + (n.mobileMasked || '') : '未开启进展通知';
    const button = el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'notice-toggle',
      text: n.sms ? '取消通知' : '开启短信通知' });
    const err = el('div');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        show(await api(base + '/notifications', { method: 'PUT', auth: false, headers: headers(), body: { sms: !n.sms } }));
        toast(n.sms ? '已取消进展通知' : '已开启进展通知');
      } catch (e) {
        showError(e, err);
        button.disabled = false;
      }
    });
    box.replaceChildren(el('div', { class: 'cell' }, el('div', { class: 'cell__hd', text: '进展通知' }),
      el('div', { class: 'cell__bd', 'data-testid': 'notice-state', text: text })),
      el('div', { class: 'cell' }, button), err);
  };
  api(base + '/notifications', { auth: false, headers: headers() }).then(show).catch(() => box.replaceChildren());
  return box;
}

/** The latest public answer (a deputy's reply, a department's answer, the resolution or the refusal), or null. */
const ANSWERS = { REPLIED: null, DEPARTMENT_ANSWERED: '承办部门答复', RESOLVED: '办结说明', REJECTED: '不予受理理由' };
function latestAnswer(v) {
  const e = v.timeline.filter((x) => x.type in ANSWERS && x.body).pop();
  if (!e) return null;
  const who = e.type === 'REPLIED' ? (v.deputyName ? v.deputyName + '代表答复' : '代表答复') : ANSWERS[e.type];
  return el('div', { class: 'answer', 'data-testid': 'latest-answer' },
    el('div', { class: 'answer__who' }, el('strong', { text: who + '：' })),
    el('div', { class: 'body', text: e.body }), el('div', { class: 'when', text: fmtTime(e.at) }));
}

async function copyLink() {
  const url = location.origin + location.pathname + (key ? '#k=' + encodeURIComponent(key) : '');
  try {
    await navigator.clipboard.writeText(url);
    toast('查询链接已复制，可粘贴保存或发给家人');
  } catch (e) {
    const box = el('input', { type: 'text', readonly: true, value: url, 'aria-label': '查询链接' });
    $('#copy-box').replaceChildren(box, el('p', { class: 'hint', text: '请长按上面的链接复制' }));
    box.select();
  }
}

function top(v) {
  return el('div', { class: 'track-top' },
    v.expectedBy ? el('p', { class: 'expected', 'data-testid': 'expected-by', text: '预计 ' + fmtTime(v.expectedBy) + ' 前' + (v.expectedFor || '答复') }) : null,
    latestAnswer(v),
    v.canRate ? el('a', { class: 'btn btn-primary', href: '#rating', 'data-testid': 'rate-now', text: '办理已完成，去评价',
      onclick: (e) => { e.preventDefault(); const f = $('#rating'); f.scrollIntoView({ block: 'start' }); const r = f.querySelector('input'); if (r) r.focus({ preventScroll: true }); } }) : null,
    el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'copy-link', text: '复制查询链接', onclick: copyLink }),
    el('div', { id: 'copy-box' }));
}

async function render(v) {
  const rows = [
    ['查询编号', v.trackingNo], ['问题分类', v.category], ['联络站', v.stationName],
    v.deputyName ? ['反映给', v.deputyName + ' 代表'] : null, ['提交时间', fmtTime(v.createdAt)],
    v.address ? ['地点', v.address] : null,
    v.contactName || v.mobileMasked ? ['联系方式', [v.contactName, v.mobileMasked].filter(Boolean).join(' ')] : null,
    v.meTooCount ? ['我也反映', v.meTooCount + ' 次'] : null,
    v.outcomeLabel ? ['办理结果', v.outcomeLabel] : null,
  ].filter(Boolean);
  const entries = (list) => el('ul', { class: 'timeline' }, list.slice().reverse().map((e) => el('li', {},
    el('div', {}, e.label, e.toStateLabel && e.toStateLabel !== e.label && e.type !== 'RESIDENT_MESSAGE' && e.type !== 'ME_TOO' ? ' · ' + e.toStateLabel : ''),
    e.body ? el('div', { class: 'body', text: e.body }) : null,
    el('div', { class: 'when', text: fmtTime(e.at) }))));
  const merged = v.mergedInto ? [
    el('div', { class: 'section-title', id: 'merged-title', text: '已与相同反映合并办理（' + v.mergedInto.trackingNo + '）· '
      + v.mergedInto.stateLabel + (v.mergedInto.outcomeLabel ? ' · ' + v.mergedInto.outcomeLabel : '') }),
    entries(v.mergedInto.timeline)] : [];
  const timeline = entries(v.timeline);
  const photos = v.photos.length ? el('div', { class: 'photos' }, await Promise.all(v.photos.map(photo))) : null;
  $('#page').replaceChildren(...[
    el('div', { class: 'hd' }, el('div', { class: 'status-hd' }, el('h1', { text: '办理进度' }),
      toneTag('states', v.state, v.stateLabel))),
    top(v),
    el('div', { class: 'cells' }, rows.map(([k, val]) => el('div', { class: 'cell' },
      el('div', { class: 'cell__hd', text: k }), el('div', { class: 'cell__bd', text: val })))),
    el('div', { class: 'section-title', text: '反映内容' }),
    el('div', { class: 'content-box', text: v.content }),
    photos,
    noticeBox(),
    el('div', { class: 'section-title', text: '办理过程' }),
    timeline,
    ...merged,
    v.canRate ? ratingForm() : null,
    v.canAddMessage ? messageForm() : null,
    el('div', { class: 'footer' }, el('a', { href: '/my', text: '我的反映' })),
  ].filter(Boolean));
  document.dispatchEvent(new CustomEvent('track:view', { detail: v })); // for add-ons such as js/track-suggestions.js
}

async function init() {
  if (fragment.get('k')) {
    saveLink(trackingNo, fragment.get('k'));
  }
  try {
    await render(await api(base, { auth: false, headers: headers() }));
  } catch (e) {
    const text = e instanceof ApiError && e.status === 404
      ? '未找到此反映。请使用提交成功后保存的查询链接打开。' : e.message;
    $('#page').replaceChildren(el('div', { class: 'msg' },
      el('div', { class: 'icon warn', 'aria-hidden': 'true', text: '!' }), el('h2', { text: '无法查看' }), el('p', { text }),
      el('a', { class: 'btn btn-primary', href: '/recover', 'data-testid': 'to-recover', text: '用手机号找回我的反映' })));
  }
}

init();
