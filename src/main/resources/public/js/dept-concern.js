// 码上联络 — a referred concern as its department sees it (/dept/concerns/{id}): text, photos, station contact,
// deadlines, the referral's timeline, and the department's actions (签收, 答复, 退回, 申请延期) as bottom sheets.
import { api, requireLogin, el, $, fmtTime, showError, lastSegment } from '/static/js/api.js';
import { actionSheet, field, textArea as area, fact, placeFacts, showPhotos } from '/static/js/concern-sheet.js';
import { actionByPath, entries, toneClass } from '/static/js/labels.js';

const id = lastSegment();
let c = null;
/** The department's actions and how their buttons look; their words come from the server's labels. */
const LOOK = { sign: 'primary', 'dept-answer': 'primary', 'request-extension': '', return: 'warn' };
const labelOf = (path) => (actionByPath(path) || {}).label || path;
const OUTCOMES = entries('outcomes').filter((o) => o.value !== 'DUPLICATE_MERGED').map((o) => [o.value, o.label]);

function fieldsOf(action) {
  switch (action) {
    case 'sign': return [field('签收说明', area('text', '选填', false), '签收后开始计算答复期限')];
    case 'dept-answer': return [
      el('fieldset', { class: 'cell choices', id: 'f-outcome' }, el('legend', { text: '建议办理结果' }),
        ...OUTCOMES.map(([v, t]) => el('label', { for: 'outcome-' + v },
          el('input', { type: 'radio', name: 'proposedOutcome', id: 'outcome-' + v, value: v, 'data-testid': 'outcome-' + v }), el('span', { text: t })))),
      field('答复内容', area('text', '部门的答复（群众可见），联络站据此办结', true))];
    case 'request-extension': return [field('延期至', el('input', { type: 'date', id: 'f-until', name: 'until', 'data-testid': 'field-until' })),
      field('延期理由', area('text', '须在办理期限届满前申请，由站长或人大常委会审批', true))];
    case 'return': return [field('退回理由', area('reason', '说明为何不属于本部门办理', true)),
      field('法律政策依据', area('legalBasis', '如《……条例》第×条', true))];
    default: return [];
  }
}

function bodyOf(action, form) {
  const v = (n) => (form.elements[n] ? form.elements[n].value.trim() : '');
  const b = { version: c.version };
  for (const n of ['text', 'reason', 'legalBasis', 'until']) if (v(n)) b[n] = v(n);
  if (action === 'dept-answer') { const o = form.querySelector('input[name=proposedOutcome]:checked'); b.proposedOutcome = o ? o.value : null; }
  return b;
}

function render() {
  const r = c.referral;
  $('#loading').classList.add('hidden');
  $('#detail').classList.remove('hidden');
  $('#concern-title').textContent = '#' + c.id + ' ' + c.category;
  const tag = $('#state-tag');
  tag.textContent = r.held ? (r.signedAt ? '已签收' : '待签收') : c.stateLabel;
  tag.className = toneClass('states', c.state);
  $('#overdue-tag').classList.toggle('hidden', !c.overdue);
  $('#tracking-no').textContent = c.trackingNo + ' · ' + fmtTime(c.createdAt);
  $('#content').textContent = c.content;
  showPhotos($('#photos'), c.photos);
  $('#facts').replaceChildren(...[
    fact('联络站', c.station.name, 'fact-station'),
    fact('联络站地址', c.station.address, 'fact-station-address'),
    fact('联络站电话', c.station.phone, 'fact-station-phone'),
    fact('地址', c.address, 'fact-address'),
    ...placeFacts(c.location),
    fact('签收期限', fmtTime(r.signDue), 'fact-sign-due'),
    fact('签收时间', r.signedAt && fmtTime(r.signedAt), 'fact-signed'),
    fact('办理期限', fmtTime(r.deadline).slice(0, 10), 'fact-deadline'),
    fact('退回理由', r.returnReason, 'fact-return-reason')
  ].filter(Boolean));
  $('#contact-cells').classList.toggle('hidden', !c.mobileMasked);
  $('#contact').textContent = [c.contactName, c.mobileMasked].filter(Boolean).join(' ');
  $('#reveal-contact').classList.toggle('hidden', !(c.mobileMasked && r.held));
  const pending = $('#pending-extension');
  pending.classList.toggle('hidden', !c.pendingExtension);
  if (c.pendingExtension) pending.textContent = '延期申请待审批：延至 ' + fmtTime(c.pendingExtension.until).slice(0, 10);
  $('#timeline').replaceChildren(...c.timeline.slice().reverse().map((e) => el('li', { 'data-testid': 'event', 'data-type': e.type },
    el('div', {}, el('strong', { text: e.label })), e.body ? el('div', { class: 'body', text: e.body }) : null,
    el('div', { class: 'when', text: fmtTime(e.at) }))));
  sheet.bar($('#actions'), c.allowedActions);
}

async function load() {
  try {
    c = await api('/api/v1/me/referrals/' + encodeURIComponent(id));
    render();
  } catch (e) {
    $('#loading').classList.add('hidden');
    showError(e, $('#detail-error'));
  }
}

async function reveal() {
  try {
    const r = await api('/api/v1/me/referrals/' + encodeURIComponent(id) + '/contact');
    $('#contact').replaceChildren(el('span', { text: (r.contactName || '') + ' ' }),
      r.mobile ? el('a', { href: 'tel:' + r.mobile, text: r.mobile, 'data-testid': 'contact-mobile' }) : '');
    $('#reveal-contact').classList.add('hidden');
  } catch (e) {
    showError(e);
  }
}

const sheet = actionSheet({
  looks: LOOK, labelOf, fieldsOf, bodyOf,
  post: (action, body) => api('/api/v1/concerns/' + encodeURIComponent(id) + '/actions/' + action, { method: 'POST', body }),
  done: (next) => { c = next; render(); },
  reload: () => load()
});

function init() {
  if (!requireLogin()) return;
  $('#reveal-contact').addEventListener('click', reveal);
  load();
}

init();
