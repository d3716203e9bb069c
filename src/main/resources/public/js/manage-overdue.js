// 码上联络 — the committee's overdue queue of its region (/manage/overdue): every open concern past a deadline,
// oldest first, who holds it now; 催办 (to the department, optional new deadline) and 督办 from the list.
import { api, requireLogin, el, $, fmtTime, showError, toast } from '/static/js/api.js';
import { label } from '/static/js/labels.js';

const SEGMENT = { SIGN: '未签收', DEPARTMENT: '部门逾期', RESOLUTION: '办结逾期', FIRST_RESPONSE: '未响应' };
const HOLDER = { DEPARTMENT: label('roles', 'DEPARTMENT'), DEPUTY: '承办代表', STATION: '联络站' };
let region = null;
let cursor = null;
let current = null;

function item(i) {
  const urge = i.holder.kind === 'DEPARTMENT';
  return el('li', { 'data-testid': 'queue-item', 'data-id': String(i.id) },
    el('a', { href: '/work/concerns/' + i.id },
      el('div', { class: 'row1' }, el('span', { text: i.trackingNo + ' · ' + i.stationName }),
        el('span', { class: 'tag tone-alert', text: i.segments.map((s) => SEGMENT[s] || s).join('、') })),
      el('div', { class: 'summary', text: i.summary }),
      el('div', { class: 'meta', 'data-testid': 'holder', text: HOLDER[i.holder.kind] + '：' + i.holder.name + ' · 自 ' + fmtTime(i.overdueSince) + ' 超期' })),
    el('div', { class: 'record-links' },
      urge ? el('button', { type: 'button', class: 'mini-btn', 'data-testid': 'action-urge', text: '催办', onclick: () => openSheet('urge', i) }) : null,
      el('button', { type: 'button', class: 'mini-btn', 'data-testid': 'action-escalate', text: '督办', onclick: () => openSheet('escalate', i) })));
}

function openSheet(action, i) {
  current = { action, item: i };
  $('#sheet-title').textContent = (action === 'urge' ? '催办 ' : '督办 ') + i.trackingNo;
  const fields = [el('div', { class: 'cell' }, el('label', { for: 'f-text', text: action === 'urge' ? '催办意见（发给承办部门）' : '督办意见' }),
    el('textarea', { id: 'f-text', name: 'text', maxlength: '2000', required: true, 'data-testid': 'field-text' }))];
  if (action === 'urge') {
    fields.push(el('div', { class: 'cell' }, el('label', { for: 'f-deadline', text: '新的办理期限（选填）' }),
      el('input', { type: 'date', id: 'f-deadline', name: 'deadline', 'data-testid': 'field-deadline' })));
  }
  $('#sheet-fields').replaceChildren(...fields);
  $('#sheet-error').replaceChildren();
  $('#sheet').classList.remove('hidden');
  $('#sheet-mask').classList.remove('hidden');
}

function closeSheet() {
  current = null;
  $('#sheet').classList.add('hidden');
  $('#sheet-mask').classList.add('hidden');
}

async function submitSheet(e) {
  e.preventDefault();
  if (!current) return;
  const form = $('#sheet');
  const body = { version: current.item.version, text: form.elements.text.value.trim() };
  if (form.elements.deadline && form.elements.deadline.value) body.deadline = form.elements.deadline.value;
  try {
    await api('/api/v1/concerns/' + current.item.id + '/actions/' + current.action, { method: 'POST', body });
    toast(current.action === 'urge' ? '已催办' : '已督办');
    closeSheet();
    load(false);
  } catch (err) {
    showError(err, $('#sheet-error'));
  }
}

async function load(more) {
  const q = new URLSearchParams({ size: '50' });
  if (more && cursor) q.set('cursor', cursor);
  try {
    const page = await api('/api/v1/regions/' + region.id + '/overdue?' + q);
    const list = $('#queue-list');
    if (!more) list.replaceChildren();
    list.append(...page.items.map(item));
    cursor = page.nextCursor;
    $('#load-more').classList.toggle('hidden', !cursor);
    $('#queue-empty').classList.toggle('hidden', list.children.length > 0);
  } catch (e) {
    showError(e, $('#list-error'));
  }
}

async function init() {
  if (!requireLogin()) return;
  $('#sheet').addEventListener('submit', submitSheet);
  $('#sheet-cancel').addEventListener('click', closeSheet);
  $('#sheet-mask').addEventListener('click', closeSheet);
  $('#load-more').addEventListener('click', () => load(true));
  try {
    const me = await api('/api/v1/me');
    if (!me.region) throw new Error('只有人大常委会管理员可以查看');
    region = me.region;
    $('#overdue-title').textContent = region.name + ' · 超期督办';
    load(false);
  } catch (e) {
    showError(e, $('#list-error'));
  }
}

init();
