// 码上联络 — a department's inbox (/dept): 待办 (overdue first, the deadline that runs) and 已办, endless list.
import { api, requireLogin, el, $, fmtTime, showError } from '/static/js/api.js';
import { toneClass } from '/static/js/labels.js';

const SEGMENT = { SIGN: '签收超期', DEPARTMENT: '答复超期', RESOLUTION: '办结超期', FIRST_RESPONSE: '响应超期' };
/** How a referral ended, as its department sees it. */
const STATUS = { OPEN: '办理中', ANSWERED: '部门已答复', RETURNED: '已退回', WITHDRAWN: '已收回' };
let view = 'todo';
let cursor = null;

function item(i) {
  const due = i.signedAt ? '答复期限 ' + fmtTime(i.deadline).slice(0, 10) : '签收期限 ' + fmtTime(i.signDue);
  return el('li', { 'data-testid': 'queue-item', 'data-id': String(i.concernId) },
    el('a', { href: '/dept/concerns/' + i.concernId },
      el('div', { class: 'row1' }, el('span', { text: i.trackingNo + ' · ' + i.category }),
        el('span', {}, i.overdue ? el('span', { class: 'tag tone-alert', 'data-testid': 'overdue', text: i.overdueSegments.map((s) => SEGMENT[s] || s).join('、') }) : null,
          el('span', { class: toneClass('states', i.state), text: view === 'todo' ? (i.signedAt ? '已签收' : '待签收') : (STATUS[i.status] || i.status) }))),
      el('div', { class: 'summary', text: i.summary }),
      el('div', { class: 'meta', text: i.stationName + ' · ' + due })));
}

async function load(more) {
  const q = new URLSearchParams({ view, size: '20' });
  if (more && cursor) q.set('cursor', cursor);
  try {
    const page = await api('/api/v1/me/referrals?' + q);
    const list = $('#queue-list');
    if (!more) list.replaceChildren();
    list.append(...page.items.map(item));
    cursor = page.nextCursor;
    $('#load-more').classList.toggle('hidden', !cursor);
    $('#queue-empty').classList.toggle('hidden', list.children.length > 0);
    $('#list-error').replaceChildren();
  } catch (e) {
    showError(e, $('#list-error'));
  }
}

function select(v) {
  view = v;
  cursor = null;
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.view === v));
  load(false);
}

function init() {
  if (!requireLogin()) return;
  for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => select(b.dataset.view));
  $('#load-more').addEventListener('click', () => load(true));
  api('/api/v1/me').then((me) => { $('#dept-title').textContent = me.displayName + ' · 交办'; }).catch(() => null);
  load(false);
}

init();
